package io.yamano.netconf.message;

import io.yamano.error.RpcError;
import io.yamano.error.RpcException;

/**
 * A message could not be accepted. Sealed: either it is not XML at all ({@link
 * MalformedMessageException}) or its envelope is wrong ({@link BadEnvelopeException}). Each carries
 * the {@link RpcError} to answer with.
 */
public abstract sealed class MessageException extends RpcException
    permits MalformedMessageException, BadEnvelopeException {
  private static final long serialVersionUID = 1L;

  MessageException(RpcError error, Throwable cause) {
    super(java.util.List.of(error), cause);
  }

  /** The error to put in the {@code <rpc-reply>}. */
  public RpcError error() {
    return errors().get(0);
  }
}
