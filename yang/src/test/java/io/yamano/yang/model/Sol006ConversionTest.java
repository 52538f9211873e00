package io.yamano.yang.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.StringReader;
import java.nio.file.Files;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack.Inference;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * ETSI's own SOL006 examples, with only their namespaces rewritten, must parse strictly against our
 * models and keep every value: that is what "converts by namespace mapping alone" means.
 */
class Sol006ConversionTest {
  private static final Map<String, String> NAMESPACES =
      Map.of(
          "urn:etsi:nfv:yang:etsi-nfv-descriptors", Models.YAMANO_NS + "yamano-nfv",
          "urn:etsi:nfv:yang:etsi-nfv-vnfd", Models.YAMANO_NS + "yamano-vnfd",
          "urn:etsi:nfv:yang:etsi-nfv-pnfd", Models.YAMANO_NS + "yamano-pnfd",
          "urn:etsi:nfv:yang:etsi-nfv-nsd", Models.YAMANO_NS + "yamano-nsd");

  @ParameterizedTest
  @CsvSource({
    "nfv.xml, yamano-nfv, nfv",
    "nfv-nsd.xml, yamano-nfv, nfv",
    "complex-vnfd.xml, yamano-nfv, nfv",
    "nfv-vnfd.xml, yamano-vnfd, vnfd",
    "nfv-pnfd.xml, yamano-pnfd, pnfd"
  })
  void etsiExampleParsesAfterNamespaceMapping(String file, String module, String root)
      throws Exception {
    String xml = Files.readString(Models.SOL006.resolve("example-data").resolve(file));
    for (var mapping : NAMESPACES.entrySet()) {
      xml = xml.replace("\"" + mapping.getKey() + "\"", "\"" + mapping.getValue() + "\"");
    }
    QName top =
        QName.create(
            QNameModule.of(XMLNamespace.of(Models.YAMANO_NS + module), Revision.of("2026-11-24")),
            root);

    NormalizationResultHolder result = new NormalizationResultHolder();
    XMLStreamReader reader =
        XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
    try (XmlParserStream parser =
        XmlParserStream.create(
            ImmutableNormalizedNodeStreamWriter.from(result),
            Inference.ofDataTreePath(Models.yamano(), top),
            true)) {
      parser.parse(reader);
    }
    ContainerNode data = assertInstanceOf(ContainerNode.class, result.getResult().data());

    assertEquals(top, data.name().getNodeType());
    assertEquals(valuesIn(xml), valuesIn(data), "values kept");
  }

  /** Elements without element children: leaves, leaf-list entries and empty containers. */
  private static int valuesIn(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return valuesIn(
        factory
            .newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new StringReader(xml)))
            .getDocumentElement());
  }

  private static int valuesIn(Element element) {
    int count = 0;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        count += valuesIn(e);
      }
    }
    return count == 0 ? 1 : count;
  }

  private static int valuesIn(NormalizedNode node) {
    if (node instanceof LeafNode<?> || node instanceof LeafSetEntryNode<?>) {
      return 1;
    }
    if (node instanceof ContainerNode container && container.isEmpty()) {
      return 1;
    }
    int count = 0;
    if (node instanceof DistinctNodeContainer<?, ?> container) {
      for (NormalizedNode child : container.body()) {
        count += valuesIn(child);
      }
    } else if (node instanceof NormalizedNodeContainer<?> container) {
      for (NormalizedNode child : container.body()) {
        count += valuesIn(child);
      }
    }
    return count;
  }
}
