package io.yamano.datastore.secret;

/** A sealed value that does not open. The message never contains the value. */
public final class SecretException extends Exception {
  private static final long serialVersionUID = 1L;

  public SecretException(String message) {
    super(message);
  }
}
