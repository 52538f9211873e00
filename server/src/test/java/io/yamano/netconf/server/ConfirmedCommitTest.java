package io.yamano.netconf.server;

import static io.yamano.netconf.server.CoreOperationsTest.assertOk;
import static io.yamano.netconf.server.Xml.editConfig;
import static io.yamano.netconf.server.Xml.item;
import static io.yamano.netconf.server.Xml.itemFilter;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.client.NetconfClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirmed commit over SSH (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.4">RFC 6241
 * §8.4</a>, {@code :confirmed-commit:1.1}).
 */
class ConfirmedCommitTest {
  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @AfterEach
  void nothingPending() {
    assertTrue(server.server.datastore().pendingConfirmedCommit().isEmpty(), "still pending");
  }

  /** Puts a new item in the candidate and returns its key. */
  private static String editCandidate(NetconfClient c) throws Exception {
    String id = TestServer.unique("cc");
    assertOk(c.rpc(editConfig("candidate", top(item(id, 1)))));
    return id;
  }

  private static boolean inRunning(NetconfClient c, String id) throws Exception {
    return c.rpc(Xml.getConfig("running", itemFilter(id))).contains("<id>" + id + "</id>");
  }

  /** RFC 6241 §8.4.1: without a confirming commit, running reverts when the timeout passes. */
  @Test
  void timeoutRevertsRunning() throws Exception {
    try (var a = server.connect()) {
      String id = editCandidate(a);
      assertOk(a.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>"));
      assertTrue(inRunning(a, id));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (inRunning(a, id) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(inRunning(a, id), "the confirmed commit was not undone");
    }
  }

  /** RFC 6241 §8.4.1: a plain commit before the timeout confirms; the change stays. */
  @Test
  void confirmingCommitKeepsTheChange() throws Exception {
    try (var a = server.connect()) {
      String id = editCandidate(a);
      assertOk(a.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>"));
      assertOk(a.rpc("<commit/>"));
      Thread.sleep(1500);
      assertTrue(inRunning(a, id));
    }
  }

  /** RFC 6241 §8.4.4.1: cancel-commit undoes the confirmed commit at once. */
  @Test
  void cancelCommitReverts() throws Exception {
    try (var a = server.connect()) {
      String id = editCandidate(a);
      assertOk(a.rpc("<commit><confirmed/></commit>"));
      assertTrue(inRunning(a, id));
      assertOk(a.rpc("<cancel-commit/>"));
      assertFalse(inRunning(a, id));
    }
  }

  /**
   * RFC 6241 §8.4.1, §8.4.5.1: with persist the commit outlives its session and another session
   * confirms it with the token as persist-id.
   */
  @Test
  void persistConfirmedFromAnotherSession() throws Exception {
    String id;
    try (var a = server.connect()) {
      id = editCandidate(a);
      assertOk(a.rpc("<commit><confirmed/><persist>tok-1</persist></commit>"));
    }
    try (var b = server.connect()) {
      assertTrue(inRunning(b, id), "the persisted commit survived the end of its session");
      assertOk(b.rpc("<commit><persist-id>tok-1</persist-id></commit>"));
      assertTrue(inRunning(b, id));
    }
  }

  /** RFC 6241 §8.4.5.1: a persist-id that does not match is invalid-value. */
  @Test
  void wrongPersistIdIsInvalidValue() throws Exception {
    try (var a = server.connect();
        var b = server.connect()) {
      String id = editCandidate(a);
      assertOk(a.rpc("<commit><confirmed/><persist>tok-2</persist></commit>"));
      String reply = b.rpc("<commit><persist-id>wrong</persist-id></commit>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
      reply = b.rpc("<cancel-commit><persist-id>wrong</persist-id></cancel-commit>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
      assertOk(b.rpc("<cancel-commit><persist-id>tok-2</persist-id></cancel-commit>"));
      assertFalse(inRunning(b, id));
    }
  }

  /** RFC 6241 §8.4.1: without persist, only the issuing session may confirm: in-use. */
  @Test
  void otherSessionCannotConfirmWithoutPersist() throws Exception {
    try (var a = server.connect();
        var b = server.connect()) {
      editCandidate(a);
      assertOk(a.rpc("<commit><confirmed/></commit>"));
      String reply = b.rpc("<commit/>");
      assertTrue(reply.contains("<error-tag>in-use</error-tag>"), reply);
      assertOk(a.rpc("<cancel-commit/>"));
    }
  }

  /** RFC 6241 §8.4.4.1: cancel-commit with no confirmed commit pending is operation-failed. */
  @Test
  void cancelWithNothingPendingFails() throws Exception {
    try (var a = server.connect()) {
      String reply = a.rpc("<cancel-commit/>");
      assertTrue(reply.contains("<error-tag>operation-failed</error-tag>"), reply);
    }
  }

  /** RFC 6241 §8.4.5.1: confirm-timeout is a uint32 of at least 1. */
  @Test
  void zeroTimeoutIsInvalidValue() throws Exception {
    try (var a = server.connect()) {
      for (String bad : new String[] {"0", "-5", "4294967296", "soon"}) {
        String reply =
            a.rpc("<commit><confirmed/><confirm-timeout>" + bad + "</confirm-timeout></commit>");
        assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
      }
    }
  }
}
