package io.yamano.restconf;

import io.yamano.error.RpcError;
import io.yamano.netconf.data.ErrorPathWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactory;

/**
 * The {@code errors} body of <a href="https://www.rfc-editor.org/rfc/rfc8040#section-7.1">RFC 8040
 * §7.1</a> ({@code yang-data errors} of ietf-restconf) for Yamano's {@link RpcError}s: error-type,
 * error-tag, error-app-tag, error-path (an instance-identifier in the RFC 7951 §6.11 form in JSON,
 * with prefixes declared in XML), error-message and error-info.
 */
final class ErrorBody {
  private final JSONCodecFactory codecs;
  private final ErrorPathWriter xmlPaths;

  ErrorBody(JSONCodecFactory codecs, ErrorPathWriter xmlPaths) {
    this.codecs = codecs;
    this.xmlPaths = xmlPaths;
  }

  void write(Encoding encoding, OutputStream out, List<RpcError> errors) throws IOException {
    if (encoding == Encoding.JSON) {
      writeJson(out, errors);
    } else {
      writeXml(out, errors);
    }
  }

  private void writeJson(OutputStream out, List<RpcError> errors) throws IOException {
    var json = DataCodec.jsonWriter(out);
    json.beginObject().name("ietf-restconf:errors");
    writeJson(json, errors);
    json.endObject();
    json.flush();
  }

  /** The value of an {@code errors} container: {@code {"error": [...]}}. */
  void writeJson(com.google.gson.stream.JsonWriter json, List<RpcError> errors) throws IOException {
    json.beginObject().name("error").beginArray();
    for (RpcError error : errors) {
      json.beginObject();
      json.name("error-type").value(error.type().xmlName());
      json.name("error-tag").value(error.tag().xmlName());
      if (error.appTag().isPresent()) {
        json.name("error-app-tag").value(error.appTag().get());
      }
      if (error.path().isPresent() && !error.path().get().isEmpty()) {
        json.name("error-path").value(jsonPath(error.path().get()));
      }
      json.name("error-message").value(error.message());
      if (!error.info().isEmpty() || !error.pathInfo().isEmpty()) {
        json.name("error-info").beginObject();
        for (var info : new TreeMap<>(error.info()).entrySet()) {
          json.name(info.getKey()).value(info.getValue());
        }
        for (var info : error.pathInfo()) {
          json.name(info.name()).value(jsonPath(info.path()));
        }
        json.endObject();
      }
      json.endObject();
    }
    json.endArray().endObject();
  }

  /** An instance identifier in the JSON encoding (RFC 7951 §6.11): {@code /module:a/b[k='v']}. */
  String jsonPath(YangInstanceIdentifier path) {
    try {
      var text = new StringWriter();
      var json = new com.google.gson.stream.JsonWriter(text);
      json.setLenient(true);
      codecs.instanceIdentifierCodec().writeValue(json, path);
      json.flush();
      String quoted = text.toString();
      return com.google.gson.JsonParser.parseString(quoted).getAsString();
    } catch (Exception e) {
      return path.toString();
    }
  }

  private void writeXml(OutputStream out, List<RpcError> errors) throws IOException {
    DataCodec.xml(
        out,
        xml -> {
          xml.writeStartElement("", "errors", DataCodec.RESTCONF_NS);
          xml.writeDefaultNamespace(DataCodec.RESTCONF_NS);
          writeXmlErrors(xml, DataCodec.RESTCONF_NS, errors);
          xml.writeEndElement();
        });
  }

  /** The {@code error} elements of an {@code errors} container in namespace {@code ns}. */
  void writeXmlErrors(javax.xml.stream.XMLStreamWriter xml, String ns, List<RpcError> errors)
      throws javax.xml.stream.XMLStreamException {
    for (RpcError error : errors) {
      xml.writeStartElement(ns, "error");
      leaf(xml, ns, "error-type", error.type().xmlName());
      leaf(xml, ns, "error-tag", error.tag().xmlName());
      if (error.appTag().isPresent()) {
        leaf(xml, ns, "error-app-tag", error.appTag().get());
      }
      if (error.path().isPresent() && !error.path().get().isEmpty()) {
        xml.writeStartElement(ns, "error-path");
        var rendered = xmlPaths.render(error.path().get());
        for (Map.Entry<String, String> decl : new TreeMap<>(rendered.namespaces()).entrySet()) {
          xml.writeNamespace(decl.getKey(), decl.getValue());
        }
        xml.writeCharacters(rendered.xpath());
        xml.writeEndElement();
      }
      leaf(xml, ns, "error-message", error.message());
      if (!error.info().isEmpty() || !error.pathInfo().isEmpty()) {
        xml.writeStartElement(ns, "error-info");
        for (var info : new TreeMap<>(error.info()).entrySet()) {
          leaf(xml, ns, info.getKey(), info.getValue());
        }
        for (var info : error.pathInfo()) {
          xml.writeStartElement("", info.name(), info.namespace());
          xml.writeDefaultNamespace(info.namespace());
          var rendered = xmlPaths.render(info.path());
          for (var decl : new TreeMap<>(rendered.namespaces()).entrySet()) {
            xml.writeNamespace(decl.getKey(), decl.getValue());
          }
          xml.writeCharacters(rendered.xpath());
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
  }

  private static void leaf(
      javax.xml.stream.XMLStreamWriter xml, String ns, String name, String value)
      throws javax.xml.stream.XMLStreamException {
    xml.writeStartElement(ns, name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
