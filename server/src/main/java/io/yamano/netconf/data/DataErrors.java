package io.yamano.netconf.data;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/** The errors of RFC 6241 Appendix A the data codecs raise, with their {@code error-info}. */
final class DataErrors {
  private DataErrors() {}

  static RpcError unknownElement(YangInstanceIdentifier parent, String element, String why) {
    return error(ErrorTag.UNKNOWN_ELEMENT, parent, why).withInfo("bad-element", element);
  }

  static RpcError unknownNamespace(YangInstanceIdentifier parent, String element, String ns) {
    return error(
            ErrorTag.UNKNOWN_NAMESPACE,
            parent,
            "namespace '"
                + ns
                + "' of element '"
                + element
                + "' is not the namespace of any module the server implements; check the xmlns")
        .withInfo("bad-element", element)
        .withInfo("bad-namespace", ns);
  }

  static RpcError badAttribute(
      YangInstanceIdentifier path, String element, String attribute, String why) {
    return error(ErrorTag.BAD_ATTRIBUTE, path, why)
        .withInfo("bad-attribute", attribute)
        .withInfo("bad-element", element);
  }

  static RpcError missingAttribute(
      YangInstanceIdentifier path, String element, String attribute, String why) {
    return error(ErrorTag.MISSING_ATTRIBUTE, path, why)
        .withInfo("bad-attribute", attribute)
        .withInfo("bad-element", element);
  }

  static RpcError missingElement(YangInstanceIdentifier path, String element, String why) {
    return error(ErrorTag.MISSING_ELEMENT, path, why).withInfo("bad-element", element);
  }

  static RpcError badElement(YangInstanceIdentifier path, String element, String why) {
    return error(ErrorTag.BAD_ELEMENT, path, why).withInfo("bad-element", element);
  }

  static RpcError invalidValue(YangInstanceIdentifier path, String element, String why) {
    return error(ErrorTag.INVALID_VALUE, path, why).withInfo("bad-element", element);
  }

  static RpcError operationNotSupported(YangInstanceIdentifier path, String why) {
    return error(ErrorTag.OPERATION_NOT_SUPPORTED, path, why);
  }

  private static RpcError error(ErrorTag tag, YangInstanceIdentifier path, String message) {
    return new RpcError(
        ErrorType.APPLICATION,
        tag,
        Optional.empty(),
        Optional.of(path),
        message,
        new LinkedHashMap<>());
  }
}
