package io.yamano.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.persist.StoreInUseException;
import io.yamano.error.RpcException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yamano user add|passwd|del|list}: manages the local users in a data directory while the
 * server is stopped, so that access can always be restored ({@code yamano user passwd admin}).
 * While the server runs, users are configuration like any other ({@code aaa user ...} in the CLI or
 * over NETCONF) and this command says so.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage local users in the data directory (server stopped).",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.Passwd.class,
      UserCommand.Del.class,
      UserCommand.ListUsers.class
    })
final class UserCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    new picocli.CommandLine(this).usage(System.out);
    return ExitCodes.OK;
  }

  /** Options every user subcommand has. */
  static class Common {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        defaultValue = "./var",
        description = "The data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--models", paramLabel = "DIR", description = "Extra YANG modules (as serve).")
    List<Path> models = new ArrayList<>();

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "Read the password from FILE's first line ('-' for stdin) instead of asking.")
    String passwordFile;

    /** Runs an edit of the users on the offline datastore, mapping failures to exit codes. */
    int withUsers(Edit edit) {
      try {
        var registry = OfflineStore.schema(models, false);
        try (var datastore = OfflineStore.open(registry, dataDir)) {
          return edit.apply(datastore, new Users(datastore));
        }
      } catch (StoreInUseException e) {
        System.err.println(
            "yamano user: the server is running on "
                + dataDir
                + "; stop it first, or manage users as configuration while it runs"
                + " (CLI: configure; set user NAME password ...)");
        return ExitCodes.IN_USE;
      } catch (RpcException e) {
        e.errors().forEach(err -> System.err.println("yamano user: " + err.message()));
        return ExitCodes.FAILED;
      } catch (Exception e) {
        System.err.println("yamano user: " + e.getMessage());
        return ExitCodes.FAILED;
      }
    }

    char[] password() throws Exception {
      if (passwordFile != null) {
        var reader =
            passwordFile.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(passwordFile), StandardCharsets.UTF_8);
        try (reader) {
          var line = reader.readLine();
          if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("no password in " + passwordFile);
          }
          return line.toCharArray();
        }
      }
      var console = System.console();
      if (console == null) {
        throw new IllegalArgumentException(
            "no terminal to ask the password on: use --password-file");
      }
      var first = console.readPassword("Password: ");
      var second = console.readPassword("Again: ");
      if (first == null || !java.util.Arrays.equals(first, second)) {
        throw new IllegalArgumentException("the passwords differ");
      }
      return first;
    }
  }

  @FunctionalInterface
  interface Edit {
    int apply(io.yamano.datastore.Datastore datastore, Users users) throws Exception;
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a user (or reset one).")
  static final class Add extends Common implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(
        names = "--authorized-key",
        paramLabel = "FILE",
        description = "An OpenSSH public key file the user may log in with.")
    Path key;

    @Override
    public Integer call() {
      return withUsers(
          (datastore, users) -> {
            var password = password();
            try (var session = datastore.openInternalSession("yamano-user")) {
              var tx = session.newTransaction(DatastoreName.RUNNING);
              users.addTo(tx, name, new String(password));
              if (key != null) {
                users.addKeyTo(tx, name, Files.readString(key).strip());
              }
              tx.commit("yamano user add " + name);
            }
            System.out.println("User '" + name + "' saved.");
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Set a user's password (creates the user if missing).")
  static final class Passwd extends Common implements Callable<Integer> {
    @Parameters(
        paramLabel = "NAME",
        defaultValue = "admin",
        description = "default: ${DEFAULT-VALUE}")
    String name;

    @Override
    public Integer call() {
      return withUsers(
          (datastore, users) -> {
            var password = password();
            try (var session = datastore.openInternalSession("yamano-user")) {
              var tx = session.newTransaction(DatastoreName.RUNNING);
              users.addTo(tx, name, new String(password));
              tx.commit("yamano user passwd " + name);
            }
            System.out.println("Password of '" + name + "' set.");
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "del",
      mixinStandardHelpOptions = true,
      description = "Delete a user (never the last one).")
  static final class Del extends Common implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return withUsers(
          (datastore, users) -> {
            var names = users.names();
            if (!names.contains(name)) {
              System.err.println("yamano user: no user '" + name + "'");
              return ExitCodes.FAILED;
            }
            if (names.size() == 1) {
              System.err.println("yamano user: '" + name + "' is the last user; add another first");
              return ExitCodes.FAILED;
            }
            try (var session = datastore.openInternalSession("yamano-user")) {
              var tx = session.newTransaction(DatastoreName.RUNNING);
              users.removeFrom(tx, name);
              tx.commit("yamano user del " + name);
            }
            System.out.println("User '" + name + "' deleted.");
            return ExitCodes.OK;
          });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  static final class ListUsers extends Common implements Callable<Integer> {
    @Override
    public Integer call() {
      return withUsers(
          (datastore, users) -> {
            for (var name : users.names()) {
              System.out.println(name + "  (" + users.authorizedKeys(name).size() + " key(s))");
            }
            return ExitCodes.OK;
          });
    }
  }
}
