package io.yamano.netconf.message;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * The {@code <rpc>} envelope of a request (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-4.1">RFC 6241 §4.1</a>).
 *
 * @param messageId the {@code message-id} attribute
 * @param attributes every attribute of {@code <rpc>}, {@code message-id} included, in document
 *     order: the reply must echo them all (§4.2)
 * @param namespaces namespace declarations on {@code <rpc>}, prefix to URI, echoed with the
 *     attributes so that prefixed attribute names stay bound
 * @param operation the operation element, the only child of {@code <rpc>}
 */
public record RpcRequest(
    String messageId,
    List<XmlAttribute> attributes,
    Map<String, String> namespaces,
    XmlElement operation) {

  public RpcRequest {
    Objects.requireNonNull(messageId, "messageId");
    attributes = List.copyOf(attributes);
    namespaces = Map.copyOf(namespaces);
    Objects.requireNonNull(operation, "operation");
  }

  /** The operation's qualified name, by which it is dispatched. */
  public QName operationName() {
    return operation.name();
  }

  /**
   * Checks the envelope of a parsed message.
   *
   * @throws BadEnvelopeException if the root is not a base-namespace {@code <rpc>} ({@code
   *     unknown-element} / {@code unknown-namespace}), lacks {@code message-id} ({@code
   *     missing-attribute} with bad-attribute and bad-element), or does not hold exactly one
   *     operation element
   */
  public static RpcRequest parse(XmlElement root) throws BadEnvelopeException {
    if (!root.localName().equals("rpc")) {
      throw BadEnvelopeException.of(
          ErrorType.RPC,
          ErrorTag.UNKNOWN_ELEMENT,
          "expected <rpc>, got <" + root.localName() + ">",
          Map.of("bad-element", root.localName()));
    }
    if (!root.namespace().equals(NetconfNamespaces.BASE)) {
      throw BadEnvelopeException.of(
          ErrorType.PROTOCOL,
          ErrorTag.UNKNOWN_NAMESPACE,
          "<rpc> must be in namespace " + NetconfNamespaces.BASE,
          Map.of("bad-element", "rpc", "bad-namespace", root.namespace()));
    }
    var messageId = root.attribute(XMLConstants.NULL_NS_URI, "message-id");
    if (messageId.isEmpty()) {
      throw BadEnvelopeException.of(
          ErrorType.RPC,
          ErrorTag.MISSING_ATTRIBUTE,
          "<rpc> has no message-id attribute",
          Map.of("bad-attribute", "message-id", "bad-element", "rpc"));
    }
    var children = root.children();
    if (children.isEmpty()) {
      throw BadEnvelopeException.of(
          ErrorType.PROTOCOL,
          ErrorTag.MISSING_ELEMENT,
          "<rpc> has no operation element",
          Map.of("bad-element", "rpc"));
    }
    if (children.size() > 1) {
      throw BadEnvelopeException.of(
          ErrorType.PROTOCOL,
          ErrorTag.BAD_ELEMENT,
          "<rpc> holds more than one operation element",
          Map.of("bad-element", children.get(1).localName()));
    }
    return new RpcRequest(messageId.get(), root.attributes(), root.namespaces(), children.get(0));
  }
}
