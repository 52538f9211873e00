package io.yamano.netconf.server;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.Map;
import java.util.Optional;

/**
 * The protocol-layer errors of operation parameters (RFC 6241 Appendix A), each with the {@code
 * error-info} the appendix prescribes.
 */
final class Errors {
  private Errors() {}

  static RpcError protocol(ErrorTag tag, String message, Map<String, String> info) {
    return new RpcError(ErrorType.PROTOCOL, tag, Optional.empty(), Optional.empty(), message, info);
  }

  /** {@code missing-element}: a mandatory parameter is absent. */
  static RpcException missingElement(String element, String message) {
    return new RpcException(
        protocol(ErrorTag.MISSING_ELEMENT, message, Map.of("bad-element", element)));
  }

  /** {@code unknown-element}: a parameter the operation does not define. */
  static RpcException unknownElement(String element, String message) {
    return new RpcException(
        protocol(ErrorTag.UNKNOWN_ELEMENT, message, Map.of("bad-element", element)));
  }

  /** {@code bad-element}: a parameter given twice or in the wrong form. */
  static RpcException badElement(String element, String message) {
    return new RpcException(
        protocol(ErrorTag.BAD_ELEMENT, message, Map.of("bad-element", element)));
  }

  /** {@code invalid-value}: a parameter whose value is not acceptable. */
  static RpcException invalidValue(String element, String message) {
    return new RpcException(
        protocol(ErrorTag.INVALID_VALUE, message, Map.of("bad-element", element)));
  }

  /** {@code operation-not-supported}. */
  static RpcException notSupported(String message) {
    return new RpcException(protocol(ErrorTag.OPERATION_NOT_SUPPORTED, message, Map.of()));
  }

  /** {@code operation-failed}. */
  static RpcException failed(String message) {
    return new RpcException(protocol(ErrorTag.OPERATION_FAILED, message, Map.of()));
  }
}
