package io.yamano.netconf.server;

import io.yamano.netconf.message.XmlAttribute;
import io.yamano.netconf.message.XmlElement;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Converts an {@link XmlElement} tree into a namespace-aware DOM, for the data codecs that read
 * DOM. The namespace declarations in scope at the root (those of {@code <rpc>}) are declared on the
 * DOM root, so prefixes in attribute and element values (identityrefs, XPath filters) resolve. Not
 * thread-safe; one per request.
 */
final class DomConverter {
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(DomConverter::newBuilder);

  private final Map<XmlElement, Element> converted = new IdentityHashMap<>();
  private final Map<String, String> inherited;
  private final XmlElement root;
  private Element domRoot;

  DomConverter(XmlElement root, Map<String, String> inherited) {
    this.root = root;
    this.inherited = inherited;
  }

  /** The DOM element of {@code element}, which must be {@code root} or below it. */
  Element dom(XmlElement element) {
    if (domRoot == null) {
      Document doc = BUILDERS.get().newDocument();
      domRoot = convert(doc, root);
      for (var ns : inherited.entrySet()) {
        String attr = ns.getKey().isEmpty() ? "xmlns" : "xmlns:" + ns.getKey();
        if (!root.namespaces().containsKey(ns.getKey())) {
          domRoot.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr, ns.getValue());
        }
      }
      doc.appendChild(domRoot);
    }
    Element e = converted.get(element);
    if (e == null) {
      throw new IllegalArgumentException("not part of this request: " + element.name());
    }
    return e;
  }

  private Element convert(Document doc, XmlElement x) {
    String ns = x.namespace().isEmpty() ? null : x.namespace();
    String prefix = x.name().getPrefix();
    String qualified =
        prefix == null || prefix.isEmpty() ? x.localName() : prefix + ":" + x.localName();
    Element e = doc.createElementNS(ns, qualified);
    for (var decl : x.namespaces().entrySet()) {
      String attr = decl.getKey().isEmpty() ? "xmlns" : "xmlns:" + decl.getKey();
      e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attr, decl.getValue());
    }
    for (XmlAttribute a : x.attributes()) {
      String ans = a.name().getNamespaceURI();
      String ap = a.name().getPrefix();
      String aq =
          ap == null || ap.isEmpty() ? a.name().getLocalPart() : ap + ":" + a.name().getLocalPart();
      e.setAttributeNS(ans.isEmpty() ? null : ans, aq, a.value());
    }
    if (x.children().isEmpty()) {
      if (!x.text().isEmpty()) {
        e.appendChild(doc.createTextNode(x.text()));
      }
    } else {
      for (XmlElement c : x.children()) {
        e.appendChild(convert(doc, c));
      }
    }
    converted.put(x, e);
    return e;
  }

  private static DocumentBuilder newBuilder() {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no namespace-aware DOM available", e);
    }
  }
}
