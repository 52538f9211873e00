package io.yamano.server;

import io.yamano.datastore.secret.Secrets;
import java.io.IOException;
import java.nio.file.Path;

/** The key that seals a data directory's secrets: {@code DATA_DIR/secret.key}. */
final class DataDirKey {
  static final String FILE = "secret.key";

  private DataDirKey() {}

  /** The data directory's key, created on first use. */
  static Secrets open(Path dataDir) throws IOException {
    return Secrets.open(dataDir.resolve(FILE));
  }
}
