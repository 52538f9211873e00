package io.yamano.netconf.message;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import java.util.Map;
import java.util.Optional;

/**
 * Well-formed XML whose NETCONF envelope is wrong, such as an {@code <rpc>} without {@code
 * message-id} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-4.1">RFC 6241 §4.1</a>):
 * carries the error-tag and the {@code error-info} of <a
 * href="https://www.rfc-editor.org/rfc/rfc6241#appendix-A">Appendix A</a>.
 */
public final class BadEnvelopeException extends MessageException {
  private static final long serialVersionUID = 1L;

  public BadEnvelopeException(RpcError error) {
    super(error, null);
  }

  static BadEnvelopeException of(
      ErrorType type, ErrorTag tag, String message, Map<String, String> info) {
    return new BadEnvelopeException(
        new RpcError(type, tag, Optional.empty(), Optional.empty(), message, info));
  }
}
