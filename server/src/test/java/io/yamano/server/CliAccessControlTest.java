package io.yamano.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control (RFC 8341) in the SSH CLI, each rule kind allowing and denying: the admin sets up
 * users and rules with the CLI itself, then olga (group operators), carl (group no-actions), nina
 * (group ns-operators) and dave (no group: the default policies) run commands over SSH, as a script
 * would.
 */
class CliAccessControlTest {
  static final String PASSWORD = "cli-nacm-admin";
  static final String VIMS = "/yvim:vim-accounts/yvim:vim-account";
  @TempDir static Path dataDir;
  static YamanoServer server;
  static SshClient client;

  @BeforeAll
  static void start() throws Exception {
    var options =
        new ServeOptions(dataDir, List.of(), false, InetAddress.getLoopbackAddress(), 0, 0, 0);
    server =
        YamanoServer.start(
            options,
            Map.of("YAMANO_ADMIN_PASSWORD", PASSWORD),
            new PrintStream(OutputStream.nullOutputStream()));
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    var setup =
        admin(
            "configure",
            "set user olga password olga-pw",
            "set user carl password carl-pw",
            "set user dave password dave-pw",
            "set user nina password nina-pw",
            "set nacm group operators user-name olga",
            "set nacm group no-actions user-name carl",
            "set nacm group ns-operators user-name nina",
            "set nacm rule-list operators group operators rule keep-open-vim path \""
                + VIMS
                + "[yvim:name='open-vim']\" access-operations \"update delete\" action deny",
            "set nacm rule-list operators rule hide-secret path \""
                + VIMS
                + "[yvim:name='secret-vim']\" access-operations read action deny",
            "set nacm rule-list operators rule vim-writes module-name yamano-vim"
                + " access-operations \"create update delete\" action permit",
            "set nacm rule-list operators rule no-ns module-name yamano-ns access-operations read"
                + " action deny",
            "set nacm rule-list no-actions group no-actions rule no-instantiate path"
                + " /yns:ns-instances/yns:ns-instance/yns:instantiate access-operations exec"
                + " action deny",
            "set nacm rule-list ns-operators group ns-operators rule ns-ops module-name yamano-ns"
                + " access-operations * action permit",
            "set vim-account open-vim type resource-less description open",
            "set vim-account secret-vim type resource-less description hidden",
            "set ns-instance web1 nsd-ref web-ns flavour default vim-account lab admin-state"
                + " not-instantiated",
            "commit");
    assertTrue(setup.contains("Commit complete."), setup);
  }

  @AfterAll
  static void stop() throws Exception {
    client.stop();
    server.close();
  }

  /** Runs command lines in one non-interactive CLI session; returns all output, even on error. */
  static String run(String user, String password, String... lines) throws IOException {
    try (var session =
        client
            .connect(user, "127.0.0.1", server.cliPort())
            .verify(Duration.ofSeconds(10))
            .getSession()) {
      session.addPasswordIdentity(password);
      session.auth().verify(Duration.ofSeconds(10));
      var out = new ByteArrayOutputStream();
      try {
        session.executeRemoteCommand(String.join("\n", lines), out, out, StandardCharsets.UTF_8);
      } catch (java.rmi.RemoteException e) {
        out.write(("[exit: " + e.getMessage() + "]").getBytes(StandardCharsets.UTF_8));
      }
      return out.toString(StandardCharsets.UTF_8).replace("\r", "");
    }
  }

  static String admin(String... lines) throws IOException {
    return run("admin", PASSWORD, lines);
  }

  static String olga(String... lines) throws IOException {
    return run("olga", "olga-pw", lines);
  }

  static String dave(String... lines) throws IOException {
    return run("dave", "dave-pw", lines);
  }

  @Test
  void pathRuleReadPermitsOneEntryAndDeniesAnother_rfc8341_3_4_5() throws Exception {
    var open = olga("show vim-account open-vim");
    assertTrue(open.contains("description open;"), open);
    var all = olga("show configuration vim-account");
    assertTrue(all.contains("open-vim"), all);
    assertFalse(all.contains("secret-vim"), all);
    var secret = olga("show vim-account secret-vim");
    assertTrue(secret.contains("vim-account secret-vim: access denied"), secret);
    assertTrue(admin("show vim-account secret-vim").contains("description hidden;"));
  }

  @Test
  void moduleRuleDeniesReadsAndPermitsWrites_rfc8341_3_4_5() throws Exception {
    var denied = olga("show ns-instance web1");
    assertTrue(denied.contains("access denied"), denied);
    var everything = olga("show configuration");
    assertFalse(everything.contains("web1"), everything);
    assertTrue(everything.contains("open-vim"), everything);
    var created =
        olga("configure", "set vim-account olga-new type resource-less", "commit and-quit");
    assertTrue(created.contains("Commit complete."), created);
  }

  @Test
  void updateAndDeletePermittedAndDenied_rfc8341_3_4_5() throws Exception {
    var made = olga("configure", "set vim-account olga-vim type resource-less", "commit");
    assertTrue(made.contains("Commit complete."), made);
    var updated = olga("configure", "set vim-account olga-vim description mine", "commit");
    assertTrue(updated.contains("Commit complete."), updated);
    var notUpdated = olga("configure", "set vim-account open-vim description changed", "commit");
    assertTrue(
        notUpdated.contains("Error: vim-accounts vim-account open-vim description: access denied"),
        notUpdated);
    var deleted = olga("configure", "delete vim-account olga-vim", "commit");
    assertTrue(deleted.contains("Commit complete."), deleted);
    var notDeleted = olga("configure", "delete vim-account open-vim", "commit");
    assertTrue(notDeleted.contains("access denied"), notDeleted);
    assertTrue(admin("show vim-account open-vim").contains("description open;"));
  }

  @Test
  void actionRuleDeniesExecAndModuleRulePermits_rfc8341_3_4_5() throws Exception {
    var denied = run("carl", "carl-pw", "request ns-instance web1 instantiate");
    assertTrue(denied.contains("access denied"), denied);
    assertFalse(denied.contains("lcm-operation-id"), denied);
    // the action changes the instance's configuration as its invoker: nina may write it too
    var permitted = run("nina", "nina-pw", "request ns-instance web1 instantiate");
    assertTrue(permitted.matches("(?s).*[0-9a-f-]{36} completed.*"), permitted);
  }

  @Test
  void defaultPoliciesReadPermitWriteDeny_rfc8341_3_4_5() throws Exception {
    var read = dave("show vim-account open-vim");
    assertTrue(read.contains("description open;"), read);
    var write = dave("configure", "set vim-account dave-vim type resource-less", "commit");
    assertTrue(write.contains("access denied"), write);
    assertFalse(write.contains("Commit complete."), write);
  }

  @Test
  void defaultDenyAllHidesPasswordsAndNacm_rfc8341_3_4_5() throws Exception {
    var own = dave("show user dave");
    assertFalse(own.contains("password"), own);
    assertTrue(admin("show user dave").contains("password $pbkdf2-sha256$"));
    var nacm = dave("show nacm");
    assertTrue(nacm.contains("access denied"), nacm);
    assertTrue(admin("show nacm").contains("no-instantiate"));
  }
}
