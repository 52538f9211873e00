package io.yamano.broker.netconf;

import io.yamano.netconf.message.MessageException;
import io.yamano.netconf.message.NetconfNamespaces;
import io.yamano.netconf.message.XmlElement;
import io.yamano.netconf.message.XmlMessageReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what matters to a broker from an {@code <rpc-reply>}: its {@code <rpc-error>}s. */
final class RpcReplies {
  private static final XmlMessageReader XML = new XmlMessageReader();

  private RpcReplies() {}

  /**
   * One {@code <rpc-error>} (RFC 6241 §4.3), as the VNF sent it.
   *
   * @param info the {@code error-info} children as {@code name=value}
   */
  record VnfError(
      String type,
      String tag,
      String severity,
      String appTag,
      String path,
      String message,
      List<String> info) {

    /** What the VNF answered, for an operator: its message first, then where and why. */
    String describe() {
      var out = new StringBuilder();
      out.append(message == null || message.isEmpty() ? tag : message);
      var details = new ArrayList<String>();
      details.add("error-tag " + tag);
      if (appTag != null) {
        details.add("error-app-tag " + appTag);
      }
      if (path != null) {
        details.add("error-path " + path);
      }
      details.addAll(info);
      out.append(" (").append(String.join(", ", details)).append(')');
      return out.toString();
    }
  }

  /** The errors of severity {@code error} in {@code reply}. */
  static List<VnfError> errors(String reply) throws MessageException {
    XmlElement root = XML.read(reply.getBytes(StandardCharsets.UTF_8));
    var errors = new ArrayList<VnfError>();
    for (XmlElement e : root.children(NetconfNamespaces.BASE, "rpc-error")) {
      String severity = text(e, "error-severity").orElse("error");
      if (severity.equals("warning")) {
        continue;
      }
      var info = new ArrayList<String>();
      e.child(NetconfNamespaces.BASE, "error-info")
          .ifPresent(
              i -> i.children().forEach(c -> info.add(c.localName() + " " + c.trimmedText())));
      errors.add(
          new VnfError(
              text(e, "error-type").orElse(null),
              text(e, "error-tag").orElse("operation-failed"),
              severity,
              text(e, "error-app-tag").orElse(null),
              text(e, "error-path").orElse(null),
              text(e, "error-message").orElse(null),
              info));
    }
    return errors;
  }

  /** Whether {@code reply} is {@code <ok/>}, data, or anything but errors. */
  static boolean isOk(String reply) throws MessageException {
    return errors(reply).isEmpty();
  }

  private static Optional<String> text(XmlElement parent, String name) {
    return parent.child(NetconfNamespaces.BASE, name).map(XmlElement::trimmedText);
  }
}
