package io.yamano.netconf.message;

import java.util.List;
import java.util.Map;

/**
 * What an {@code <rpc-reply>} echoes from its {@code <rpc>}: all attributes, {@code message-id}
 * included (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-4.2">RFC 6241 §4.2</a>), and
 * the prefixed namespace declarations those attributes may rely on.
 *
 * @param attributes attributes to copy onto {@code <rpc-reply>}
 * @param namespaces prefixed namespace declarations to copy (the default namespace is not copied)
 */
public record ReplyEnvelope(List<XmlAttribute> attributes, Map<String, String> namespaces) {
  /** Nothing to echo: the reply to a message whose {@code <rpc>} could not be read. */
  public static final ReplyEnvelope NONE = new ReplyEnvelope(List.of(), Map.of());

  public ReplyEnvelope {
    attributes = List.copyOf(attributes);
    namespaces = Map.copyOf(namespaces);
  }

  /** Echoes the attributes of a valid request. */
  public static ReplyEnvelope of(RpcRequest request) {
    return new ReplyEnvelope(request.attributes(), request.namespaces());
  }

  /**
   * Echoes whatever attributes an {@code <rpc>} root carries, even if its envelope is invalid (such
   * as an {@code <rpc>} without {@code message-id}); {@link #NONE} for any other root.
   */
  public static ReplyEnvelope bestEffort(XmlElement root) {
    if (!root.is(NetconfNamespaces.BASE, "rpc")) {
      return NONE;
    }
    return new ReplyEnvelope(root.attributes(), root.namespaces());
  }
}
