package io.yamano.netconf.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * An immutable XML element: enough of a message for the envelope and for handing an operation's
 * parameters to its handler, without a DOM.
 *
 * <p>Character data is kept as the concatenation of the element's direct text ({@link #text()});
 * NETCONF content has no mixed content that needs the interleaving of text and elements.
 *
 * @param name namespace, local name and the prefix used
 * @param attributes attributes in document order (namespace declarations excluded)
 * @param namespaces the namespace declarations made on this element, prefix ({@code ""} for the
 *     default namespace) to URI
 * @param children child elements in document order
 * @param text the direct character data of this element
 */
public record XmlElement(
    QName name,
    List<XmlAttribute> attributes,
    Map<String, String> namespaces,
    List<XmlElement> children,
    String text) {

  public XmlElement {
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
    namespaces = Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
    children = List.copyOf(children);
    Objects.requireNonNull(text, "text");
  }

  /** The namespace URI of this element ({@code ""} if none). */
  public String namespace() {
    return name.getNamespaceURI();
  }

  /** The local name of this element. */
  public String localName() {
    return name.getLocalPart();
  }

  /** True if this element has the given namespace and local name. */
  public boolean is(String namespace, String localName) {
    return name.getLocalPart().equals(localName) && name.getNamespaceURI().equals(namespace);
  }

  /** The value of the unqualified attribute {@code localName}. */
  public Optional<String> attribute(String localName) {
    return attribute(XMLConstants.NULL_NS_URI, localName);
  }

  /** The value of the attribute with the given namespace and local name. */
  public Optional<String> attribute(String namespace, String localName) {
    for (XmlAttribute a : attributes) {
      if (a.name().getLocalPart().equals(localName)
          && a.name().getNamespaceURI().equals(namespace)) {
        return Optional.of(a.value());
      }
    }
    return Optional.empty();
  }

  /** The first child with the given namespace and local name. */
  public Optional<XmlElement> child(String namespace, String localName) {
    for (XmlElement c : children) {
      if (c.is(namespace, localName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** All children with the given namespace and local name. */
  public List<XmlElement> children(String namespace, String localName) {
    return children.stream().filter(c -> c.is(namespace, localName)).toList();
  }

  /** The text with leading and trailing white space removed. */
  public String trimmedText() {
    return text.strip();
  }
}
