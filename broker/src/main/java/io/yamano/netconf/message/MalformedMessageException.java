package io.yamano.netconf.message;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import java.util.Map;
import java.util.Optional;

/**
 * The message is not well-formed XML, uses a DTD, or exceeds an {@link XmlLimits} limit: answered
 * with error-tag {@code malformed-message}, error-type {@code rpc} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#appendix-A">RFC 6241 Appendix A</a>).
 */
public final class MalformedMessageException extends MessageException {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message, Throwable cause) {
    super(
        new RpcError(
            ErrorType.RPC,
            ErrorTag.MALFORMED_MESSAGE,
            Optional.empty(),
            Optional.empty(),
            message,
            Map.of()),
        cause);
  }
}
