package io.yamano.netconf.message;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one NETCONF message (UTF-8, RFC 6241 §3) into an {@link XmlElement} tree with the JDK's
 * StAX parser, hardened for input from the network: DTDs are refused (so there are no entity
 * declarations, internal or external), external access is off, and nesting depth, attributes per
 * element and element count are limited. Thread-safe.
 */
public final class XmlMessageReader {
  private final XMLInputFactory factory;
  private final XmlLimits limits;

  /** A reader with {@link XmlLimits#DEFAULT}. */
  public XmlMessageReader() {
    this(XmlLimits.DEFAULT);
  }

  /** A reader with the given limits. */
  public XmlMessageReader(XmlLimits limits) {
    this.limits = Objects.requireNonNull(limits);
    this.factory = hardenedFactory();
  }

  /** A StAX factory with DTDs and external entities disabled, coalescing text. */
  static XMLInputFactory hardenedFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are not allowed: " + systemId);
        });
    return f;
  }

  /**
   * Parses one message.
   *
   * @throws MalformedMessageException if the bytes are not a well-formed XML document, declare a
   *     DTD, or exceed a limit
   */
  public XmlElement read(byte[] message) throws MalformedMessageException {
    int start = 0;
    while (start < message.length && isSpace(message[start])) {
      start++;
    }
    XMLStreamReader reader = null;
    try {
      reader =
          factory.createXMLStreamReader(
              new ByteArrayInputStream(message, start, message.length - start), "UTF-8");
      return readDocument(reader);
    } catch (XMLStreamException e) {
      var location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
      throw new MalformedMessageException(
          "message is not well-formed XML" + where + ": " + cleanMessage(e), e);
    } catch (RuntimeException e) {
      // the JDK's parser throws unchecked exceptions on some broken DTDs (found by fuzzing:
      // MissingResourceException InvalidCharInDTD); bad input is still only a bad message
      throw new MalformedMessageException("message is not well-formed XML: " + e, e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing held but memory
        }
      }
    }
  }

  /**
   * Reads only the root element's start tag (name, attributes, namespace declarations), without
   * checking the rest of the message: a cheap look at {@code message-id} or the message kind.
   *
   * @return the root without children or text
   * @throws MalformedMessageException if no root start tag can be read
   */
  public XmlElement peekRoot(byte[] message) throws MalformedMessageException {
    int start = 0;
    while (start < message.length && isSpace(message[start])) {
      start++;
    }
    XMLStreamReader reader = null;
    try {
      reader =
          factory.createXMLStreamReader(
              new ByteArrayInputStream(message, start, message.length - start), "UTF-8");
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          return startElement(reader).build();
        }
        if (event == XMLStreamConstants.DTD) {
          break;
        }
      }
      throw new MalformedMessageException("message has no root element", null);
    } catch (XMLStreamException e) {
      throw new MalformedMessageException("message is not well-formed XML: " + cleanMessage(e), e);
    } catch (RuntimeException e) {
      throw new MalformedMessageException("message is not well-formed XML: " + e, e);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing held but memory
        }
      }
    }
  }

  private XmlElement readDocument(XMLStreamReader reader)
      throws XMLStreamException, MalformedMessageException {
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    int elements = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD ->
            throw new MalformedMessageException(
                "a DOCTYPE declaration is not allowed in a NETCONF message", null);
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new MalformedMessageException(
                "entity reference &" + reader.getLocalName() + "; is not allowed", null);
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() >= limits.maxDepth()) {
            throw new MalformedMessageException(
                "elements nested deeper than " + limits.maxDepth(), null);
          }
          if (++elements > limits.maxElements()) {
            throw new MalformedMessageException(
                "more than " + limits.maxElements() + " elements", null);
          }
          open.push(startElement(reader));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open.pop().build();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().children.add(done);
          }
        }
        default -> {
          // comments, processing instructions, white space outside the root
        }
      }
    }
    if (root == null) {
      throw new MalformedMessageException("message has no root element", null);
    }
    return root;
  }

  private Builder startElement(XMLStreamReader reader) throws MalformedMessageException {
    int attributeCount = reader.getAttributeCount();
    int namespaceCount = reader.getNamespaceCount();
    if (attributeCount + namespaceCount > limits.maxAttributes()) {
      throw new MalformedMessageException(
          "element "
              + reader.getLocalName()
              + " has more than "
              + limits.maxAttributes()
              + " attributes",
          null);
    }
    var b = new Builder(reader.getName());
    for (int i = 0; i < namespaceCount; i++) {
      String prefix = reader.getNamespacePrefix(i);
      b.namespaces.put(prefix == null ? "" : prefix, reader.getNamespaceURI(i));
    }
    for (int i = 0; i < attributeCount; i++) {
      b.attributes.add(new XmlAttribute(reader.getAttributeName(i), reader.getAttributeValue(i)));
    }
    return b;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static String cleanMessage(XMLStreamException e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + "Message: ".length()) : m;
  }

  private static final class Builder {
    final QName name;
    final List<XmlAttribute> attributes = new ArrayList<>();
    final Map<String, String> namespaces = new LinkedHashMap<>();
    final List<XmlElement> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    Builder(QName name) {
      this.name = name;
    }

    XmlElement build() {
      return new XmlElement(name, attributes, namespaces, children, text.toString());
    }
  }
}
