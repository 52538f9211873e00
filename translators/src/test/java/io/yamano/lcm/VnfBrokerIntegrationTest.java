package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.broker.VnfBrokers;
import io.yamano.broker.metadata.LifecycleReader;
import io.yamano.broker.netconf.NetconfdAgent;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.operation.Invoker;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import io.yamano.lcm.broker.VnfLifecycles;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.resourceless.ResourcelessDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The lifecycle engine configures a VNF through its broker: Debian's netconfd (behind OpenSSH) is
 * the management agent of the NS's VNF instance, and ncclient reads back what Yamano configured.
 */
class VnfBrokerIntegrationTest {
  static final String FILTER = "<system xmlns=\"urn:example:acme-fw\"/>";
  static final Duration WAIT = Duration.ofSeconds(60);
  static NetconfdAgent agent;

  TestStore store;
  LifecycleEngine engine;
  VnfLifecycles lifecycles;
  final List<String> notifications = new CopyOnWriteArrayList<>();
  YangNames names;
  ConfigReader reader;

  @BeforeAll
  static void startAgent() throws Exception {
    Assumptions.assumeTrue(
        NetconfdAgent.installed(),
        "netconfd (Debian package netconfd) and sshd (openssh-server) are not installed: "
            + "the VNF broker integration tests are skipped");
    agent = NetconfdAgent.startAcmeFirewall("candidate");
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    store = new TestStore();
    // the VNFD "web" of the test catalogue gets the firewall's lifecycle
    store.commit(
        "<config><nfv xmlns=\"urn:yamano:params:xml:ns:yang:yamano-nfv\"><vnfd><id>web</id>"
            + "<lifecycle xmlns=\""
            + LifecycleReader.NAMESPACE
            + "\"><inline>"
            + "<management><port>{{mgmt-port}}</port><username>{{ssh-user}}</username>"
            + "<private-key-file>{{ssh-key}}</private-key-file><connect-timeout>20</connect-timeout></management>"
            + "<state>initial</state><state>configured</state><state>failed</state>"
            + "<parameter><name>mtu</name><value>1500</value></parameter>"
            + "<transition><name>day-1</name><event>instantiated</event><from>initial</from>"
            + "<to>configured</to><on-failure>failed</on-failure>"
            + "<action><name>push-day1</name><netconf-edit><config>"
            + esc(
                "<system xmlns=\"urn:example:acme-fw\"><hostname>{{ns-instance}}-{{vnf-instance}}</hostname>"
                    + "<mtu>{{mtu}}</mtu></system>")
            // transient failures (a slow agent on a loaded machine) are retried, refusals are not
            + "</config></netconf-edit><retries>2</retries><backoff>500</backoff></action></transition>"
            + "<primitive><name>set-mtu</name><parameter><name>mtu</name><mandatory>true</mandatory></parameter>"
            + "<allowed-in>configured</allowed-in>"
            + "<action><name>edit</name><netconf-edit><config>"
            + esc("<system xmlns=\"urn:example:acme-fw\"><mtu>{{mtu}}</mtu></system>")
            + "</config></netconf-edit><retries>0</retries></action></primitive>"
            + "<primitive><name>read-kpis</name><action><name>get</name><health-check>"
            + "<netconf-get-filter>"
            + esc(FILTER)
            + "</netconf-get-filter>"
            + "<expect-contains>&lt;mtu&gt;</expect-contains></health-check></action></primitive>"
            + "</inline></lifecycle></vnfd></nfv></config>");
    names = YangNames.of(TestStore.CONTEXT);
    reader = new ConfigReader(names);
    LcmPublisher publisher = (ns, name, xml) -> notifications.add(xml);
    lifecycles = VnfLifecycles.start(store.datastore, VnfBrokers.load(), publisher);
    engine =
        LifecycleEngine.start(
            store.datastore,
            VimDrivers.of(List.of(new ResourcelessDriver())),
            publisher,
            EngineOptions.DEFAULTS,
            lifecycles);
  }

  @AfterEach
  void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    if (lifecycles != null) {
      lifecycles.close();
    }
    if (store != null) {
      store.datastore.close();
    }
  }

  static String esc(String xml) {
    return xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** An NS of the web NSD whose VNF is managed at the netconfd agent. */
  static String ns(String name, String mtu) {
    return TestStore.ns(
        name,
        "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>lab</vim-account>"
            + param("mgmt-address", "127.0.0.1")
            + param("mgmt-port", Integer.toString(agent.port))
            + param("ssh-user", agent.user)
            + param("ssh-key", agent.clientKey.toString())
            + (mtu == null ? "" : param("web:mtu", mtu)));
  }

  static String param(String name, String value) {
    return "<additional-param><name>"
        + name
        + "</name><value>"
        + value
        + "</value></additional-param>";
  }

  void settle() throws Exception {
    assertTrue(engine.awaitIdle(WAIT), "the engine did not settle");
  }

  /** Instantiates an NS whose VNF configuration succeeds, failing with the reason otherwise. */
  void instantiate(String name) throws Exception {
    store.commit(ns(name, null));
    settle();
    var op = lastOperation(name);
    assertEquals(
        "completed",
        Nodes.text(op, names.ns("state")),
        () -> Nodes.text(op, names.ns("error-message")) + agent.logs());
  }

  QName lc(String name) {
    return QName.create(LifecycleReader.NAMESPACE, "2026-11-24", name);
  }

  YangInstanceIdentifier state(String ns) {
    return reader.nsEntry(ns).node(new NodeIdentifier(names.ns("state")));
  }

  MapEntryNode operation(String ns, String id) {
    return (MapEntryNode)
        store
            .datastore
            .snapshot(DatastoreName.OPERATIONAL)
            .readNode(
                state(ns)
                    .node(new NodeIdentifier(names.ns("lcm-operation")))
                    .node(
                        NodeIdentifierWithPredicates.of(
                            names.ns("lcm-operation"), names.ns("id"), id)))
            .orElseThrow();
  }

  MapEntryNode lastOperation(String ns) {
    var s = store.datastore.snapshot(DatastoreName.OPERATIONAL).readNode(state(ns)).orElseThrow();
    return Nodes.entries(s, names.ns("lcm-operation")).stream()
        .max(java.util.Comparator.comparing(op -> Nodes.text(op, names.ns("start-time"))))
        .orElseThrow();
  }

  String lifecycleState(String ns, String vnf) {
    return lifecycles.lifecycleState(ns, vnf).orElse(null);
  }

  /** Invokes execute-primitive as a front end would, through the datastore's operations. */
  String executePrimitive(String ns, String vnf, String primitive, Map<String, String> params)
      throws RpcException {
    var list =
        ImmutableNodes.newSystemMapBuilder()
            .withNodeIdentifier(new NodeIdentifier(lc("parameter")));
    params.forEach(
        (k, v) ->
            list.withChild(
                ImmutableNodes.newMapEntryBuilder()
                    .withNodeIdentifier(
                        NodeIdentifierWithPredicates.of(lc("parameter"), lc("name"), k))
                    .withChild(ImmutableNodes.leafNode(lc("name"), k))
                    .withChild(ImmutableNodes.leafNode(lc("value"), v))
                    .build()));
    ContainerNode input =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(lc("input")))
            .withChild(ImmutableNodes.leafNode(lc("primitive"), primitive))
            .withChild(list.build())
            .build();
    var target =
        state(ns)
            .node(new NodeIdentifier(names.ns("vnf-instance")))
            .node(NodeIdentifierWithPredicates.of(names.ns("vnf-instance"), names.ns("id"), vnf));
    ContainerNode output =
        store
            .datastore
            .operations()
            .invoke(
                new OperationRequest(
                    lifecycles.executePrimitivePath(), target, input, Invoker.internal("admin")));
    return Nodes.text(output, lc("lcm-operation-id"));
  }

  String awaitEnd(String ns, String id) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String s = Nodes.text(operation(ns, id), names.ns("state"));
      if (!"processing".equals(s)) {
        return s;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("operation " + id + " did not end");
  }

  @Test
  @DisplayName(
      "instantiating the NS makes the NETCONF broker configure the VNF (read back with ncclient)")
  void instantiateConfiguresTheVnfThroughItsManagementAgent() throws Exception {
    instantiate("shop");

    var op = lastOperation("shop");
    assertEquals(
        "completed", Nodes.text(op, names.ns("state")), Nodes.text(op, names.ns("error-message")));
    assertEquals("configured", lifecycleState("shop", "web-1"));
    String running = agent.readWithNcclient(FILTER);
    assertTrue(running.contains("<hostname>shop-web-1</hostname>"), running);
    assertTrue(running.contains("<mtu>1500</mtu>"), running);
  }

  @Test
  @DisplayName(
      "execute-primitive changes the VNF's configuration and is an LCM operation occurrence")
  void primitiveChangesTheConfigurationAsAnLcmOperation() throws Exception {
    instantiate("shop");

    String id = executePrimitive("shop", "web-1", "set-mtu", Map.of("mtu", "9000"));
    assertNotNull(id);
    assertEquals(
        "completed",
        awaitEnd("shop", id),
        () -> Nodes.text(operation("shop", id), names.ns("error-message")));
    var op = operation("shop", id);
    assertEquals("execute-primitive", Nodes.text(op, names.ns("operation")));
    assertEquals("set-mtu", Nodes.text(op, lc("primitive")));
    assertEquals("web-1", Nodes.text(op, lc("vnf-instance")));
    assertEquals("100", Nodes.text(op, names.ns("progress")));
    assertTrue(agent.readWithNcclient(FILTER).contains("<mtu>9000</mtu>"));
    assertTrue(
        notifications.stream()
            .anyMatch(
                n ->
                    n.contains("<operation>execute-primitive</operation>")
                        && n.contains("<state>completed</state>")));
  }

  @Test
  @DisplayName(
      "a primitive reads the VNF's state with <get>; the reply is kept in the LCM operation")
  void primitiveReadsKpisWithGet() throws Exception {
    instantiate("shop");

    String id = executePrimitive("shop", "web-1", "read-kpis", Map.of());
    assertEquals("completed", awaitEnd("shop", id));
    String reply = Nodes.text(operation("shop", id), lc("reply"));
    assertTrue(reply.contains("<hostname>shop-web-1</hostname>"), reply);
    assertTrue(reply.contains("<mtu>1500</mtu>"), reply);
  }

  @Test
  @DisplayName("a primitive netconfd refuses fails its LCM operation with netconfd's error text")
  void refusedPrimitiveFailsWithTheAgentsErrorText() throws Exception {
    instantiate("shop");

    String id = executePrimitive("shop", "web-1", "set-mtu", Map.of("mtu", "100000"));
    assertEquals("failed", awaitEnd("shop", id));
    String error = Nodes.text(operation("shop", id), names.ns("error-message"));
    assertTrue(
        error.startsWith(
            "VNF web-1 at 127.0.0.1:"
                + agent.port
                + ": action 'set-mtu/edit': edit-config refused: value not in range"),
        error);
  }

  @Test
  @DisplayName("bad execute-primitive input is refused at once with a precise error")
  void badPrimitiveInputIsRefusedSynchronously() throws Exception {
    instantiate("shop");

    var unknown =
        assertThrows(
            RpcException.class, () -> executePrimitive("shop", "web-1", "reboot", Map.of()));
    assertEquals(ErrorTag.INVALID_VALUE, unknown.errors().get(0).tag());
    assertTrue(
        unknown
            .errors()
            .get(0)
            .message()
            .startsWith("VNF instance web-1 has no primitive 'reboot' (it has ["),
        unknown.errors().get(0).message());
    var missing =
        assertThrows(
            RpcException.class, () -> executePrimitive("shop", "web-1", "set-mtu", Map.of()));
    assertEquals("primitive 'set-mtu' needs parameter 'mtu'", missing.errors().get(0).message());
  }

  @Test
  @DisplayName(
      "a refused day-1 configuration fails the instantiation with netconfd's error text and rolls back")
  void refusedDay1ConfigurationFailsTheInstantiation() throws Exception {
    store.commit(ns("bad", "70000"));
    settle();

    var op = lastOperation("bad");
    assertEquals("rolled-back", Nodes.text(op, names.ns("state")));
    String error = Nodes.text(op, names.ns("error-message"));
    assertTrue(
        error.contains(
            "VNF web-1 at 127.0.0.1:"
                + agent.port
                + ": action 'push-day1': edit-config refused: value not in range"),
        error);
    assertEquals("configure:web-1", Nodes.text(op, names.ns("current-step")));
    assertTrue(engine.state().readActual("bad").isEmpty(), "the VDUs were deleted again");
  }
}
