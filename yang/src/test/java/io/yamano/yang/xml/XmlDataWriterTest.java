package io.yamano.yang.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/** The fast writer's output reads back, through yangtools' own parser, into the same tree. */
class XmlDataWriterTest {
  private static EffectiveModelContext context;

  private static final String DOCUMENT =
      """
      <config>
        <top xmlns="urn:yamano:test:codec" xmlns:c="urn:yamano:test:codec">
          <text>a &lt; b &amp; "c" ' d</text>
          <flag/>
          <kind>c:round</kind>
          <options>fast safe</options>
          <ratio>3.14</ratio>
          <blob>AAEC</blob>
          <pointer>/c:top/c:item[c:a='it''s'][c:b='1']/c:x</pointer>
          <udp>53</udp>
          <item><x>5</x><a>k</a><b>2</b><tag>z</tag><tag>a</tag></item>
          <item><a>it's</a><b>1</b></item>
        </top>
      </config>
      """
          .replace("it''s'", "it&apos;s'");

  @BeforeAll
  static void schema() throws Exception {
    context =
        new DefaultYangParserFactory()
            .createParser(YangParserConfiguration.DEFAULT)
            .addSource(
                new URLYangTextSource(XmlDataWriterTest.class.getResource("/xml/codec.yang")))
            .buildEffectiveModel();
  }

  private static ContainerNode parse(String xml) throws Exception {
    var reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
    var holder = new NormalizationResultHolder();
    XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), context).parse(reader);
    return (ContainerNode) holder.getResult().data();
  }

  @Test
  void everyValueTypeRoundTrips() throws Exception {
    var original = parse(DOCUMENT.replace("[c:a='it&apos;s']", "[c:a=\"it&apos;s\"]"));
    var out = new StringWriter();
    new XmlDataWriter(context).writeChildren(original, out);
    var again = parse("<config>" + out + "</config>");
    assertEquals(original, again, out.toString());
  }

  @Test
  void listKeysComeFirstInKeyOrder() throws Exception {
    var original = parse(DOCUMENT.replace("[c:a='it&apos;s']", "[c:a=\"it&apos;s\"]"));
    var out = new StringWriter();
    new XmlDataWriter(context).writeChildren(original, out);
    assertTrue(out.toString().contains("<item><a>k</a><b>2</b>"), out.toString());
  }

  @Test
  void userOrderIsKept() throws Exception {
    var original = parse(DOCUMENT.replace("[c:a='it&apos;s']", "[c:a=\"it&apos;s\"]"));
    var out = new StringWriter();
    new XmlDataWriter(context).writeChildren(original, out);
    assertTrue(out.toString().contains("<tag>z</tag><tag>a</tag>"), out.toString());
  }
}
