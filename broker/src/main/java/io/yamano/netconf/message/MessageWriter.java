package io.yamano.netconf.message;

import io.yamano.error.RpcError;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes NETCONF messages as UTF-8 XML: {@code <hello>} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-8.1">RFC 6241 §8.1</a>), {@code <rpc-reply>}
 * with the echoed attributes (§4.2), {@code <ok/>} (§4.4) and {@code <rpc-error>} (§4.3) rendered
 * from {@link RpcError}. Thread-safe.
 */
public final class MessageWriter {
  private static final String NS = NetconfNamespaces.BASE;

  private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
  private final ErrorPathRenderer paths;

  /** A writer rendering error paths with {@link ErrorPathRenderer#GENERATED_PREFIXES}. */
  public MessageWriter() {
    this(ErrorPathRenderer.GENERATED_PREFIXES);
  }

  /** A writer rendering error paths with {@code paths} (which knows the schema's prefixes). */
  public MessageWriter(ErrorPathRenderer paths) {
    this.paths = Objects.requireNonNull(paths);
  }

  /** A {@code <hello>} with its capabilities and, for a server, the session-id. */
  public byte[] hello(Hello hello) {
    return write(
        w -> {
          w.writeStartElement("", "hello", NS);
          w.writeDefaultNamespace(NS);
          w.writeStartElement(NS, "capabilities");
          for (String capability : hello.capabilities()) {
            w.writeStartElement(NS, "capability");
            w.writeCharacters(capability);
            w.writeEndElement();
          }
          w.writeEndElement();
          if (hello.sessionId().isPresent()) {
            w.writeStartElement(NS, "session-id");
            w.writeCharacters(Long.toString(hello.sessionId().getAsLong()));
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  /** {@code <rpc-reply ...><ok/></rpc-reply>}. */
  public byte[] ok(ReplyEnvelope envelope) {
    return reply(envelope, ReplyBody.OK);
  }

  /** An {@code <rpc-reply>} echoing {@code envelope} around {@code body}. */
  public byte[] reply(ReplyEnvelope envelope, ReplyBody body) {
    var out = new ByteArrayOutputStream(256);
    try {
      reply(envelope, body, out);
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a NETCONF message", e);
    }
    return out.toByteArray();
  }

  /** Streams an {@code <rpc-reply>} to {@code out}, for replies too large to hold in memory. */
  public void reply(ReplyEnvelope envelope, ReplyBody body, OutputStream out)
      throws XMLStreamException {
    XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    writeReply(w, envelope, body, out);
    w.writeEndDocument();
    w.flush();
    w.close();
  }

  /** An {@code <rpc-reply>} holding one {@code <rpc-error>} per error, in order. */
  public byte[] errors(ReplyEnvelope envelope, List<RpcError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an error reply needs at least one error");
    }
    return reply(
        envelope,
        w -> {
          for (RpcError error : errors) {
            writeError(w, error);
          }
        });
  }

  private void writeReply(
      XMLStreamWriter w, ReplyEnvelope envelope, ReplyBody body, OutputStream out)
      throws XMLStreamException {
    w.writeStartElement("", "rpc-reply", NS);
    w.writeDefaultNamespace(NS);
    Set<String> declared = new HashSet<>();
    for (XmlAttribute a : envelope.attributes()) {
      String ns = a.name().getNamespaceURI();
      String prefix = a.name().getPrefix();
      if (!ns.isEmpty() && !XMLConstants.XML_NS_URI.equals(ns) && declared.add(prefix)) {
        w.writeNamespace(prefix, ns);
      }
    }
    for (Map.Entry<String, String> e : envelope.namespaces().entrySet()) {
      if (!e.getKey().isEmpty() && declared.add(e.getKey())) {
        w.writeNamespace(e.getKey(), e.getValue());
      }
    }
    for (XmlAttribute a : envelope.attributes()) {
      String ns = a.name().getNamespaceURI();
      if (ns.isEmpty()) {
        w.writeAttribute(a.name().getLocalPart(), a.value());
      } else {
        w.writeAttribute(a.name().getPrefix(), ns, a.name().getLocalPart(), a.value());
      }
    }
    if (body instanceof RawReplyBody raw) {
      // close the start tag, hand the stream over, then carry on after the raw text
      w.writeCharacters("");
      w.flush();
      try {
        var text =
            new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
                1 << 16);
        raw.writeRaw(text);
        text.flush();
      } catch (java.io.IOException e) {
        throw new XMLStreamException("cannot write the reply: " + e.getMessage(), e);
      }
    } else {
      body.writeTo(w);
    }
    w.writeEndElement();
  }

  /** Writes one {@code <rpc-error>} (RFC 6241 §4.3). */
  public void writeError(XMLStreamWriter w, RpcError error) throws XMLStreamException {
    w.writeStartElement(NS, "rpc-error");
    leaf(w, "error-type", error.type().xmlName());
    leaf(w, "error-tag", error.tag().xmlName());
    leaf(w, "error-severity", "error");
    if (error.appTag().isPresent()) {
      leaf(w, "error-app-tag", error.appTag().get());
    }
    if (error.path().isPresent()) {
      RenderedPath path = paths.render(error.path().get());
      w.writeStartElement(NS, "error-path");
      for (Map.Entry<String, String> e : path.namespaces().entrySet()) {
        w.writeNamespace(e.getKey(), e.getValue());
      }
      w.writeCharacters(path.xpath());
      w.writeEndElement();
    }
    if (!error.message().isEmpty()) {
      w.writeStartElement(NS, "error-message");
      w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "en");
      w.writeCharacters(error.message());
      w.writeEndElement();
    }
    if (!error.info().isEmpty() || !error.pathInfo().isEmpty()) {
      w.writeStartElement(NS, "error-info");
      for (Map.Entry<String, String> e : new TreeMap<>(error.info()).entrySet()) {
        leaf(w, e.getKey(), e.getValue());
      }
      for (var info : error.pathInfo()) {
        RenderedPath rendered = paths.render(info.path());
        w.writeStartElement("", info.name(), info.namespace());
        w.writeDefaultNamespace(info.namespace());
        for (Map.Entry<String, String> e : rendered.namespaces().entrySet()) {
          w.writeNamespace(e.getKey(), e.getValue());
        }
        w.writeCharacters(rendered.xpath());
        w.writeEndElement();
      }
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private static void leaf(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(NS, name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  private byte[] write(ReplyBody document) {
    var out = new ByteArrayOutputStream(256);
    try {
      XMLStreamWriter w = factory.createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      document.writeTo(w);
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write a NETCONF message", e);
    }
    return out.toByteArray();
  }
}
