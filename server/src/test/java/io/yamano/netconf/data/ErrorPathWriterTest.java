package io.yamano.netconf.data;

import static io.yamano.netconf.data.Fixtures.NFV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;

/** error-path rendering, RFC 6241 §4.3 with the instance-identifier syntax of RFC 7950 §9.13. */
class ErrorPathWriterTest {
  private final ErrorPathWriter writer = new ErrorPathWriter(Fixtures.CONTEXT);

  private static QName q(String local) {
    return QName.create(NFV, local);
  }

  private static YangInstanceIdentifier vdu(String vnfd, String vdu) {
    return YangInstanceIdentifier.of(
        new NodeIdentifier(q("nfv")),
        new NodeIdentifier(q("vnfd")),
        NodeIdentifierWithPredicates.of(q("vnfd"), q("id"), vnfd),
        new NodeIdentifier(q("vdu")),
        NodeIdentifierWithPredicates.of(q("vdu"), q("id"), vdu));
  }

  /** RFC 7950 §9.13: module prefixes and one predicate per key, list nodes without own step. */
  @Test
  void rfc7950_9_13_prefixesAndKeyPredicates() {
    var path = writer.render(vdu("x", "y"));
    assertEquals("/nfv:nfv/nfv:vnfd[nfv:id='x']/nfv:vdu[nfv:id='y']", path.xpath());
    assertEquals(Map.of("nfv", NFV), path.namespaces());
  }

  /** RFC 7950 §9.13: a value holding an apostrophe is quoted with double quotes. */
  @Test
  void rfc7950_9_13_apostropheUsesDoubleQuotes() {
    assertEquals(
        "/nfv:nfv/nfv:vnfd[nfv:id=\"it's\"]/nfv:vdu[nfv:id='y']",
        writer.render(vdu("it's", "y")).xpath());
  }

  /** XPath 1.0 §3.7: a value holding both quotes becomes a concat() of literals. */
  @Test
  void xpath_bothQuotesBecomeConcat() {
    assertEquals("concat('a', \"'\", 'b\"c')", ErrorPathWriter.quote("a'b\"c"));
  }

  /** RFC 7950 §9.13: a leaf-list entry is named with [.='value']; choices have no step. */
  @Test
  void rfc7950_9_13_leafListEntryAndChoice() {
    var vnfd =
        YangInstanceIdentifier.of(
            new NodeIdentifier(q("nfv")),
            new NodeIdentifier(q("vnfd")),
            NodeIdentifierWithPredicates.of(q("vnfd"), q("id"), "a"));
    assertEquals(
        "/nfv:nfv/nfv:vnfd[nfv:id='a']/nfv:tag[.='t1']",
        writer
            .render(
                vnfd.node(new NodeIdentifier(q("tag"))).node(new NodeWithValue<>(q("tag"), "t1")))
            .xpath());
    assertEquals(
        "/nfv:nfv/nfv:vnfd[nfv:id='a']/nfv:flavor",
        writer
            .render(
                vnfd.node(new NodeIdentifier(q("deployment")))
                    .node(new NodeIdentifier(q("flavor"))))
            .xpath());
  }

  /** RFC 7950 §9.10.3: an identityref key value is written with its module prefix. */
  @Test
  void rfc7950_9_10_3_identityrefKeyValue() {
    var vim =
        YangInstanceIdentifier.of(
            new NodeIdentifier(q("nfv")),
            new NodeIdentifier(q("vim")),
            NodeIdentifierWithPredicates.of(
                q("vim"), Map.of(q("name"), "v", q("type"), q("openstack"))));
    String xpath = writer.render(vim).xpath();
    assertTrue(xpath.startsWith("/nfv:nfv/nfv:vim["), xpath);
    assertTrue(xpath.contains("[nfv:type='nfv:openstack']"), xpath);
  }

  /** RFC 6241 §4.3: the element declares the prefixes its XPath uses. */
  @Test
  void rfc6241_4_3_elementDeclaresPrefixes() throws Exception {
    var out = new StringWriter();
    var xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
    xml.writeStartElement("", "rpc-error", NetconfNamespaces.BASE);
    xml.writeDefaultNamespace(NetconfNamespaces.BASE);
    writer.write(xml, vdu("x", "y"));
    xml.writeEndElement();
    xml.flush();
    assertEquals(
        "<rpc-error xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
            + "<error-path xmlns:nfv=\"urn:example:nfv\">"
            + "/nfv:nfv/nfv:vnfd[nfv:id=&apos;x&apos;]/nfv:vdu[nfv:id=&apos;y&apos;]"
            + "</error-path></rpc-error>",
        out.toString().replace("'", "&apos;"));
  }

  /** RFC 6241 §4.3: the root is "/". */
  @Test
  void rfc6241_4_3_rootPath() {
    assertEquals("/", writer.render(YangInstanceIdentifier.of()).xpath());
  }
}
