package io.yamano.netconf.notification;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Which events a subscription receives: the {@code <filter>} of {@code <create-subscription>} (<a
 * href="https://www.rfc-editor.org/rfc/rfc5277#section-3.6">RFC 5277 §3.6</a>), applied to the
 * notification content. An event is sent, whole, when the filter selects anything in it.
 */
public sealed interface EventFilter {

  /** Whether {@code notification} passes. */
  boolean matches(Notification notification);

  /** No filter: every event of the stream. */
  record All() implements EventFilter {
    @Override
    public boolean matches(Notification notification) {
      return true;
    }
  }

  /**
   * A subtree filter (RFC 6241 §6): the event passes if one of the filter's top elements selects
   * something in the content element.
   *
   * @param tops the children of {@code <filter>}
   */
  record Subtree(List<Element> tops) implements EventFilter {
    public Subtree {
      tops = List.copyOf(tops);
    }

    /** The filter of the element children of {@code filter}. */
    public static Subtree of(Element filter) {
      return new Subtree(elements(filter));
    }

    @Override
    public boolean matches(Notification notification) {
      var content = Dom.parse(notification.contentXml());
      return tops.stream().anyMatch(top -> selects(top, content));
    }

    private static boolean selects(Element filter, Element data) {
      if (!filter.getLocalName().equals(data.getLocalName())) {
        return false;
      }
      // RFC 6241 §6.2.1: a filter element without a namespace matches any namespace
      String ns = filter.getNamespaceURI();
      if (ns != null && !ns.isEmpty() && !ns.equals(data.getNamespaceURI())) {
        return false;
      }
      var children = elements(filter);
      if (children.isEmpty()) {
        String text = filter.getTextContent().trim();
        return text.isEmpty() || text.equals(data.getTextContent().trim());
      }
      var dataChildren = elements(data);
      boolean selection = false;
      boolean anySelected = false;
      for (var child : children) {
        boolean contentMatch = elements(child).isEmpty() && !child.getTextContent().isBlank();
        boolean found = dataChildren.stream().anyMatch(d -> selects(child, d));
        if (contentMatch && !found) {
          return false;
        }
        if (!contentMatch) {
          selection = true;
          anySelected |= found;
        }
      }
      return !selection || anySelected;
    }
  }

  /**
   * An XPath 1.0 filter (RFC 6241 §8.9) evaluated with the content element as the document element,
   * so {@code /netconf-config-change} names it.
   *
   * @param select the expression
   * @param prefixes the namespace prefixes in scope at {@code <filter>}
   */
  record XPath(String select, Map<String, String> prefixes) implements EventFilter {
    public XPath {
      Objects.requireNonNull(select, "select");
      prefixes = Map.copyOf(prefixes);
    }

    /** Compiles the expression; an invalid one is an {@link IllegalArgumentException}. */
    public XPathExpression compile() {
      var xpath = XPathFactory.newInstance().newXPath();
      xpath.setNamespaceContext(
          new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
              return prefix == null || prefix.isEmpty()
                  ? XMLConstants.NULL_NS_URI
                  : prefixes.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceUri) {
              return prefixes.entrySet().stream()
                  .filter(e -> e.getValue().equals(namespaceUri))
                  .map(Map.Entry::getKey)
                  .findFirst()
                  .orElse(null);
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
              var prefix = getPrefix(namespaceUri);
              return prefix == null ? List.<String>of().iterator() : List.of(prefix).iterator();
            }
          });
      try {
        return xpath.compile(select);
      } catch (XPathExpressionException e) {
        throw new IllegalArgumentException("invalid XPath '" + select + "': " + e.getMessage(), e);
      }
    }

    @Override
    public boolean matches(Notification notification) {
      var document = Dom.parse(notification.contentXml()).getOwnerDocument();
      var expression = compile();
      try {
        var nodes = (NodeList) expression.evaluate(document, XPathConstants.NODESET);
        return nodes.getLength() > 0;
      } catch (XPathExpressionException notANodeSet) {
        try {
          return (Boolean) expression.evaluate(document, XPathConstants.BOOLEAN);
        } catch (XPathExpressionException e) {
          return false;
        }
      }
    }
  }

  private static List<Element> elements(Element parent) {
    var out = new ArrayList<Element>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** Parses notification content; one namespace-aware builder per thread. */
  final class Dom {
    private static final ThreadLocal<DocumentBuilder> BUILDER =
        ThreadLocal.withInitial(
            () -> {
              var factory = DocumentBuilderFactory.newInstance();
              factory.setNamespaceAware(true);
              factory.setExpandEntityReferences(false);
              try {
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return factory.newDocumentBuilder();
              } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
              }
            });

    private Dom() {}

    static Element parse(String xml) {
      try {
        return BUILDER.get().parse(new InputSource(new StringReader(xml))).getDocumentElement();
      } catch (SAXException | IOException e) {
        throw new IllegalArgumentException("notification content is not XML: " + e.getMessage(), e);
      }
    }
  }
}
