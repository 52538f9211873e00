package io.yamano.onboarding.source;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/** Reads an XML document (no DTDs, no external entities) into {@link SourceNode}s. */
public final class XmlDocuments {
  private XmlDocuments() {}

  /**
   * @return a nameless root whose one child is the document element
   */
  public static SourceNode read(byte[] content) throws DocumentSyntaxException {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      var document = builder.parse(new ByteArrayInputStream(content));
      return SourceNode.container("", java.util.List.of(convert(document.getDocumentElement())));
    } catch (SAXParseException e) {
      throw new DocumentSyntaxException(
          "not well-formed XML at line " + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new DocumentSyntaxException("cannot read XML: " + e.getMessage(), e);
    }
  }

  private static SourceNode convert(Element element) {
    var children = new ArrayList<SourceNode>();
    var text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        children.add(convert(e));
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
    String name = element.getLocalName();
    if (children.isEmpty()) {
      return new SourceNode(
          namespace,
          name,
          Optional.of(text.toString().strip()),
          ScalarKind.UNTYPED,
          java.util.List.of(),
          false);
    }
    return new SourceNode(namespace, name, Optional.empty(), ScalarKind.NONE, children, false);
  }
}
