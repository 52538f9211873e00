package io.yamano.netconf.server;

import static io.yamano.netconf.server.Xml.editConfig;
import static io.yamano.netconf.server.Xml.getConfig;
import static io.yamano.netconf.server.Xml.item;
import static io.yamano.netconf.server.Xml.itemFilter;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get-config, edit-config, commit, lock and the envelope errors, over SSH for real. */
class CoreOperationsTest {
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

  /** RFC 6241 §7.1: get-config of running returns the configuration in {@code <data>}. */
  @Test
  void getConfigRunningReturnsData() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc(getConfig("running", ""));
      assertTrue(reply.contains("<data"), reply);
      assertTrue(reply.contains("yamano-aaa"), reply);
      assertFalse(reply.contains("rpc-error"), reply);
    }
  }

  /** RFC 6241 §7.2: a merge into running is visible to get-config at once. */
  @Test
  void editConfigMergeIntoRunning() throws Exception {
    String id = TestServer.unique("merge");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(id, 7)))));
      String reply = c.rpc(getConfig("running", itemFilter(id)));
      assertTrue(reply.contains("<value>7</value>"), reply);
    }
  }

  /** RFC 6241 §8.3: edits to the candidate reach running only with commit. */
  @Test
  void candidateWorkflowCommit() throws Exception {
    String id = TestServer.unique("cand");
    try (var c = server.connect()) {
      assertOk(c.rpc("<lock><target><candidate/></target></lock>"));
      assertOk(c.rpc(editConfig("candidate", top(item(id, 1)))));
      assertFalse(c.rpc(getConfig("running", itemFilter(id))).contains(id));
      assertTrue(c.rpc(getConfig("candidate", itemFilter(id))).contains(id));
      assertOk(c.rpc("<commit/>"));
      assertTrue(c.rpc(getConfig("running", itemFilter(id))).contains(id));
      assertOk(c.rpc("<unlock><target><candidate/></target></unlock>"));
    }
  }

  /** RFC 6241 §8.3.4.2: discard-changes reverts the candidate to running. */
  @Test
  void discardChangesRevertsCandidate() throws Exception {
    String id = TestServer.unique("discard");
    try (var c = server.connect()) {
      assertOk(c.rpc("<lock><target><candidate/></target></lock>"));
      assertOk(c.rpc(editConfig("candidate", top(item(id, 1)))));
      assertOk(c.rpc("<discard-changes/>"));
      assertFalse(c.rpc(getConfig("candidate", itemFilter(id))).contains(id));
      assertOk(c.rpc("<unlock><target><candidate/></target></unlock>"));
    }
  }

  /** RFC 6241 §7.5: a second lock is lock-denied with the holder's session-id in error-info. */
  @Test
  void lockDeniedNamesHolder() throws Exception {
    try (var a = server.connect();
        var b = server.connect()) {
      assertOk(a.rpc("<lock><target><startup/></target></lock>"));
      String reply = b.rpc("<lock><target><startup/></target></lock>");
      assertTrue(reply.contains("<error-tag>lock-denied</error-tag>"), reply);
      assertTrue(reply.contains("<session-id>" + a.sessionId() + "</session-id>"), reply);
      assertOk(a.rpc("<unlock><target><startup/></target></unlock>"));
    }
  }

  /** RFC 6241 §7.5: a lock is released when its session ends. */
  @Test
  void lockReleasedWhenSessionCloses() throws Exception {
    try (var b = server.connect()) {
      try (var a = server.connect()) {
        assertOk(a.rpc("<lock><target><startup/></target></lock>"));
      }
      assertOk(b.rpc("<lock><target><startup/></target></lock>"));
      assertOk(b.rpc("<unlock><target><startup/></target></unlock>"));
    }
  }

  /** RFC 6241 §7.2 and App. A: editing a datastore another session locked is in-use. */
  @Test
  void editLockedRunningIsInUse() throws Exception {
    try (var a = server.connect();
        var b = server.connect()) {
      assertOk(a.rpc("<lock><target><running/></target></lock>"));
      String reply = b.rpc(editConfig("running", top(item(TestServer.unique("x"), 1))));
      assertTrue(reply.contains("<error-tag>in-use</error-tag>"), reply);
      assertTrue(reply.contains("<session-id>" + a.sessionId() + "</session-id>"), reply);
      assertOk(a.rpc("<unlock><target><running/></target></unlock>"));
    }
  }

  /** RFC 6241 §7.6: unlocking a lock this session does not hold fails. */
  @Test
  void unlockNotHeldFails() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc("<unlock><target><startup/></target></unlock>");
      assertTrue(reply.contains("<error-tag>operation-failed</error-tag>"), reply);
    }
  }

  /** RFC 6241 §7.2: create of existing data is data-exists, with the entry's error-path. */
  @Test
  void createExistingIsDataExists() throws Exception {
    String id = TestServer.unique("exists");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(id, 1)))));
      String reply =
          c.rpc(
              editConfig(
                  "running",
                  top(
                      "<item xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                          + " nc:operation=\"create\"><id>"
                          + id
                          + "</id></item>")));
      assertTrue(reply.contains("<error-tag>data-exists</error-tag>"), reply);
      assertTrue(reply.contains("/ops:top/ops:item[ops:id='" + id + "']"), reply);
      assertTrue(reply.contains("xmlns:ops=\"urn:example:ops\""), reply);
    }
  }

  /** RFC 6241 §7.2: delete of absent data is data-missing. */
  @Test
  void deleteMissingIsDataMissing() throws Exception {
    try (var c = server.connect()) {
      String reply =
          c.rpc(
              editConfig(
                  "running",
                  top(
                      "<item xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                          + " nc:operation=\"delete\"><id>nope</id></item>")));
      assertTrue(reply.contains("<error-tag>data-missing</error-tag>"), reply);
    }
  }

  /** RFC 6241 App. A: an element the schema does not have is unknown-element with bad-element. */
  @Test
  void unknownElementNamesBadElement() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc(editConfig("running", top("<colour>red</colour>")));
      assertTrue(reply.contains("<error-tag>unknown-element</error-tag>"), reply);
      assertTrue(reply.contains("<bad-element>colour</bad-element>"), reply);
    }
  }

  /** RFC 6241 App. A: a value outside its type is invalid-value with a prefixed error-path. */
  @Test
  void invalidValueHasErrorPath() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc(editConfig("running", top("<mtu>10</mtu>")));
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
      assertTrue(reply.contains("/ops:top/ops:mtu</error-path>"), reply);
    }
  }

  /** RFC 6241 App. A: several faults in one edit give several rpc-errors in one reply. */
  @Test
  void severalErrorsInOneReply() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc(editConfig("running", top("<mtu>10</mtu><colour>red</colour>")));
      assertEquals(2, count(reply, "<rpc-error>"), reply);
    }
  }

  /** RFC 6241 §4.1: an rpc without message-id is missing-attribute and the session goes on. */
  @Test
  void missingMessageId() throws Exception {
    try (var c = server.connect()) {
      var reply = c.expectReply();
      c.sendRaw(
          "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><get/></rpc>"
              .getBytes(StandardCharsets.UTF_8));
      String r = reply.get(10, TimeUnit.SECONDS);
      assertTrue(r.contains("<error-tag>missing-attribute</error-tag>"), r);
      assertTrue(r.contains("<bad-attribute>message-id</bad-attribute>"), r);
      String next = c.rpc("<get-config><source><running/></source><filter/></get-config>");
      assertTrue(next.contains("<data") && !next.contains("rpc-error"), next);
    }
  }

  /** RFC 6241 App. A: malformed XML is malformed-message; the session continues. */
  @Test
  void malformedXmlKeepsSession() throws Exception {
    try (var c = server.connect()) {
      var reply = c.expectReply();
      c.sendRaw("<rpc message-id=\"9\"><get>".getBytes(StandardCharsets.UTF_8));
      String r = reply.get(10, TimeUnit.SECONDS);
      assertTrue(r.contains("<error-tag>malformed-message</error-tag>"), r);
      assertTrue(r.contains("<error-type>rpc</error-type>"), r);
      assertFalse(
          c.rpc("<get-config><source><running/></source></get-config>").contains("rpc-error"));
    }
  }

  /** RFC 6241 §4.1: pipelined requests are answered in order. */
  @Test
  void pipelinedRequestsAnsweredInOrder() throws Exception {
    try (var c = server.connect()) {
      var replies = new ArrayList<CompletableFuture<String>>();
      for (int i = 0; i < 20; i++) {
        replies.add(
            c.rpcAsync(
                i % 2 == 0 ? "<get-config><source><running/></source></get-config>" : "<bogus/>"));
      }
      for (int i = 0; i < 20; i++) {
        String r = replies.get(i).get(10, TimeUnit.SECONDS);
        assertTrue(r.contains("message-id=\"" + (i + 1) + "\""), r);
        assertEquals(i % 2 == 1, r.contains("rpc-error"), r);
      }
    }
  }

  /** RFC 6241 App. A: an unknown operation in the base namespace is unknown-element. */
  @Test
  void unknownOperation() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc("<frobnicate/>");
      assertTrue(reply.contains("<error-tag>unknown-element</error-tag>"), reply);
      assertTrue(reply.contains("<bad-element>frobnicate</bad-element>"), reply);
    }
  }

  /** RFC 6241 §7.1: an unknown parameter is unknown-element. */
  @Test
  void unknownParameter() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc("<get-config><source><running/></source><depth>1</depth></get-config>");
      assertTrue(reply.contains("<error-tag>unknown-element</error-tag>"), reply);
      assertTrue(reply.contains("<bad-element>depth</bad-element>"), reply);
    }
  }

  /** RFC 6241 §7.1: get-config without source is missing-element. */
  @Test
  void getConfigWithoutSource() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc("<get-config/>");
      assertTrue(reply.contains("<error-tag>missing-element</error-tag>"), reply);
      assertTrue(reply.contains("<bad-element>source</bad-element>"), reply);
    }
  }

  static void assertOk(String reply) {
    assertTrue(reply.contains("<ok/>"), reply);
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
