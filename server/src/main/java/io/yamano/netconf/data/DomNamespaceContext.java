package io.yamano.netconf.data;

import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import org.w3c.dom.Element;

/** The prefixes in scope at a DOM element, for values like identityrefs (RFC 7950 §9.10.3). */
record DomNamespaceContext(Element element) implements NamespaceContext {

  @Override
  public String getNamespaceURI(String prefix) {
    String uri = element.lookupNamespaceURI(prefix == null || prefix.isEmpty() ? null : prefix);
    return uri == null ? XMLConstants.NULL_NS_URI : uri;
  }

  @Override
  public String getPrefix(String namespaceURI) {
    return element.lookupPrefix(namespaceURI);
  }

  @Override
  public Iterator<String> getPrefixes(String namespaceURI) {
    String prefix = getPrefix(namespaceURI);
    return prefix == null ? List.<String>of().iterator() : List.of(prefix).iterator();
  }
}
