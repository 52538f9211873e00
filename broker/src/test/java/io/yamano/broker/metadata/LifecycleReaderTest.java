package io.yamano.broker.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.broker.Action;
import io.yamano.broker.BrokerException;
import io.yamano.broker.Check;
import io.yamano.broker.LifecycleMetadata;
import io.yamano.broker.Operation;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** Lifecycle metadata written as YANG data in a VNFD, parsed with the bundled schema. */
class LifecycleReaderTest {
  static final EffectiveModelContext CONTEXT = context();
  static final String NFV = "urn:yamano:params:xml:ns:yang:yamano-nfv";

  private static EffectiveModelContext context() {
    try {
      return SchemaRegistry.builder().load().context();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a {@code <config>} document with the bundled models. */
  static ContainerNode parse(String xml) throws Exception {
    var factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    var holder = new NormalizationResultHolder();
    XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), CONTEXT)
        .parse(factory.createXMLStreamReader(new StringReader(xml)));
    return (ContainerNode) holder.getResult().data();
  }

  static String resource(String name) throws Exception {
    try (var in = LifecycleReaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The first {@code /nfv/vnfd} entry of a parsed document. */
  static NormalizedNode vnfd(ContainerNode root) {
    var nfv = LifecycleReader.child(root, QName.create(NFV, "2026-11-24", "nfv")).orElseThrow();
    var list =
        (MapNode) LifecycleReader.child(nfv, QName.create(NFV, "2026-11-24", "vnfd")).orElseThrow();
    return list.body().iterator().next();
  }

  static NormalizedNode lifecycles(ContainerNode root) {
    return LifecycleReader.child(root, LifecycleReader.qname("vnf-lifecycles")).orElse(null);
  }

  @Test
  void readsAnInlineLifecycleWithTheModulesDefaults() throws Exception {
    var root = parse(resource("/lifecycle/acme-fw-vnfd.xml"));
    LifecycleMetadata md = LifecycleReader.ofVnfd("acme-fw", vnfd(root), null).orElseThrow();

    assertEquals(List.of("initial", "configured", "failed"), List.copyOf(md.states()));
    assertEquals("initial", md.initialState());
    assertEquals("netconf", md.management().broker());
    assertEquals("{{mgmt-address}}", md.management().address(), "the module's default");
    assertEquals(Duration.ofSeconds(5), md.management().connectTimeout());
    assertEquals(Duration.ofSeconds(30), md.management().replyTimeout());
    assertEquals(Map.of("mgmt-port", "830", "mtu", "1500"), md.withDefaults(Map.of()));

    var day1 = md.transition("initial", "instantiated").orElseThrow();
    assertEquals("configured", day1.to());
    assertEquals("failed", day1.onFailure());
    var push = assertInstanceOf(Action.Invoke.class, day1.actions().get(0));
    assertEquals(Duration.ofSeconds(20), push.policy().timeout());
    assertEquals(1, push.policy().retries());
    assertEquals(Duration.ofMillis(200), push.policy().backoff());
    var edit = assertInstanceOf(Operation.NetconfEdit.class, push.operation());
    assertEquals(Operation.EditTarget.AUTO, edit.target());
    assertTrue(
        edit.config().startsWith("<system xmlns=\"urn:example:acme-fw\"><hostname>{{hostname}}"));
    var health = assertInstanceOf(Action.Invoke.class, day1.actions().get(1));
    assertEquals(new Check.Contains("<hostname>{{hostname}}</hostname>"), health.check());
    assertEquals(2, health.policy().retries(), "the module's default");

    assertEquals(Set.of("set-log-level", "set-mtu"), md.primitives().keySet());
    assertEquals(Set.of("configured"), md.primitives().get("set-log-level").allowedIn());
    assertTrue(md.primitives().get("set-log-level").parameters().get(0).mandatory());
  }

  @Test
  void readsALifecycleByReference() throws Exception {
    var root =
        parse(
            "<config><vnf-lifecycles xmlns=\""
                + LifecycleReader.NAMESPACE
                + "\"><vnf-lifecycle>"
                + "<name>shared</name><broker>rest</broker><state>initial</state><state>up</state>"
                + "<transition><name>t</name><event>instantiated</event><to>up</to><action><name>a</name>"
                + "<rest-call><method>PUT</method><path>/config</path><body>{}</body>"
                + "<expect-status>200</expect-status><expect-status>204</expect-status></rest-call>"
                + "</action></transition></vnf-lifecycle></vnf-lifecycles>"
                + "<nfv xmlns=\""
                + NFV
                + "\"><vnfd><id>x</id><lifecycle xmlns=\""
                + LifecycleReader.NAMESPACE
                + "\"><lifecycle-ref>shared</lifecycle-ref></lifecycle></vnfd></nfv></config>");
    LifecycleMetadata md = LifecycleReader.ofVnfd("x", vnfd(root), lifecycles(root)).orElseThrow();
    assertEquals("shared", md.name());
    assertEquals("rest", md.management().broker());
    assertEquals("443", md.management().port());
    var call =
        (Operation.RestCall) ((Action.Invoke) md.transitions().get(0).actions().get(0)).operation();
    assertEquals(new Operation.RestCall("PUT", "/config", "{}", Set.of(200, 204)), call);
  }

  @Test
  void vnfdWithoutLifecycleHasNone() throws Exception {
    var root = parse("<config><nfv xmlns=\"" + NFV + "\"><vnfd><id>x</id></vnfd></nfv></config>");
    assertTrue(LifecycleReader.ofVnfd("x", vnfd(root), null).isEmpty());
  }

  @Test
  void transitionToAnUndeclaredStateIsBadMetadataNamingTheVnfd() throws Exception {
    var root =
        parse(
            "<config><nfv xmlns=\""
                + NFV
                + "\"><vnfd><id>x</id><lifecycle xmlns=\""
                + LifecycleReader.NAMESPACE
                + "\"><inline><state>initial</state><transition><name>t</name><event>instantiated</event>"
                + "<to>running</to></transition></inline></lifecycle></vnfd></nfv></config>");
    var e =
        assertThrows(BrokerException.class, () -> LifecycleReader.ofVnfd("x", vnfd(root), null));
    assertEquals(BrokerException.Reason.BAD_METADATA, e.reason());
    assertEquals(
        "lifecycle of vnfd x: lifecycle 'vnfd x': transition on 'instantiated' to undeclared state 'running'",
        e.getMessage());
  }

  @Test
  void missingReferencedLifecycleIsBadMetadata() throws Exception {
    var root =
        parse(
            "<config><nfv xmlns=\""
                + NFV
                + "\"><vnfd><id>x</id><lifecycle xmlns=\""
                + LifecycleReader.NAMESPACE
                + "\"><lifecycle-ref>gone</lifecycle-ref></lifecycle></vnfd></nfv></config>");
    var e =
        assertThrows(BrokerException.class, () -> LifecycleReader.ofVnfd("x", vnfd(root), null));
    assertEquals("VNFD x refers to lifecycle 'gone', which does not exist", e.getMessage());
  }
}
