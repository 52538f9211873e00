package io.yamano.error;

import java.util.List;

/** Thrown where a request fails; carries one or more {@link RpcError}s for the reply. */
public class RpcException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<RpcError> errors;

  public RpcException(RpcError error) {
    this(List.of(error), null);
  }

  public RpcException(List<RpcError> errors) {
    this(errors, null);
  }

  public RpcException(List<RpcError> errors, Throwable cause) {
    super(errors.isEmpty() ? "no error" : errors.get(0).toString(), cause);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an RpcException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The errors, in the order they were found. */
  public List<RpcError> errors() {
    return errors;
  }
}
