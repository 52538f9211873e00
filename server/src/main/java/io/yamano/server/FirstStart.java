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
    if (generated) {
      var file = dataDir.resolve(PASSWORD_FILE);
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    }
    try (var session = datastore.openInternalSession("yamano")) {
      users.put(session, "admin", password, "first start: user admin");
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
    return true;
  }
}
