package io.yamano.datastore.xpath;

import com.google.common.collect.ImmutableBiMap;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.opendaylight.yangtools.yang.common.BiMapYangNamespaceContext;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.common.YangVersion;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangQNameExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathMathMode;
import org.opendaylight.yangtools.yang.xpath.impl.AntlrXPathParserFactory;

/** The xp.yang schema, its sample data, and a parser for test expressions (prefix {@code xp}). */
final class XPathFixture {
  static final QNameModule XP = QNameModule.of(XMLNamespace.of("urn:yamano:test:xp"));
  static final EffectiveModelContext SCHEMA = loadSchema("xp.yang");
  static final NormalizedNode DATA = parseXml(resource("data.xml"));

  private XPathFixture() {}

  static QName q(final String localName) {
    return QName.create(XP, localName);
  }

  static EffectiveModelContext loadSchema(final String... names) {
    try {
      final var parser =
          new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
      for (String name : names) {
        final URL url = XPathFixture.class.getResource("/xpath/" + name);
        parser.addSource(new URLYangTextSource(url));
      }
      return parser.buildEffectiveModel();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String resource(final String name) {
    try (InputStream in = XPathFixture.class.getResourceAsStream("/xpath/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses data wrapped in one root element into the datastore root container. */
  static NormalizedNode parseXml(final String xml) {
    try {
      final var holder = new NormalizationResultHolder();
      final XMLStreamReader reader =
          XMLInputFactory.newInstance().createXMLStreamReader(new StringReader(xml));
      XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), SCHEMA)
          .parse(reader);
      return holder.getResult().data();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses an expression the way yangtools parses a must in module xp. */
  static YangXPathExpression.QualifiedBound xpath(final String expr) {
    try {
      return new AntlrXPathParserFactory()
          .newParser(
              YangXPathMathMode.IEEE754, new BiMapYangNamespaceContext(ImmutableBiMap.of("xp", XP)))
          .parseExpression(expr);
    } catch (Exception e) {
      throw new IllegalArgumentException(expr, e);
    }
  }

  /**
   * Wraps a hand-built expression tree, for trees the parser would reject or fold (yangtools folds
   * constant sub-expressions while parsing, and in 13.0.8 folds {@code not(false())} to false).
   */
  static YangXPathExpression.QualifiedBound expr(final YangExpr root) {
    return new YangXPathExpression.QualifiedBound() {
      @Override
      public YangExpr getRootExpr() {
        return root;
      }

      @Override
      public YangXPathMathMode getMathMode() {
        return YangXPathMathMode.IEEE754;
      }

      @Override
      public YangVersion getYangVersion() {
        return YangVersion.VERSION_1_1;
      }

      @Override
      public YangQNameExpr interpretAsQName(final YangLiteralExpr expr) {
        throw new UnsupportedOperationException();
      }

      @Override
      public YangLocationPath interpretAsInstanceIdentifier(final YangLiteralExpr expr) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /** The string-values of a node-set result. */
  static List<String> strings(final XPathResult result) {
    return ((XPathResult.NodeSet) result)
        .nodes().stream().map(DataCursor::stringValue).collect(Collectors.toList());
  }
}
