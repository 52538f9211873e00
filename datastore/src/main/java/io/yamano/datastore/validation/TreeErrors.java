package io.yamano.datastore.validation;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.tree.api.ConflictingModificationAppliedException;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;

/**
 * Translates the data tree's own failures (mandatory nodes, min/max-elements, structure, conflicts)
 * into errors with their NETCONF meaning (RFC 7950 §8.3.1, RFC 6241 Appendix A).
 */
public final class TreeErrors {
  private TreeErrors() {}

  public static RpcError fromValidation(DataValidationFailedException e) {
    return classify(
        e.getPath(), rootMessage(e), e instanceof ConflictingModificationAppliedException);
  }

  /** For unchecked failures the tree raises while a modification is built or sealed. */
  public static RpcError fromUnchecked(YangInstanceIdentifier path, RuntimeException e) {
    return classify(path, rootMessage(e), false);
  }

  private static RpcError classify(YangInstanceIdentifier path, String message, boolean conflict) {
    if (conflict) {
      return RpcError.application(
          ErrorTag.IN_USE,
          null,
          path,
          "the data was changed by another commit meanwhile: " + message);
    }
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("mandatory")) {
      String appTag = lower.contains("choice") ? "missing-choice" : null;
      return RpcError.application(ErrorTag.DATA_MISSING, appTag, path, message);
    }
    if (lower.contains("too few") || lower.contains("min-elements") || lower.contains("minimum")) {
      return RpcError.application(ErrorTag.OPERATION_FAILED, "too-few-elements", path, message);
    }
    if (lower.contains("too many") || lower.contains("max-elements") || lower.contains("maximum")) {
      return RpcError.application(ErrorTag.OPERATION_FAILED, "too-many-elements", path, message);
    }
    if (lower.contains("unique")) {
      return RpcError.application(ErrorTag.OPERATION_FAILED, "data-not-unique", path, message);
    }
    if (lower.contains("does not exist")) {
      return RpcError.application(ErrorTag.DATA_MISSING, null, path, message);
    }
    if (lower.contains("is not") && lower.contains("schema")
        || lower.contains("unknown")
        || lower.contains("not present in schema")) {
      return RpcError.application(ErrorTag.UNKNOWN_ELEMENT, null, path, message);
    }
    return RpcError.application(ErrorTag.INVALID_VALUE, null, path, message);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
