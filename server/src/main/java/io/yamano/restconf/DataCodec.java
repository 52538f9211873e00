package io.yamano.restconf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.yamano.error.ErrorTag;
import io.yamano.netconf.data.DataWriter;
import io.yamano.netconf.data.WithDefaultsMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodecFactory;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads request bodies into NormalizedNodes and writes NormalizedNodes as replies, in both
 * encodings, with yangtools' RFC 7951 JSON and RFC 7950 XML codecs; the with-defaults walk is
 * NETCONF's {@link DataWriter}.
 */
final class DataCodec {
  /** The ietf-restconf namespace (RFC 8040 §8). */
  static final String RESTCONF_NS = "urn:ietf:params:xml:ns:yang:ietf-restconf";

  private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

  private final EffectiveModelContext schema;
  private final JSONCodecFactory jsonCodecs;
  private final XmlCodecFactory xmlCodecs;
  private final DataWriter dataWriter;

  DataCodec(EffectiveModelContext schema, JSONCodecFactory jsonCodecs, DataWriter dataWriter) {
    this.schema = schema;
    this.jsonCodecs = jsonCodecs;
    this.xmlCodecs = XmlCodecFactory.create(schema);
    this.dataWriter = dataWriter;
  }

  JSONCodecFactory jsonCodecs() {
    return jsonCodecs;
  }

  EffectiveModelContext schema() {
    return schema;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Parses the top-level nodes of a body against a parent inference: each member of the JSON
   * object, or the XML document element ({@code wrapped}: each child of it).
   */
  List<NormalizedNode> parseNodes(
      Encoding encoding, byte[] body, SchemaInferenceStack parent, boolean xmlWrapped)
      throws RestconfException {
    var out = new ArrayList<NormalizedNode>();
    try {
      if (encoding == Encoding.JSON) {
        var object = jsonObject(body);
        for (var member : object.entrySet()) {
          var single = new JsonObject();
          single.add(member.getKey(), member.getValue());
          out.add(parseJson(single, parent.toInference()));
        }
      } else {
        Element root = xmlDocument(body).getDocumentElement();
        if (xmlWrapped) {
          for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
              out.add(parseXml(e, parent));
            }
          }
        } else {
          out.add(parseXml(root, parent));
        }
      }
    } catch (RestconfException e) {
      throw e;
    } catch (RuntimeException | IOException | XMLStreamException e) {
      throw malformed(e);
    }
    return out;
  }

  /**
   * Parses a whole datastore (RFC 8040 §3.4: {@code {"ietf-restconf:data": {...}}} or {@code <data
   * xmlns="urn:ietf:params:xml:ns:yang:ietf-restconf">}) into a root container.
   */
  ContainerNode parseRoot(Encoding encoding, byte[] body) throws RestconfException {
    var inference = SchemaInferenceStack.of(schema).toInference();
    var builder =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME));
    try {
      if (encoding == Encoding.JSON) {
        var object = jsonObject(body);
        var data = object.get("ietf-restconf:data");
        if (object.size() != 1 || data == null || !data.isJsonObject()) {
          throw RestconfException.badRequest(
              ErrorTag.MALFORMED_MESSAGE,
              "a whole datastore is sent as {\"ietf-restconf:data\": {...}} (RFC 8040 §3.4)");
        }
        for (var member : data.getAsJsonObject().entrySet()) {
          var single = new JsonObject();
          single.add(member.getKey(), member.getValue());
          builder.withChild(
              (org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild)
                  parseJson(single, inference));
        }
      } else {
        Element root = xmlDocument(body).getDocumentElement();
        if (!"data".equals(root.getLocalName()) || !RESTCONF_NS.equals(root.getNamespaceURI())) {
          throw RestconfException.badRequest(
              ErrorTag.MALFORMED_MESSAGE,
              "a whole datastore is sent as <data xmlns=\"" + RESTCONF_NS + "\"> (RFC 8040 §3.4)");
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element e) {
            builder.withChild(
                (org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild)
                    parseXml(e, SchemaInferenceStack.of(schema)));
          }
        }
      }
    } catch (RestconfException e) {
      throw e;
    } catch (RuntimeException | IOException | XMLStreamException e) {
      throw malformed(e);
    }
    return builder.build();
  }

  /** The JSON object of a body; a body that is not one is malformed (400). */
  static JsonObject jsonObject(byte[] body) throws RestconfException {
    try {
      JsonElement element =
          JsonParser.parseReader(
              new JsonReader(
                  new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)));
      if (!element.isJsonObject()) {
        throw RestconfException.badRequest(
            ErrorTag.MALFORMED_MESSAGE, "the body must be a JSON object");
      }
      return element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw RestconfException.badRequest(
          ErrorTag.MALFORMED_MESSAGE, "the body is not JSON: " + e.getMessage());
    }
  }

  /** A body as a namespace-aware DOM, with DTDs and external entities refused. */
  static Document xmlDocument(byte[] body) throws RestconfException {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setExpandEntityReferences(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new ByteArrayInputStream(body)));
    } catch (SAXException | IOException e) {
      throw RestconfException.badRequest(
          ErrorTag.MALFORMED_MESSAGE, "the body is not XML: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  NormalizedNode parseJson(JsonElement single, EffectiveStatementInference parent)
      throws RestconfException {
    var holder = new NormalizationResultHolder();
    var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
    try {
      JsonParserStream.create(writer, jsonCodecs, parent)
          .parse(new JsonReader(new StringReader(single.toString())));
      return holder.getResult().data();
    } catch (RuntimeException e) {
      throw malformed(e);
    }
  }

  /**
   * Parses one XML element that is a child of {@code parent}: unlike the JSON parser, yangtools'
   * XML parser takes the inference of the element's own node.
   */
  NormalizedNode parseXml(Element element, SchemaInferenceStack parent)
      throws RestconfException, XMLStreamException, IOException {
    var holder = new NormalizationResultHolder();
    var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
    String ns = element.getNamespaceURI();
    var module =
        ns == null
            ? java.util.Optional.<org.opendaylight.yangtools.yang.model.api.Module>empty()
            : schema
                .findModules(org.opendaylight.yangtools.yang.common.XMLNamespace.of(ns))
                .stream()
                .findFirst()
                .map(org.opendaylight.yangtools.yang.model.api.Module.class::cast);
    if (module.isEmpty()) {
      throw RestconfException.badRequest(
          ErrorTag.UNKNOWN_NAMESPACE,
          "element <" + element.getLocalName() + "> has no namespace of a loaded module: " + ns);
    }
    var qname =
        org.opendaylight.yangtools.yang.common.QName.create(
            module.get().getQNameModule(), element.getLocalName());
    var stack = parent.copy();
    try {
      stack.enterDataTree(qname);
    } catch (IllegalArgumentException notData) {
      try {
        stack.enterSchemaTree(qname);
      } catch (IllegalArgumentException e) {
        throw RestconfException.badRequest(
            ErrorTag.UNKNOWN_ELEMENT,
            "<" + element.getLocalName() + "> is not a child node here (" + ns + ")");
      }
    }
    try {
      XmlParserStream.create(writer, xmlCodecs, stack.toInference())
          .traverse(new DOMSource(element));
      return holder.getResult().data();
    } catch (RuntimeException e) {
      throw malformed(e);
    }
  }

  /**
   * A body the schema refuses: unknown nodes are {@code unknown-element}, everything else an {@code
   * invalid-value}; both 400 (RFC 8040 §7).
   */
  static RestconfException malformed(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    // the StAX location prefix says nothing for a DOM source
    message =
        message.replaceFirst(
            "^ParseError at \\[row,col\\]:\\[-?\\d+,-?\\d+\\]\\s*Message:\\s*", "");
    var cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
      message = message + ": " + cause.getMessage();
    }
    ErrorTag tag =
        message.contains("Schema node with name")
                || message.contains("was not found")
                || message.contains("not found in")
                || message.contains("Schema for node")
            ? ErrorTag.UNKNOWN_ELEMENT
            : ErrorTag.INVALID_VALUE;
    return RestconfException.badRequest(tag, "the body does not fit the schema: " + message);
  }

  /** The empty datastore root. */
  static ContainerNode emptyRoot() {
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
        .build();
  }

  // ---------------------------------------------------------------- writing

  /** Writes a data resource: the datastore ({@code data} of ietf-restconf) or one node. */
  void writeResource(
      Encoding encoding,
      OutputStream out,
      ApiPath.Target target,
      NormalizedNode node,
      WithDefaultsMode mode)
      throws IOException {
    writeResource(encoding, out, target, node, mode, true);
  }

  /**
   * As {@link #writeResource(Encoding, OutputStream, ApiPath.Target, NormalizedNode,
   * WithDefaultsMode)}; with {@code addAbsent} false, report-all-tagged only tags (the tree already
   * holds its defaults, see {@link #withDefaults}).
   */
  void writeResource(
      Encoding encoding,
      OutputStream out,
      ApiPath.Target target,
      NormalizedNode node,
      WithDefaultsMode mode,
      boolean addAbsent)
      throws IOException {
    if (target.isRoot()) {
      writeRoot(encoding, out, (ContainerNode) node, mode, addAbsent);
    } else {
      writeNode(
          encoding,
          out,
          target.parentStack().toInference(),
          wrap(node),
          target.schemaNode(),
          mode,
          addAbsent);
    }
  }

  /**
   * The node with the defaults in use filled in (RFC 6243 report-all), so that {@code depth} and
   * {@code fields} cut a tree that already holds them.
   */
  NormalizedNode withDefaults(ApiPath.Target target, NormalizedNode node) throws IOException {
    if (target.isRoot()) {
      var builder =
          ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME));
      dataWriter.writeRootChildren(
          ImmutableNormalizedNodeStreamWriter.from(builder),
          (ContainerNode) node,
          WithDefaultsMode.REPORT_ALL);
      return builder.build();
    }
    var holder = new NormalizationResultHolder();
    dataWriter.write(
        ImmutableNormalizedNodeStreamWriter.from(holder),
        wrap(node),
        target.schemaNode(),
        WithDefaultsMode.REPORT_ALL);
    NormalizedNode filled = holder.getResult().data();
    if (node instanceof MapEntryNode && filled instanceof MapNode map && map.size() == 1) {
      return map.body().iterator().next();
    }
    if (node instanceof LeafSetEntryNode<?>
        && filled instanceof LeafSetNode<?> set
        && set.size() == 1) {
      return set.body().iterator().next();
    }
    return filled;
  }

  private void writeWith(
      NormalizedNodeStreamWriter stream,
      NormalizedNode node,
      DataSchemaNode nodeSchema,
      WithDefaultsMode mode,
      boolean addAbsent)
      throws IOException {
    if (!addAbsent && mode == WithDefaultsMode.REPORT_ALL_TAGGED) {
      dataWriter.writeTaggedOnly(stream, node, nodeSchema);
    } else if (!addAbsent && mode == WithDefaultsMode.REPORT_ALL) {
      dataWriter.write(stream, node, nodeSchema, WithDefaultsMode.EXPLICIT);
    } else {
      dataWriter.write(stream, node, nodeSchema, mode);
    }
  }

  /** {@code {"ietf-restconf:data": {...}}} or {@code <data xmlns=ietf-restconf>}. */
  void writeRoot(
      Encoding encoding,
      OutputStream out,
      ContainerNode root,
      WithDefaultsMode mode,
      boolean addAbsent)
      throws IOException {
    var effective =
        !addAbsent && mode == WithDefaultsMode.REPORT_ALL ? WithDefaultsMode.EXPLICIT : mode;
    var inference = SchemaInferenceStack.of(schema).toInference();
    if (encoding == Encoding.JSON) {
      var json = jsonWriter(out);
      json.beginObject().name("ietf-restconf:data").beginObject();
      var stream =
          JSONNormalizedNodeStreamWriter.createNestedWriter(jsonCodecs, inference, null, json);
      dataWriter.writeRootChildren(stream, root, effective, addAbsent);
      for (var child : root.body()) {
        writeIfEmptyContainer(json, child);
      }
      json.endObject().endObject();
      json.flush();
    } else {
      xml(
          out,
          xml -> {
            xml.writeStartElement("", "data", RESTCONF_NS);
            xml.writeDefaultNamespace(RESTCONF_NS);
            declareWithDefaults(xml, mode);
            var stream = XMLStreamNormalizedNodeStreamWriter.create(xml, inference);
            dataWriter.writeRootChildren(stream, root, effective, addAbsent);
            xml.writeEndElement();
          });
    }
  }

  /** One node as the only member of a JSON object, or as the XML document element. */
  void writeNode(
      Encoding encoding,
      OutputStream out,
      EffectiveStatementInference parent,
      NormalizedNode node,
      DataSchemaNode nodeSchema,
      WithDefaultsMode mode,
      boolean addAbsent)
      throws IOException {
    if (encoding == Encoding.JSON) {
      var json = jsonWriter(out);
      json.beginObject();
      if (!writeIfEmptyContainer(json, node)) {
        var stream =
            JSONNormalizedNodeStreamWriter.createNestedWriter(jsonCodecs, parent, null, json);
        writeWith(stream, node, nodeSchema, mode, addAbsent);
      }
      json.endObject();
      json.flush();
    } else {
      if (node instanceof MapNode map && map.size() != 1
          || node instanceof LeafSetNode<?> set && set.size() != 1) {
        throw new XmlMultipleRootsException();
      }
      XmlBody body =
          xml -> {
            var stream = XMLStreamNormalizedNodeStreamWriter.create(xml, parent);
            writeWith(stream, node, nodeSchema, mode, addAbsent);
          };
      if (mode == WithDefaultsMode.REPORT_ALL_TAGGED) {
        // the wd:default attribute needs its namespace declared on an element yangtools starts
        xmlRepairing(out, body);
      } else {
        xml(out, body);
      }
    }
  }

  /**
   * yangtools' JSON writer leaves out an empty non-presence container; a resource that is one (or
   * one cut by {@code depth}, RFC 8040 §4.8.2) is still there and is written as {@code {}}.
   */
  private boolean writeIfEmptyContainer(JsonWriter json, NormalizedNode node) throws IOException {
    if (node instanceof ContainerNode container && container.isEmpty()) {
      var q = container.name().getNodeType();
      String module = schema.findModule(q.getModule()).orElseThrow().getName();
      json.name(module + ":" + q.getLocalName()).beginObject().endObject();
      return true;
    }
    return false;
  }

  /** Thrown when XML would need several document elements (a whole list of several entries). */
  static final class XmlMultipleRootsException extends IOException {
    private static final long serialVersionUID = 1L;

    XmlMultipleRootsException() {
      super("several entries cannot be one XML document: name one entry, or ask for JSON");
    }
  }

  /** Writes an rpc or action {@code output} (RFC 8040 §3.6.2), or nothing if it is empty. */
  void writeOutput(
      Encoding encoding, OutputStream out, SchemaInferenceStack operation, ContainerNode output)
      throws IOException {
    var inference = operation.toInference();
    if (encoding == Encoding.JSON) {
      var json = jsonWriter(out);
      json.beginObject();
      var stream =
          JSONNormalizedNodeStreamWriter.createNestedWriter(jsonCodecs, inference, null, json);
      dataWriter.write(stream, output, null, WithDefaultsMode.EXPLICIT);
      json.endObject();
      json.flush();
    } else {
      xml(
          out,
          xml -> {
            var stream = XMLStreamNormalizedNodeStreamWriter.create(xml, inference);
            dataWriter.write(stream, output, null, WithDefaultsMode.EXPLICIT);
          });
    }
  }

  /** A map entry or leaf-list entry travels inside its list (RFC 7951 §5.4: an array). */
  static NormalizedNode wrap(NormalizedNode node) {
    if (node instanceof MapEntryNode entry) {
      return ImmutableNodes.newSystemMapBuilder()
          .withNodeIdentifier(NodeIdentifier.create(entry.name().getNodeType()))
          .withChild(entry)
          .build();
    }
    if (node instanceof LeafSetEntryNode<?> entry) {
      @SuppressWarnings("unchecked")
      var typed = (LeafSetEntryNode<Object>) entry;
      return ImmutableNodes.newSystemLeafSetBuilder()
          .withNodeIdentifier(NodeIdentifier.create(entry.name().getNodeType()))
          .withChild(typed)
          .build();
    }
    return node;
  }

  static boolean isUserOrdered(NormalizedNode node) {
    return node instanceof UserMapNode || node instanceof UserLeafSetNode<?>;
  }

  static JsonWriter jsonWriter(OutputStream out) {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    var json = new JsonWriter(w);
    json.setIndent("  ");
    return json;
  }

  @FunctionalInterface
  interface XmlBody {
    void write(XMLStreamWriter xml) throws XMLStreamException, IOException;
  }

  static void xml(OutputStream out, XmlBody body) throws IOException {
    try {
      var xml = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
      body.write(xml);
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write XML: " + e.getMessage(), e);
    }
  }

  private static void declareWithDefaults(XMLStreamWriter xml, WithDefaultsMode mode)
      throws XMLStreamException {
    if (mode == WithDefaultsMode.REPORT_ALL_TAGGED) {
      xml.writeNamespace("wd", WITH_DEFAULTS_NS);
      xml.setPrefix("wd", WITH_DEFAULTS_NS);
    }
  }

  private static void xmlRepairing(OutputStream out, XmlBody body) throws IOException {
    try {
      var factory = XMLOutputFactory.newDefaultFactory();
      factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
      var xml = factory.createXMLStreamWriter(out, "UTF-8");
      xml.setPrefix("wd", WITH_DEFAULTS_NS);
      body.write(xml);
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write XML: " + e.getMessage(), e);
    }
  }

  static final String WITH_DEFAULTS_NS = "urn:ietf:params:xml:ns:netconf:default:1.0";
}
