package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.yang.registry.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yamano restore-admin}: local recovery when access control locks everyone out. Run on the
 * machine, with the server stopped (the data dir is locked while it runs); whoever can read the
 * data dir is trusted anyway. Makes the user a member of group {@code admin}, puts the rule-list
 * {@code admin} (permit everything) first and enables NACM's defaults for it; with {@code
 * --password} (or when the user does not exist) sets a new password.
 */
@Command(
    name = "restore-admin",
    mixinStandardHelpOptions = true,
    description = {
      "Restore full access for a user (default admin) when access control locks everyone out.",
      "Stop the server first. Sets a new password from YAMANO_ADMIN_PASSWORD, or a generated",
      "one that is printed, when the user does not exist or --password is given."
    })
public final class RestoreAdmin implements Callable<Integer> {
  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./var")
  Path dataDir;

  @Option(names = "--models", paramLabel = "DIR", description = "The same --models as serve.")
  List<Path> models = new ArrayList<>();

  @Option(names = "--lenient-models")
  boolean lenientModels;

  @Option(names = "--user", defaultValue = "admin")
  String user;

  @Option(names = "--password", description = "Also set a new password.")
  boolean password;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dataDir.resolve("config"))) {
      System.err.println("yamano restore-admin: no datastore in " + dataDir);
      return 2;
    }
    var builder = SchemaRegistry.builder().lenient(lenientModels);
    models.forEach(builder::addModelDirectory);
    var registry = builder.load();
    try (var configLog = JournalFileCommitLog.open(dataDir.resolve("config"));
        var operationalLog = JournalFileCommitLog.open(dataDir.resolve("operational"));
        var datastore =
            Datastore.open(
                registry.context(),
                configLog,
                operationalLog,
                IncrementalValidator::forRunning,
                DataDirKey.open(dataDir))) {
      restore(datastore, user, password, System.getenv(FirstStart.PASSWORD_ENV), System.out);
    } catch (io.yamano.datastore.persist.StoreInUseException e) {
      System.err.println("yamano restore-admin: the server is running on " + dataDir + "; stop it");
      return 1;
    }
    return 0;
  }

  /** The recovery itself, in one commit of a recovery session. */
  public static void restore(
      Datastore datastore,
      String user,
      boolean newPassword,
      String envPassword,
      java.io.PrintStream out)
      throws Exception {
    var users = new Users(datastore);
    String password = null;
    if (!users.exists(user) || newPassword) {
      password =
          envPassword == null || envPassword.isEmpty() ? PasswordHasher.generate() : envPassword;
    }
    try (var session = datastore.openInternalSession("yamano restore-admin")) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      if (password != null) {
        users.addTo(tx, user, password);
      }
      AccessDefaults.restoreAdmin(datastore, tx, user);
      tx.commit("restore-admin: " + user + " is in group admin, which may do everything");
    }
    out.println(
        "User '" + user + "' is in group 'admin' with full access (rule-list 'admin' first).");
    if (password != null && (envPassword == null || envPassword.isEmpty())) {
      out.println("New password of '" + user + "': " + password);
    }
  }
}
