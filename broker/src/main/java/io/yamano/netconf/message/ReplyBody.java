package io.yamano.netconf.message;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the content of an {@code <rpc-reply>}. The writer is positioned inside {@code
 * <rpc-reply>}, whose default namespace is the NETCONF base namespace.
 */
@FunctionalInterface
public interface ReplyBody {
  /**
   * {@code <ok/>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-4.4">RFC 6241 §4.4</a>).
   */
  ReplyBody OK = w -> w.writeEmptyElement(NetconfNamespaces.BASE, "ok");

  /** Writes the body. */
  void writeTo(XMLStreamWriter writer) throws XMLStreamException;
}
