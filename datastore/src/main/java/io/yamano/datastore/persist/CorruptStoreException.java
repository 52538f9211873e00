package io.yamano.datastore.persist;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The store on disk cannot be read back faithfully; Yamano refuses to start rather than drop data.
 */
public class CorruptStoreException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public CorruptStoreException(Path file, String reason, Throwable cause) {
    super("store " + file + " is corrupt: " + reason, cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
