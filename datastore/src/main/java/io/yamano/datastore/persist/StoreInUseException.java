package io.yamano.datastore.persist;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (or another open commit log in this one) already uses the data directory. */
public class StoreInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path lockFile;

  public StoreInUseException(Path lockFile, Throwable cause) {
    super(
        "data directory "
            + lockFile.getParent()
            + " is in use by another Yamano process (lock held on "
            + lockFile
            + "); stop it or point this one at another directory",
        cause);
    this.lockFile = lockFile;
  }

  /** The file whose lock is held. */
  public Path lockFile() {
    return lockFile;
  }
}
