package io.yamano.lcm.state;

/** Operational state could not be written (the datastore refused or is closing). */
public final class StateWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
