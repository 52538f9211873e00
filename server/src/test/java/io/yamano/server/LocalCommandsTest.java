package io.yamano.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The local {@code yamano} commands and the exit codes scripts rely on. */
class LocalCommandsTest {
  @TempDir Path dir;

  private static int yamano(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  private YamanoServer serve(Path data) throws Exception {
    var options =
        new ServeOptions(data, List.of(), false, InetAddress.getLoopbackAddress(), 0, 0, 0);
    return YamanoServer.start(
        options,
        Map.of("YAMANO_ADMIN_PASSWORD", "first-secret"),
        new PrintStream(OutputStream.nullOutputStream()));
  }

  @Test
  void usersAreRefusedWhileTheServerRunsAndRestorableAfterwards() throws Exception {
    var data = dir.resolve("var");
    var passwordFile = dir.resolve("pw");
    Files.writeString(passwordFile, "second-secret\n");
    try (var server = serve(data)) {
      assertEquals(ExitCodes.IN_USE, yamano("user", "list", "--data-dir", data.toString()));
    }
    assertEquals(
        ExitCodes.OK,
        yamano(
            "user",
            "passwd",
            "admin",
            "--data-dir",
            data.toString(),
            "--password-file",
            passwordFile.toString()));
    assertEquals(
        ExitCodes.FAILED,
        yamano("user", "del", "admin", "--data-dir", data.toString()),
        "the last user cannot be deleted");
    assertEquals(
        ExitCodes.OK,
        yamano(
            "user",
            "add",
            "ops",
            "--data-dir",
            data.toString(),
            "--password-file",
            passwordFile.toString()));
    try (var server = serve(data)) {
      var users = new Users(server.datastore());
      assertTrue(users.checkPassword("admin", "second-secret"));
      assertTrue(users.checkPassword("ops", "second-secret"));
      assertEquals(List.of("admin", "ops"), users.names());
    }
    assertEquals(ExitCodes.USAGE, yamano("user", "add"));
  }

  @Test
  void onlineBackupRestoresEveryCommit() throws Exception {
    var data = dir.resolve("var");
    var backup = dir.resolve("b.zip");
    long sequence;
    try (var server = serve(data)) {
      var cli =
          new io.yamano.cli.CliSession(
              new io.yamano.cli.CliEnvironment(server.datastore(), dir.resolve("files"), "yamano"),
              server.datastore().openSession(99, "admin"),
              io.yamano.cli.Interaction.answering(true));
      cli.execute("configure");
      cli.execute("set vim-account backed-up type resource-less");
      assertTrue(cli.execute("commit").startsWith("Commit complete"));
      sequence = server.datastore().history(1).get(0).sequence();
      assertEquals(
          ExitCodes.OK, yamano("backup", "--data-dir", data.toString(), backup.toString()));
      cli.close();
    }
    var restored = dir.resolve("restored");
    assertEquals(
        ExitCodes.OK, yamano("restore", "--data-dir", restored.toString(), backup.toString()));
    assertEquals(
        ExitCodes.FAILED,
        yamano("restore", "--data-dir", restored.toString(), backup.toString()),
        "a non-empty directory needs --force");
    try (var server = serve(restored)) {
      assertEquals(sequence, server.datastore().history(1).get(0).sequence());
      assertTrue(
          server
              .datastore()
              .snapshot(DatastoreName.RUNNING)
              .readNode(org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of())
              .orElseThrow()
              .toString()
              .contains("backed-up"));
      assertEquals(
          ExitCodes.IN_USE,
          yamano("restore", "--force", "--data-dir", restored.toString(), backup.toString()));
    }
  }

  @Test
  void validateChecksDescriptorsOffline() throws Exception {
    var good = dir.resolve("good.json");
    Files.writeString(
        good,
        "{\"yamano-vim:vim-accounts\":{\"vim-account\":[{\"name\":\"v\",\"type\":\"resource-less\"}]}}");
    var bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"yamano-ns:ns-instances\":{\"ns-instance\":[{\"name\":\"n\",\"nsd-ref\":\"nope\","
            + "\"admin-state\":\"not-instantiated\"}]}}");
    assertEquals(ExitCodes.OK, yamano("validate", good.toString()));
    assertEquals(ExitCodes.INVALID, yamano("validate", good.toString(), bad.toString()));
    assertEquals(ExitCodes.OK, yamano("version"));
  }
}
