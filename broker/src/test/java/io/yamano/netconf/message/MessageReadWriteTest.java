package io.yamano.netconf.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;

class MessageReadWriteTest {
  private static final String NS = NetconfNamespaces.BASE;
  private final XmlMessageReader reader = new XmlMessageReader();
  private final MessageWriter writer = new MessageWriter();

  private XmlElement read(String xml) throws MalformedMessageException {
    return reader.read(xml.getBytes(UTF_8));
  }

  @Test
  void readsHelloWithCapabilitiesAndSessionId() throws Exception {
    var hello =
        Hello.parse(
            read(
                "\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<nc:hello xmlns:nc=\""
                    + NS
                    + "\"><nc:capabilities>"
                    + "<nc:capability> urn:ietf:params:netconf:base:1.1 </nc:capability>"
                    + "<nc:capability>urn:ietf:params:netconf:capability:candidate:1.0?x=y"
                    + "</nc:capability></nc:capabilities><nc:session-id>42</nc:session-id>"
                    + "</nc:hello>"));
    assertEquals(2, hello.capabilities().size());
    assertTrue(hello.has(NetconfNamespaces.BASE_1_1));
    assertTrue(hello.has("urn:ietf:params:netconf:capability:candidate:1.0"));
    assertFalse(hello.has(NetconfNamespaces.BASE_1_0));
    assertEquals(42, hello.sessionId().getAsLong());
  }

  @Test
  void helloRoundTripsThroughTheWriter() throws Exception {
    var hello = Hello.server(List.of(NetconfNamespaces.BASE_1_0, NetconfNamespaces.BASE_1_1), 7);
    assertEquals(hello, Hello.parse(reader.read(writer.hello(hello))));
  }

  @Test
  void helloWithBadSessionIdIsRefused() {
    var e =
        assertThrows(
            BadEnvelopeException.class,
            () ->
                Hello.parse(
                    read(
                        "<hello xmlns=\""
                            + NS
                            + "\"><capabilities><capability>x</capability></capabilities>"
                            + "<session-id>0</session-id></hello>")));
    assertEquals(ErrorTag.INVALID_VALUE, e.error().tag());
  }

  @Test
  void readsRpcEnvelopeAndEchoesAllAttributes() throws Exception {
    String xml =
        "<rpc message-id=\"101\" xmlns=\""
            + NS
            + "\" xmlns:ex=\"http://example.net/content/1.0\" ex:user-id=\"fred\">"
            + "<get-config><source><running/></source></get-config></rpc>";
    var request = RpcRequest.parse(read(xml));
    assertEquals("101", request.messageId());
    assertEquals(new javax.xml.namespace.QName(NS, "get-config"), request.operationName());
    assertEquals(2, request.attributes().size());

    var reply = read(new String(writer.ok(ReplyEnvelope.of(request)), UTF_8));
    assertTrue(reply.is(NS, "rpc-reply"));
    assertEquals(Optional.of("101"), reply.attribute("message-id"));
    assertEquals(Optional.of("fred"), reply.attribute("http://example.net/content/1.0", "user-id"));
    assertTrue(reply.child(NS, "ok").isPresent());
  }

  @Test
  void rpcWithoutMessageIdIsMissingAttribute() throws Exception {
    var root = read("<rpc xmlns=\"" + NS + "\"><get/></rpc>");
    var e = assertThrows(BadEnvelopeException.class, () -> RpcRequest.parse(root));
    assertEquals(ErrorType.RPC, e.error().type());
    assertEquals(ErrorTag.MISSING_ATTRIBUTE, e.error().tag());
    assertEquals(Map.of("bad-attribute", "message-id", "bad-element", "rpc"), e.error().info());

    // rendered as in RFC 6241 §4.1
    var reply = read(new String(writer.errors(ReplyEnvelope.bestEffort(root), e.errors()), UTF_8));
    assertTrue(reply.attribute("message-id").isEmpty());
    var error = reply.child(NS, "rpc-error").orElseThrow();
    assertEquals("rpc", error.child(NS, "error-type").orElseThrow().text());
    assertEquals("missing-attribute", error.child(NS, "error-tag").orElseThrow().text());
    assertEquals("error", error.child(NS, "error-severity").orElseThrow().text());
    var info = error.child(NS, "error-info").orElseThrow();
    assertEquals("message-id", info.child(NS, "bad-attribute").orElseThrow().text());
    assertEquals("rpc", info.child(NS, "bad-element").orElseThrow().text());
  }

  @Test
  void rpcInWrongNamespaceOrWithoutOperationIsRefused() throws Exception {
    var wrongNs =
        assertThrows(
            BadEnvelopeException.class,
            () -> RpcRequest.parse(read("<rpc message-id=\"1\" xmlns=\"urn:x\"><get/></rpc>")));
    assertEquals(ErrorTag.UNKNOWN_NAMESPACE, wrongNs.error().tag());
    var empty =
        assertThrows(
            BadEnvelopeException.class,
            () -> RpcRequest.parse(read("<rpc message-id=\"1\" xmlns=\"" + NS + "\"/>")));
    assertEquals(ErrorTag.MISSING_ELEMENT, empty.error().tag());
    var notRpc =
        assertThrows(
            BadEnvelopeException.class,
            () -> RpcRequest.parse(read("<foo message-id=\"1\" xmlns=\"" + NS + "\"/>")));
    assertEquals(ErrorTag.UNKNOWN_ELEMENT, notRpc.error().tag());
  }

  @Test
  void malformedXmlIsMalformedMessage() {
    for (String bad :
        List.of("<rpc", "<a></b>", "", "   ", "<a/><b/>", "not xml", "<a>\u0000</a>")) {
      var e = assertThrows(MalformedMessageException.class, () -> read(bad), bad);
      assertEquals(ErrorTag.MALFORMED_MESSAGE, e.error().tag());
      assertEquals(ErrorType.RPC, e.error().type());
    }
  }

  @Test
  void doctypeIsRefused() {
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<lolz>&lol2;</lolz>";
    assertThrows(MalformedMessageException.class, () -> read(laughs));
  }

  @Test
  void externalEntityIsRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<foo>&xxe;</foo>";
    var e = assertThrows(MalformedMessageException.class, () -> read(xxe));
    assertFalse(e.getMessage().contains("root:"), e.getMessage());
  }

  @Test
  void undeclaredEntityIsRefused() {
    assertThrows(MalformedMessageException.class, () -> read("<a>&nbsp;</a>"));
  }

  @Test
  void nestingDepthIsLimited() throws Exception {
    var limited = new XmlMessageReader(new XmlLimits(10, 4, 1000));
    assertEquals("a", limited.read(nested(10).getBytes(UTF_8)).localName());
    var e =
        assertThrows(
            MalformedMessageException.class, () -> limited.read(nested(11).getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("deeper"), e.getMessage());
  }

  @Test
  void attributeCountIsLimited() {
    var limited = new XmlMessageReader(new XmlLimits(10, 4, 1000));
    var e =
        assertThrows(
            MalformedMessageException.class,
            () -> limited.read("<a b='1' c='2' d='3' e='4' f='5'/>".getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("attributes"), e.getMessage());
  }

  private static String nested(int depth) {
    return "<a>".repeat(depth) + "</a>".repeat(depth);
  }

  @Test
  void rpcErrorCarriesEveryField() throws Exception {
    String ns = "urn:example:interfaces";
    QName list = QName.create(ns, "interface");
    var path =
        YangInstanceIdentifier.of(
            new NodeIdentifier(QName.create(ns, "interfaces")),
            NodeIdentifierWithPredicates.of(list, QName.create(ns, "name"), "eth'0"),
            new NodeIdentifier(QName.create(ns, "mtu")));
    var error =
        RpcError.application(
                ErrorTag.INVALID_VALUE, "too-small", path, "MTU must be at least 68 & <= 9000")
            .withInfo("bad-element", "mtu");
    var reply = read(new String(writer.errors(ReplyEnvelope.NONE, List.of(error, error)), UTF_8));
    var errors = reply.children(NS, "rpc-error");
    assertEquals(2, errors.size());
    var e = errors.get(0);
    assertEquals("application", e.child(NS, "error-type").orElseThrow().text());
    assertEquals("invalid-value", e.child(NS, "error-tag").orElseThrow().text());
    assertEquals("too-small", e.child(NS, "error-app-tag").orElseThrow().text());
    var errorPath = e.child(NS, "error-path").orElseThrow();
    assertEquals("/n1:interfaces/n1:interface[n1:name=\"eth'0\"]/n1:mtu", errorPath.text());
    assertEquals(ns, errorPath.namespaces().get("n1"));
    var message = e.child(NS, "error-message").orElseThrow();
    assertEquals("MTU must be at least 68 & <= 9000", message.text());
    assertEquals(Optional.of("en"), message.attribute(javax.xml.XMLConstants.XML_NS_URI, "lang"));
    assertEquals(
        "mtu",
        e.child(NS, "error-info").orElseThrow().child(NS, "bad-element").orElseThrow().text());
  }

  @Test
  void errorPathUsesTheGivenRenderer() throws Exception {
    var custom = new MessageWriter(p -> new RenderedPath("/if:interfaces", Map.of("if", "urn:if")));
    var error =
        RpcError.application(
            ErrorTag.DATA_MISSING,
            null,
            YangInstanceIdentifier.of(QName.create("urn:if", "x")),
            "m");
    var reply = read(new String(custom.errors(ReplyEnvelope.NONE, List.of(error)), UTF_8));
    var errorPath =
        reply.child(NS, "rpc-error").orElseThrow().child(NS, "error-path").orElseThrow();
    assertEquals("/if:interfaces", errorPath.text());
    assertEquals("urn:if", errorPath.namespaces().get("if"));
  }
}
