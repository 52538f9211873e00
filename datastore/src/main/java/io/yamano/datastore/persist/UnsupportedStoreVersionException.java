package io.yamano.datastore.persist;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The store was written by a newer Yamano whose format this one cannot read. Nothing is changed on
 * disk: run the newer version again, or restore a backup made for this version.
 */
public class UnsupportedStoreVersionException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int found;
  private final int supported;

  public UnsupportedStoreVersionException(Path file, int found, int supported) {
    super(
        "store "
            + file
            + " uses format version "
            + found
            + ", written by a newer Yamano; this version reads up to "
            + supported
            + " and refuses to open it");
    this.file = file;
    this.found = found;
    this.supported = supported;
  }

  public Path file() {
    return file;
  }

  /** The format version found in the store. */
  public int found() {
    return found;
  }

  /** The newest format version this code reads. */
  public int supported() {
    return supported;
  }
}
