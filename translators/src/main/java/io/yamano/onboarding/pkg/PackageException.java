package io.yamano.onboarding.pkg;

/** A package that cannot be read at all (not an archive, unsafe paths, too large). */
public final class PackageException extends Exception {
  private static final long serialVersionUID = 1L;

  public PackageException(String message) {
    super(message);
  }

  public PackageException(String message, Throwable cause) {
    super(message, cause);
  }
}
