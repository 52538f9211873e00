package io.yamano.restconf;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * A request that fails with an HTTP status other than the one RFC 8040 §7 maps its first error-tag
 * to (404 for a missing resource, 405, 406, 415 ...), or with the mapped one.
 */
final class RestconfException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<RpcError> errors;

  RestconfException(int status, List<RpcError> errors) {
    super(errors.isEmpty() ? "HTTP " + status : errors.get(0).toString());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /**
   * The error-app-tags of YANG validation (RFC 7950 §15) that come with {@code operation-failed}:
   * the request's content is at fault, not the server.
   */
  private static final java.util.Set<String> VALIDATION_APP_TAGS =
      java.util.Set.of(
          "must-violation",
          "data-not-unique",
          "too-many-elements",
          "too-few-elements",
          "missing-choice",
          "instance-required",
          "missing-instance");

  /**
   * The status RFC 8040 §7 gives the first error's tag; {@code operation-failed} from YANG
   * validation (a must, unique or cardinality violation) is a 400, as the fault is in the request
   * (the table says SHOULD, and 500 would invite a client to retry the same request).
   */
  static RestconfException of(RpcException e) {
    return new RestconfException(status(e.errors().get(0)), e.errors());
  }

  static int status(RpcError error) {
    if (error.tag() == ErrorTag.OPERATION_FAILED
        && error.appTag().filter(VALIDATION_APP_TAGS::contains).isPresent()) {
      return 400;
    }
    return error.tag().httpStatus();
  }

  int status() {
    return status;
  }

  List<RpcError> errors() {
    return errors;
  }

  static RestconfException protocol(int status, ErrorTag tag, String message) {
    return new RestconfException(status, List.of(RpcError.protocol(tag, message)));
  }

  static RestconfException badRequest(ErrorTag tag, String message) {
    return protocol(400, tag, message);
  }

  /** A query parameter with a bad value (RFC 8040 §4.8: 400, invalid-value). */
  static RestconfException badParameter(String name, String message) {
    return new RestconfException(
        400,
        List.of(
            new RpcError(
                ErrorType.PROTOCOL,
                ErrorTag.INVALID_VALUE,
                Optional.empty(),
                Optional.empty(),
                message,
                Map.of("bad-element", name))));
  }

  /** The target resource does not exist (RFC 8040 §4.3: 404, error-tag invalid-value). */
  static RestconfException notFound(YangInstanceIdentifier path, String message) {
    var error =
        new RpcError(
            ErrorType.PROTOCOL,
            ErrorTag.INVALID_VALUE,
            Optional.empty(),
            path == null || path.isEmpty() ? Optional.empty() : Optional.of(path),
            message,
            Map.of());
    return new RestconfException(404, List.of(error));
  }

  /** A method the resource does not support (RFC 8040 §4: 405, operation-not-supported). */
  static RestconfException methodNotAllowed(String method, String what) {
    return protocol(405, ErrorTag.OPERATION_NOT_SUPPORTED, method + " is not allowed on " + what);
  }
}
