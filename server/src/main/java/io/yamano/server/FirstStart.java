package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.error.RpcException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What happens once, on the first start with an empty data dir: the {@code admin} user is created
 * with {@code YAMANO_ADMIN_PASSWORD}, or with a generated password that is printed once and kept in
 * {@code DATA_DIR/initial-admin-password} (mode 600) for the operator to pick up.
 */
final class FirstStart {
  static final String PASSWORD_ENV = "YAMANO_ADMIN_PASSWORD";
  static final String PASSWORD_FILE = "initial-admin-password";

  private FirstStart() {}

  /** Creates the admin user if there is no user at all; returns whether it did. */
  static boolean ensureAdmin(Datastore datastore, Path dataDir, String envPassword, PrintStream out)
      throws IOException, RpcException {
    var users = new Users(datastore);
    if (users.any()) {
      return false;
    }
    boolean generated = envPassword == null || envPassword.isEmpty();
    var password = generated ? PasswordHasher.generate() : envPassword;
    // The file is written before the commit: if the commit fails the next start overwrites it; the
    // other order could leave an admin whose password nobody knows.
    if (generated) {
      var file = dataDir.resolve(PASSWORD_FILE);
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    }
    // One commit: a start that fails half-way leaves no admin without catalog, and retries.
    try (var session = datastore.openInternalSession("yamano")) {
      var tx = session.newTransaction(io.yamano.datastore.DatastoreName.RUNNING);
      users.addTo(tx, "admin", password);
      SampleCatalog.addTo(tx, datastore);
      tx.commit("first start: user admin, VIM account 'lab', sample VNFD 'web' and NSD 'web-ns'");
    }
    if (generated) {
      out.println("First start: created user 'admin' with password: " + password);
      out.println(
          "  (also in "
              + dataDir.resolve(PASSWORD_FILE)
              + ", readable by you only; set "
              + PASSWORD_ENV
              + " to choose it instead)");
    } else {
      out.println("First start: created user 'admin' with the password from " + PASSWORD_ENV);
    }
    out.println(
        "First start: added VIM account 'lab' (resource-less), sample VNFD 'web' and NSD"
            + " 'web-ns'");
    return true;
  }
}
