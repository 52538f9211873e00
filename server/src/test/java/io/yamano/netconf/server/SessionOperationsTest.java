package io.yamano.netconf.server;

import static io.yamano.netconf.server.CoreOperationsTest.assertOk;
import static io.yamano.netconf.server.Xml.item;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill-session, close-session, monitoring, get-schema, YANG library and NMDA, over SSH. */
class SessionOperationsTest {
  private static final String NCM = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
  private static final String NMDA = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda";
  private static final String DS = "urn:ietf:params:xml:ns:yang:ietf-datastores";

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

  /** RFC 6241 §7.9: kill-session ends the other session and releases its locks. */
  @Test
  void killSessionReleasesLocks() throws Exception {
    try (var a = server.connect();
        var b = server.connect()) {
      assertOk(a.rpc("<lock><target><running/></target></lock>"));
      assertOk(
          b.rpc("<kill-session><session-id>" + a.sessionId() + "</session-id></kill-session>"));
      assertOk(b.rpc("<lock><target><running/></target></lock>"));
      assertOk(b.rpc("<unlock><target><running/></target></unlock>"));
      assertThrows(
          IOException.class, () -> a.rpc("<get-config><source><running/></source></get-config>"));
    }
  }

  /** RFC 6241 §7.9: a session killing itself is invalid-value. */
  @Test
  void killSelfIsInvalidValue() throws Exception {
    try (var a = server.connect()) {
      String reply =
          a.rpc("<kill-session><session-id>" + a.sessionId() + "</session-id></kill-session>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
    }
  }

  /** RFC 6241 §7.8: close-session answers ok and ends the session. */
  @Test
  void closeSession() throws Exception {
    try (var a = server.connect()) {
      assertOk(a.rpc("<close-session/>"));
      assertThrows(
          IOException.class, () -> a.rpc("<get-config><source><running/></source></get-config>"));
    }
  }

  /** RFC 6022 §2.1.4: netconf-state/sessions lists every open session with its user. */
  @Test
  void monitoringListsSessions() throws Exception {
    try (var a = server.connect();
        var b = server.connect()) {
      // b's hello may still be in flight on the server when connect() returns: ask until it shows
      String reply;
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      do {
        reply =
            a.rpc(
                "<get><filter><netconf-state xmlns=\""
                    + NCM
                    + "\"><sessions/></netconf-state></filter></get>");
      } while (!reply.contains("<session-id>" + b.sessionId() + "</session-id>")
          && System.nanoTime() < deadline);
      assertTrue(reply.contains("<session-id>" + a.sessionId() + "</session-id>"), reply);
      assertTrue(reply.contains("<session-id>" + b.sessionId() + "</session-id>"), reply);
      assertTrue(reply.contains("<username>admin</username>"), reply);
      assertTrue(reply.contains("netconf-ssh</transport>"), reply);
    }
  }

  /** RFC 6022 §2.1.3: a global lock shows in netconf-state/datastores. */
  @Test
  void monitoringShowsLocks() throws Exception {
    try (var a = server.connect()) {
      assertOk(a.rpc("<lock><target><startup/></target></lock>"));
      String reply =
          a.rpc(
              "<get><filter><netconf-state xmlns=\""
                  + NCM
                  + "\"><datastores/></netconf-state></filter></get>");
      assertTrue(
          reply.contains("<locked-by-session>" + a.sessionId() + "</locked-by-session>"), reply);
      assertOk(a.rpc("<unlock><target><startup/></target></unlock>"));
    }
  }

  /** RFC 6022 §3.1: get-schema returns the YANG text of a loaded module. */
  @Test
  void getSchemaReturnsText() throws Exception {
    try (var a = server.connect()) {
      String reply =
          a.rpc(
              "<get-schema xmlns=\""
                  + NCM
                  + "\"><identifier>example-ops</identifier></get-schema>");
      assertTrue(reply.contains("module example-ops"), reply);
      assertTrue(reply.contains("<data xmlns=\"" + NCM + "\">"), reply);
    }
  }

  /** RFC 6022 §3.1: get-schema of an unknown module is invalid-value. */
  @Test
  void getSchemaUnknown() throws Exception {
    try (var a = server.connect()) {
      String reply =
          a.rpc("<get-schema xmlns=\"" + NCM + "\"><identifier>no-such</identifier></get-schema>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
    }
  }

  /**
   * RFC 8526 §2, RFC 8525: the hello's yang-library capability carries the library's content-id.
   */
  @Test
  void yangLibraryContentIdMatchesHello() throws Exception {
    try (var a = server.connect()) {
      String cap =
          a.serverHello().capabilities().stream()
              .filter(c -> c.startsWith("urn:ietf:params:netconf:capability:yang-library:1.1"))
              .findFirst()
              .orElseThrow();
      String id = cap.substring(cap.indexOf("content-id=") + "content-id=".length());
      String reply =
          a.rpc(
              "<get-data xmlns=\""
                  + NMDA
                  + "\" xmlns:ds=\""
                  + DS
                  + "\"><datastore>ds:operational</datastore><subtree-filter><yang-library"
                  + " xmlns=\"urn:ietf:params:xml:ns:yang:ietf-yang-library\"><content-id/>"
                  + "</yang-library></subtree-filter></get-data>");
      assertTrue(reply.contains("<content-id>" + id + "</content-id>"), reply);
    }
  }

  /** RFC 8526 §3.2: edit-data on the candidate and get-data of it. */
  @Test
  void editDataAndGetData() throws Exception {
    String id = TestServer.unique("nmda");
    try (var a = server.connect()) {
      assertOk(
          a.rpc(
              "<edit-data xmlns=\""
                  + NMDA
                  + "\" xmlns:ds=\""
                  + DS
                  + "\"><datastore>ds:candidate</datastore><config>"
                  + top(item(id, 9))
                  + "</config></edit-data>"));
      String reply =
          a.rpc(
              "<get-data xmlns=\""
                  + NMDA
                  + "\" xmlns:ds=\""
                  + DS
                  + "\"><datastore>ds:candidate</datastore><subtree-filter>"
                  + top("<item><id>" + id + "</id></item>")
                  + "</subtree-filter></get-data>");
      assertTrue(reply.contains("<value>9</value>"), reply);
      assertOk(a.rpc("<discard-changes/>"));
    }
  }

  /** RFC 8526 §3.2.1: edit-data on operational is invalid-value. */
  @Test
  void editDataOperationalRefused() throws Exception {
    try (var a = server.connect()) {
      String reply =
          a.rpc(
              "<edit-data xmlns=\""
                  + NMDA
                  + "\" xmlns:ds=\""
                  + DS
                  + "\"><datastore>ds:operational</datastore><config/></edit-data>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
    }
  }

  /** RFC 8526 §3.1.1: config-filter false on running gives no configuration. */
  @Test
  void getDataConfigFilterFalse() throws Exception {
    try (var a = server.connect()) {
      String reply =
          a.rpc(
              "<get-data xmlns=\""
                  + NMDA
                  + "\" xmlns:ds=\""
                  + DS
                  + "\"><datastore>ds:operational</datastore><config-filter>false</config-filter></get-data>");
      assertFalse(reply.contains("<aaa "), reply);
      assertTrue(reply.contains("netconf-state"), reply);
    }
  }

  /**
   * RFC 6241 §8.1: the hello announces what works: :candidate, :xpath, :confirmed-commit:1.1
   * (§8.4), :notification:1.0 and :interleave:1.0 (RFC 5277 §3.1, §6), and not
   * confirmed-commit:1.0.
   */
  @Test
  void helloCapabilities() throws Exception {
    try (var a = server.connect()) {
      var caps = a.serverHello().capabilities();
      for (String cap :
          new String[] {
            "candidate:1.0",
            "xpath:1.0",
            "confirmed-commit:1.1",
            "notification:1.0",
            "interleave:1.0"
          }) {
        assertTrue(caps.contains("urn:ietf:params:netconf:capability:" + cap), caps.toString());
      }
      assertFalse(
          caps.contains("urn:ietf:params:netconf:capability:confirmed-commit:1.0"),
          caps.toString());
      assertTrue(
          caps.stream()
              .anyMatch(c -> c.contains("module=ietf-netconf&") && c.contains("confirmed-commit")),
          caps.toString());
    }
  }
}
