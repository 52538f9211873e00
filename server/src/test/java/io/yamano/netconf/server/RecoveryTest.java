package io.yamano.netconf.server;

import static io.yamano.netconf.server.CoreOperationsTest.assertOk;
import static io.yamano.netconf.server.Xml.editConfig;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.server.RestoreAdmin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Local recovery: {@code yamano restore-admin} gives admin full access back after a lock-out. */
class RecoveryTest {
  private static final String NACM = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";

  @TempDir Path dataDir;

  @Test
  void restoreAdminAfterLockOut() throws Exception {
    try (var server = TestServer.start(dataDir);
        var admin = server.connect()) {
      // admin locks everyone out: a deny-all list first, and admin out of group admin
      assertOk(
          admin.rpc(
              editConfig(
                  "running",
                  "<nacm xmlns=\""
                      + NACM
                      + "\" xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                      + "<groups><group><name>admin</name><user-name nc:operation=\"delete\">admin"
                      + "</user-name></group></groups></nacm>")));
      var reply = admin.rpc(editConfig("running", top("<name>locked</name>")));
      assertTrue(reply.contains("access-denied"), reply);
    }
    var models = Path.of(RecoveryTest.class.getResource("/netconf/server/models").toURI());
    int rc =
        new CommandLine(new RestoreAdmin())
            .execute("--data-dir", dataDir.toString(), "--models", models.toString());
    assertEquals(0, rc);
    try (var server = TestServer.start(dataDir);
        var admin = server.connect()) {
      assertOk(admin.rpc(editConfig("running", top("<name>free-again</name>"))));
    }
  }

  @Test
  void refusesWhileTheServerRuns() throws Exception {
    try (var server = TestServer.start(dataDir)) {
      var models = Path.of(RecoveryTest.class.getResource("/netconf/server/models").toURI());
      int rc =
          new CommandLine(new RestoreAdmin())
              .execute("--data-dir", dataDir.toString(), "--models", models.toString());
      assertEquals(1, rc);
    }
  }
}
