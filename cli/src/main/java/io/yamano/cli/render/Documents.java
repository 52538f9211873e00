package io.yamano.cli.render;

import com.google.gson.stream.JsonWriter;
import io.yamano.yang.xml.XmlDataWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Data as XML (RFC 7950 §7, inside a {@code <config>} element as NETCONF's {@code <load>} input
 * wants it) and JSON (RFC 7951), always from the top level so the output loads back with {@code
 * load merge}.
 */
public final class Documents {
  private final EffectiveModelContext context;
  private final XmlDataWriter xml;

  public Documents(EffectiveModelContext context) {
    this.context = context;
    this.xml = new XmlDataWriter(context);
  }

  /** The top-level children of {@code root} as indented XML. */
  public String xml(NormalizedNode root) {
    var raw = new StringWriter();
    try {
      raw.write("<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">");
      xml.writeChildren(root, raw);
      raw.write("</config>");
      var factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      var transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      var out = new StringWriter();
      transformer.transform(
          new StreamSource(new StringReader(raw.toString())), new StreamResult(out));
      return out.toString().strip() + "\n";
    } catch (IOException | TransformerException e) {
      throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
    }
  }

  /** The top-level children of {@code root} as an RFC 7951 JSON object. */
  public String json(NormalizedNode root) {
    var out = new StringWriter();
    try (var json = new JsonWriter(out)) {
      json.setIndent("  ");
      json.beginObject();
      var codecs = JSONCodecFactorySupplier.RFC7951.getShared(context);
      var inference = SchemaInferenceStack.of(context).toInference();
      if (root instanceof DataContainerNode container) {
        for (var child : container.body()) {
          var writer =
              JSONNormalizedNodeStreamWriter.createNestedWriter(codecs, inference, null, json);
          try (var nodeWriter = NormalizedNodeWriter.forStreamWriter(writer)) {
            nodeWriter.write(child);
          }
        }
      }
      json.endObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
    return out + "\n";
  }
}
