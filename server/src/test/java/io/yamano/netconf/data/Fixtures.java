package io.yamano.netconf.data;

import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The test models and small XML helpers. */
final class Fixtures {
  static final String USERS = "http://example.com/schema/1.2/config";
  static final String STATS = "http://example.com/schema/1.2/stats";
  static final String NFV = "urn:example:nfv";
  static final String NC = NetconfNamespaces.BASE;

  static final EffectiveModelContext CONTEXT = load();

  private Fixtures() {}

  private static EffectiveModelContext load() {
    try {
      var parser = new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
      for (String name : new String[] {"example-users", "example-stats", "example-nfv"}) {
        var url = Fixtures.class.getResource("/netconf/data/" + name + ".yang");
        parser.addSource(new URLYangTextSource(url));
      }
      return parser.buildEffectiveModel();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses XML into a namespace-aware DOM element. */
  static Element dom(String xml) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory
          .newDocumentBuilder()
          .parse(new InputSource(new StringReader(xml)))
          .getDocumentElement();
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Parses {@code <data>...</data>} into a root container with the yangtools XML parser. */
  static ContainerNode data(String xml) {
    try {
      var holder = new NormalizationResultHolder();
      var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
      var parser = XmlParserStream.create(writer, SchemaInferenceStack.of(CONTEXT).toInference());
      var reader = XMLInputFactory.newInstance().createXMLStreamReader(new StringReader(xml));
      parser.parse(reader);
      return (ContainerNode) holder.getResult().data();
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Writes data as {@code <data>} with a with-defaults mode. */
  static String xml(ContainerNode root, WithDefaultsMode mode) {
    try {
      var out = new StringWriter();
      var writer = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      new DataWriter(CONTEXT).writeData(writer, root, mode);
      writer.flush();
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
