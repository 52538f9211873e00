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
 * or {@code <data>} wrapper or top-level elements), RFC 7951 JSON, or YAML laid out as that JSON,
 * checked against the schema while parsing (types, ranges, unknown nodes).
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
    try {
      return json(context, yamlAsJson(trimmed));
    } catch (RuntimeException e) {
      var message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new IllegalArgumentException(message.replaceAll("\\s+", " "), e);
    }
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

  /**
   * YAML as RFC 7951 JSON. Scalars are read as text (YAML's failsafe schema), so that {@code
   * version: 1.0} stays "1.0" and not a float; text that reads as a JSON number or boolean is
   * written as one, and the YANG codecs decide what it means for each leaf.
   */
  static String yamlAsJson(String text) {
    var settings =
        org.snakeyaml.engine.v2.api.LoadSettings.builder()
            .setSchema(new org.snakeyaml.engine.v2.schema.FailsafeSchema())
            .build();
    var document = new org.snakeyaml.engine.v2.api.Load(settings).loadFromString(text);
    if (!(document instanceof java.util.Map<?, ?>)) {
      throw new IllegalArgumentException("a YAML document must be a mapping of top-level nodes");
    }
    var out = new java.io.StringWriter();
    try (var json = new com.google.gson.stream.JsonWriter(out)) {
      writeJson(document, json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeJson(Object value, com.google.gson.stream.JsonWriter json)
      throws java.io.IOException {
    if (value instanceof java.util.Map<?, ?> map) {
      json.beginObject();
      for (var entry : map.entrySet()) {
        json.name(String.valueOf(entry.getKey()));
        writeJson(entry.getValue(), json);
      }
      json.endObject();
    } else if (value instanceof java.util.List<?> list) {
      json.beginArray();
      for (var item : list) {
        writeJson(item, json);
      }
      json.endArray();
    } else if (value == null) {
      json.nullValue();
    } else {
      var scalar = String.valueOf(value);
      if (scalar.equals("true") || scalar.equals("false")) {
        json.value(Boolean.parseBoolean(scalar));
      } else if (scalar.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        json.jsonValue(scalar);
      } else {
        json.value(scalar);
      }
    }
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
