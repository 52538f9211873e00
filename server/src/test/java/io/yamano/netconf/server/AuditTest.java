package io.yamano.netconf.server;

import static io.yamano.netconf.server.CoreOperationsTest.assertOk;
import static io.yamano.netconf.server.Xml.editConfig;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.server.PasswordHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail over SSH: session start and end, commits with user, interface, comment and
 * changed paths (never values), denied writes and failed or throttled logins, in {@code
 * DATA_DIR/audit/audit.log} and as {@code audit-event} notifications.
 */
class AuditTest {
  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dataDir);
    try (var admin = server.connect()) {
      assertOk(
          admin.rpc(
              editConfig(
                  "running",
                  "<aaa xmlns=\"urn:yamano:params:xml:ns:yang:yamano-aaa\"><user><name>dave</name>"
                      + "<password>"
                      + PasswordHasher.hash("dave-pw".toCharArray())
                      + "</password></user></aaa>")));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String log() throws Exception {
    return Files.readString(dataDir.resolve("audit/audit.log"));
  }

  private static String awaitLog(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      var log = log();
      for (var line : log.split("\n")) {
        if (line.contains(text)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no audit line with " + text + " in\n" + log());
  }

  @Test
  void commitIsAttributedWithoutValues() throws Exception {
    try (var admin = server.connect()) {
      assertOk(admin.rpc(editConfig("candidate", top("<name>value-never-logged</name>"))));
      assertOk(admin.rpc("<commit/>"));
      var line = awaitLog("created /top");
      assertTrue(line.contains("\"event\":\"commit\""), line);
      assertTrue(line.contains("\"user\":\"admin\""), line);
      assertTrue(line.contains("\"front-end\":\"netconf\""), line);
      assertFalse(log().contains("value-never-logged"), "a value reached the audit log");
      assertFalse(log().contains("pbkdf2"), "a password hash reached the audit log");
    }
  }

  @Test
  void sessionsAreRecorded() throws Exception {
    long id;
    try (var admin = server.connect()) {
      id = admin.sessionId();
      awaitLog(
          "\"event\":\"session-start\",\"user\":\"admin\",\"front-end\":\"netconf\",\"session-id\":\""
              + id
              + "\"");
    }
    awaitLog(
        "\"event\":\"session-end\",\"user\":\"admin\",\"front-end\":\"netconf\",\"session-id\":\""
            + id
            + "\"");
  }

  @Test
  void deniedWriteIsRecordedAndPublished() throws Exception {
    try (var admin = server.connect();
        var dave = server.connect("dave", "dave-pw")) {
      var events = new LinkedBlockingQueue<String>();
      admin.onNotification(events::add);
      assertOk(
          admin.rpc(
              "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>"));
      var reply = dave.rpc(editConfig("running", top("<name>daves</name>")));
      assertTrue(reply.contains("access-denied"), reply);
      var line = awaitLog("\"event\":\"access-denied\",\"user\":\"dave\"");
      assertTrue(line.contains("write-default"), line);
      String event = null;
      for (String e; (e = events.poll(10, TimeUnit.SECONDS)) != null; ) {
        if (e.contains("<audit-event") && e.contains("access-denied")) {
          event = e;
          break;
        }
      }
      assertNotNull(event, "no audit-event notification");
      // ordinary users do not get audit events (audit-event is nacm:default-deny-all)
      var daveEvents = new LinkedBlockingQueue<String>();
      dave.onNotification(daveEvents::add);
      assertOk(
          dave.rpc(
              "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"/>"));
      dave.rpc(editConfig("running", top("<name>again</name>")));
      Thread.sleep(200);
      for (String e; (e = daveEvents.poll(500, TimeUnit.MILLISECONDS)) != null; ) {
        assertFalse(e.contains("<audit-event"), e);
      }
    }
  }

  @Test
  void failedLoginsAreRecordedAndThrottled() throws Exception {
    for (int i = 0; i < 6; i++) {
      assertThrows(Exception.class, () -> server.connect("dave", "wrong").close());
    }
    awaitLog("\"event\":\"login-failed\",\"user\":\"dave\"");
    awaitLog("throttled until");
    // the right password is refused too while the backoff (by now at least 4 s) lasts
    assertThrows(Exception.class, () -> server.connect("dave", "dave-pw").close());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    boolean in = false;
    while (!in && System.nanoTime() < deadline) {
      try {
        server.connect("dave", "dave-pw").close();
        in = true;
      } catch (Exception e) {
        Thread.sleep(500);
      }
    }
    assertTrue(in, "dave is still locked out after the backoff");
  }
}
