package io.yamano.cli;

import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * Reads configuration files for {@code load} and {@code yamano validate}: XML (a {@code <config>}
 * or {@code <data>} wrapper or top-level elements) or RFC 7951 JSON, checked against the schema
 * while parsing (types, ranges, unknown nodes).
 */
public final class Loader {
  private Loader() {}

  /**
   * Parses a document into a root container holding its top-level nodes.
   *
   * @throws IllegalArgumentException saying what is wrong with the document
   */
  public static ContainerNode parse(EffectiveModelContext context, String text) {
    var trimmed = text.strip();
    try {
      if (trimmed.startsWith("{")) {
        return json(context, trimmed);
      }
      if (trimmed.startsWith("<")) {
        return xml(context, trimmed);
      }
    } catch (RuntimeException | XMLStreamException e) {
      var message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IllegalArgumentException(message.replaceAll("\\s+", " "), e);
    }
    throw new IllegalArgumentException("not an XML or JSON document");
  }

  private static ContainerNode json(EffectiveModelContext context, String text) {
    // the parser reads one top-level member at a time
    var document = com.google.gson.JsonParser.parseString(text).getAsJsonObject();
    var builder =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME));
    for (var member : document.entrySet()) {
      var single = new com.google.gson.JsonObject();
      single.add(member.getKey(), member.getValue());
      var holder = new NormalizationResultHolder();
      var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
      var parser =
          JsonParserStream.create(writer, JSONCodecFactorySupplier.RFC7951.getShared(context));
      parser.parse(new JsonReader(new StringReader(single.toString())));
      var data = holder.getResult().data();
      if (data.name().getNodeType().equals(SchemaContext.NAME)
          && data instanceof DataContainerNode container) {
        container.body().forEach(builder::withChild);
      } else {
        builder.withChild((DataContainerChild) data);
      }
    }
    return builder.build();
  }

  private static ContainerNode xml(EffectiveModelContext context, String text)
      throws XMLStreamException {
    var body = text.replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
    var first =
        body.substring(
            1,
            Math.max(
                1,
                body.indexOf(
                    body.indexOf(' ') > 0 && body.indexOf(' ') < body.indexOf('>') ? ' ' : '>')));
    var local = first.contains(":") ? first.substring(first.indexOf(':') + 1) : first;
    if (!local.equals("config") && !local.equals("data")) {
      body = "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + body + "</config>";
    }
    var factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    var reader = factory.createXMLStreamReader(new StringReader(body));
    var holder = new NormalizationResultHolder();
    var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
    try (var parser = XmlParserStream.create(writer, context)) {
      parser.parse(reader);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return asRoot(holder.getResult().data());
  }

  private static ContainerNode asRoot(
      org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode node) {
    var builder =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME));
    if (node instanceof DataContainerNode container) {
      for (DataContainerChild child : container.body()) {
        builder.withChild(child);
      }
    }
    return builder.build();
  }
}
