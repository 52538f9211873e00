package io.yamano.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH CLI driven for real over loopback: an SSH client with a PTY shell channel types keys
 * (TAB, '?', Enter) and reads the terminal output, as an operator's ssh would.
 */
class CliSshTest {
  static final String PASSWORD = "cli-test-secret";
  static final String NS = "urn:yamano:params:xml:ns:yang:yamano-ns";
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
  }

  @AfterAll
  static void stop() throws Exception {
    client.stop();
    server.close();
  }

  /** One interactive session: keys in, screen text out. */
  static final class Terminal implements AutoCloseable {
    final ClientSession session;
    final ChannelShell channel;
    final PipedOutputStream keys = new PipedOutputStream();
    final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    int mark;

    Terminal() throws Exception {
      this("admin", PASSWORD);
    }

    Terminal(String user, String password) throws Exception {
      session =
          client
              .connect(user, "127.0.0.1", server.cliPort())
              .verify(Duration.ofSeconds(10))
              .getSession();
      session.addPasswordIdentity(password);
      session.auth().verify(Duration.ofSeconds(10));
      channel = session.createShellChannel();
      channel.setPtyType("xterm");
      channel.setPtyColumns(200);
      channel.setPtyLines(50);
      channel.setIn(new PipedInputStream(keys));
      channel.setOut(screen);
      channel.setErr(screen);
      channel.open().verify(Duration.ofSeconds(10));
      await(user + "@yamano> ");
    }

    void type(String text) throws Exception {
      keys.write(text.getBytes(StandardCharsets.UTF_8));
      keys.flush();
    }

    /** Waits for {@code expected} in what appeared since the last wait; returns that text. */
    String await(String expected) throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline) {
        String text;
        synchronized (screen) {
          text = plain(screen.toString(StandardCharsets.UTF_8));
        }
        int at = text.indexOf(expected, mark);
        if (at >= 0) {
          var seen = text.substring(mark, at + expected.length());
          mark = at + expected.length();
          return seen;
        }
        Thread.sleep(20);
      }
      throw new AssertionError(
          "did not see '"
              + expected
              + "'; screen since last wait:\n"
              + plain(screen.toString(StandardCharsets.UTF_8)).substring(mark));
    }

    /** Runs a command line and returns its output up to the next prompt. */
    String run(String line, String prompt) throws Exception {
      type(line + "\r");
      return await(prompt);
    }

    static String plain(String text) {
      return text.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "")
          .replaceAll("\u001B[=>]", "")
          .replace("\r", "");
    }

    @Override
    public void close() throws Exception {
      channel.close(true);
      session.close(true);
    }
  }

  @Test
  void tabCompletesAndQuestionMarkListsHelp() throws Exception {
    try (var t = new Terminal()) {
      t.type("conf\t");
      t.await("configure ");
      t.type("\r");
      t.await("admin@yamano% ");
      t.type("set vim-account lab t?");
      t.await("Possible completions:");
      var help = t.await("admin@yamano% set vim-account lab t");
      assertTrue(help.contains("type "), help);
      t.type("ype ?");
      t.await("Possible completions:");
      var values = t.await("admin@yamano% set vim-account lab type ");
      assertTrue(values.contains("resource-less") && values.contains("kubernetes"), values);
      t.type("\u0015exit\r");
      t.await("admin@yamano> ");
    }
  }

  @Test
  void configureSetCommitRollback() throws Exception {
    try (var t = new Terminal()) {
      t.run("configure", "admin@yamano% ");
      t.run("set vim-account ssh-vim type resource-less description via-ssh", "admin@yamano% ");
      var diff = t.run("show configuration", "admin@yamano% ");
      assertTrue(diff.contains("+     vim-account ssh-vim {"), diff);
      var commit = t.run("commit comment from-ssh", "admin@yamano% ");
      assertTrue(commit.contains("Commit complete."), commit);
      var shown = t.run("run show configuration vim-account ssh-vim", "admin@yamano% ");
      assertTrue(shown.contains("description via-ssh;"), shown);
      t.run("rollback 1", "admin@yamano% ");
      var undo = t.run("show configuration", "admin@yamano% ");
      assertTrue(undo.contains("-     vim-account ssh-vim {"), undo);
      assertTrue(t.run("commit", "admin@yamano% ").contains("Commit complete."));
      var gone = t.run("run show configuration vim-account ssh-vim", "admin@yamano% ");
      assertTrue(gone.contains("no such data"), gone);
      t.run("exit", "admin@yamano> ");
    }
  }

  @Test
  void aPasswordSetAtTheCliIsNeverShownInClear() throws Exception {
    try (var t = new Terminal()) {
      t.run("configure", "admin@yamano% ");
      var set =
          t.run(
              "set vim-account cli-cloud type openstack endpoint https://keystone.example/v3"
                  + " credentials user admin password Cli-pa55",
              "admin@yamano% ");
      var diff = t.run("show configuration", "admin@yamano% ");
      assertTrue(diff.contains("password $aes256-gcm$"), set + diff);
      var commit = t.run("commit", "admin@yamano% ");
      assertTrue(commit.contains("Commit complete."), commit);
      var shown = t.run("run show configuration vim-account cli-cloud", "admin@yamano% ");
      assertTrue(shown.contains("password $aes256-gcm$"), shown);
      var xml =
          t.run("run show configuration vim-account cli-cloud | display xml", "admin@yamano% ");
      assertTrue(xml.contains("<password>$aes256-gcm$"), xml);
      for (var out : java.util.List.of(diff, commit, shown, xml)) {
        assertFalse(out.contains("Cli-pa55"), out);
      }
      t.run("exit", "admin@yamano> ");
    }
  }

  @Test
  void errorsSayWhereAndWhat() throws Exception {
    try (var t = new Terminal()) {
      t.run("configure", "admin@yamano% ");
      var syntax = t.run("set vim-acount x", "admin@yamano% ");
      // the caret sits under the bad word: prompt (14) + column 4
      assertTrue(syntax.contains("\n" + " ".repeat(18) + "^\n"), syntax);
      assertTrue(syntax.contains("syntax error at column 5: unknown element 'vim-acount'"), syntax);
      t.run("set ns-instance bad nsd-ref nope admin-state not-instantiated", "admin@yamano% ");
      var leafref = t.run("commit", "admin@yamano% ");
      assertTrue(
          leafref.contains(
              "Error: ns-instances ns-instance bad nsd-ref: leafref value \"nope\" points to no"
                  + " existing /ynfv:nfv/ynfv:nsd/ynfv:id"),
          leafref);
      t.run("discard", "admin@yamano% ");
      t.run("exit", "admin@yamano> ");
    }
  }

  @Test
  void actionShowsProgressUntilDone() throws Exception {
    try (var t = new Terminal()) {
      t.run("configure", "admin@yamano% ");
      t.run(
          "set ns-instance web1 nsd-ref web-ns flavour default vim-account lab admin-state"
              + " not-instantiated",
          "admin@yamano% ");
      var commit = t.run("commit and-quit", "admin@yamano> ");
      assertTrue(commit.contains("Commit complete."), commit);
      // the lifecycle engine's own actions: instantiate, then scale out by the VNF's aspect
      var instantiate = t.run("request ns-instance web1 instantiate", "admin@yamano> ");
      assertTrue(instantiate.contains("lcm-operation-id "), instantiate);
      assertTrue(instantiate.contains("[100%] completed"), instantiate);
      var progress =
          t.run(
              "request ns-instance web1 scale scaling-aspect web-tier direction out",
              "admin@yamano> ");
      assertTrue(progress.contains("lcm-operation-id "), progress);
      assertTrue(progress.contains("[100%] completed"), progress);
      var missing = t.run("request ns-instance nope scale aspect web out", "admin@yamano> ");
      assertTrue(
          missing.contains("Error: ns-instances ns-instance nope: no such instance"), missing);
    }
  }

  @Test
  void commitDryRunShowsTheLifecyclePlan() throws Exception {
    try (var t = new Terminal()) {
      t.run("configure", "admin@yamano% ");
      t.run(
          "set ns-instance dry1 nsd-ref web-ns flavour default vim-account lab", "admin@yamano% ");
      var dry = t.run("commit dry-run", "admin@yamano% ");
      assertTrue(dry.contains("ns-instance dry1: instantiate"), dry);
      assertTrue(dry.contains("create-vdu:web-1/web-1"), dry);
      t.run("discard", "admin@yamano% ");
    }
  }

  @Test
  void ctrlCDetachesFromProgress() throws Exception {
    try (var t = new Terminal()) {
      t.run("configure", "admin@yamano% ");
      // a resource-less VIM that answers slowly, so that the operation is still running
      t.run(
          "set vim-account slowlab type resource-less simulation latency-ms 400", "admin@yamano% ");
      t.run(
          "set ns-instance slow nsd-ref web-ns flavour default vim-account slowlab admin-state"
              + " not-instantiated",
          "admin@yamano% ");
      t.run("commit and-quit", "admin@yamano> ");
      t.type("request ns-instance slow instantiate\r");
      t.await("processing");
      t.type("\u0003");
      var detached = t.await("admin@yamano> ");
      assertTrue(detached.contains("Detached; "), detached);
    }
  }

  @Test
  void passwordsTypedInTheCliAreHashedAndWork() throws Exception {
    try (var t = new Terminal()) {
      t.run("configure", "admin@yamano% ");
      t.run("set user ops password ops-secret", "admin@yamano% ");
      assertTrue(t.run("commit", "admin@yamano% ").contains("Commit complete."));
      var shown = t.run("show user ops", "admin@yamano% ");
      assertTrue(shown.contains("password $pbkdf2-sha256$"), shown);
    }
    try (var ops = new Terminal("ops", "ops-secret")) {
      // the hash is default-deny-all (RFC 8341 §3.4.5): not even its owner reads it
      var own = ops.run("show user ops", "ops@yamano> ");
      assertFalse(own.contains("$pbkdf2-sha256$"), own);
    }
  }

  @Test
  void commandsRunWithoutATerminalForScripts() throws Exception {
    try (var session =
        client
            .connect("admin", "127.0.0.1", server.cliPort())
            .verify(Duration.ofSeconds(10))
            .getSession()) {
      session.addPasswordIdentity(PASSWORD);
      session.auth().verify(Duration.ofSeconds(10));
      var out = new ByteArrayOutputStream();
      session.executeRemoteCommand("show vim-account lab type", out, out, StandardCharsets.UTF_8);
      assertTrue(
          out.toString(StandardCharsets.UTF_8).contains("type resource-less;"), out.toString());
      var failed =
          assertThrows(
              java.rmi.RemoteException.class,
              () ->
                  session.executeRemoteCommand(
                      "show nothing-here",
                      new ByteArrayOutputStream(),
                      new ByteArrayOutputStream(),
                      StandardCharsets.UTF_8));
      assertTrue(failed.getMessage().contains("failed (1)"), failed.getMessage());
    }
    // every CLI session is in the audit trail, its start and its end
    var audit = Files.readString(dataDir.resolve("audit").resolve("audit.log"));
    var cli =
        audit
            .lines()
            .filter(l -> l.contains("\"front-end\":\"cli\"") && l.contains("session-"))
            .toList();
    assertTrue(cli.stream().anyMatch(l -> l.contains("\"session-start\"")), audit);
    assertTrue(
        cli.stream().anyMatch(l -> l.contains("\"session-end\"") && l.contains("failed")), audit);
  }
}
