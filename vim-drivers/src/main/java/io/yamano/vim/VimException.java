package io.yamano.vim;

import java.util.Objects;

/**
 * A VIM operation failed. The message says which resource and why; the {@link Reason} says what a
 * caller can do about it.
 */
public final class VimException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a VIM operation failed. */
  public enum Reason {
    /**
     * The account, a zone or a host has not enough vCPU, memory, storage, instances or addresses.
     */
    NO_CAPACITY(false),
    /** The resource or reservation does not exist. */
    NOT_FOUND(false),
    /** The request clashes with existing state (address taken, network still in use ...). */
    CONFLICT(false),
    /** The request is malformed or names something the account does not have. */
    INVALID_REQUEST(false),
    /** A failure injected on purpose to exercise heal and rollback. */
    INJECTED_FAILURE(true),
    /** The VIM did not answer. */
    UNREACHABLE(true);

    private final boolean transientFault;

    Reason(boolean transientFault) {
      this.transientFault = transientFault;
    }

    /** Whether the same call may succeed if retried unchanged. */
    public boolean isTransient() {
      return transientFault;
    }
  }

  private final Reason reason;

  public VimException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public VimException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "VimException[" + reason + "]: " + getMessage();
  }
}
