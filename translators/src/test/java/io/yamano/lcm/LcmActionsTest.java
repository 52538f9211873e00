package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.operation.Invoker;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.RpcException;
import io.yamano.lcm.model.Nodes;
import io.yamano.vim.ResourceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/** The yamano-ns actions, invoked as every front end invokes them: through the datastore. */
class LcmActionsTest extends EngineFixture {

  static final String NOT_YET =
      "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>lab</vim-account>"
          + "<admin-state>not-instantiated</admin-state>";

  ContainerNode invoke(String ns, String action, DataContainerChild... input) throws RpcException {
    var builder =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(QName.create(names.ns(), "input")));
    for (var child : input) {
      builder.withChild(child);
    }
    return store
        .datastore
        .operations()
        .invoke(
            new OperationRequest(
                Absolute.of(names.ns("ns-instances"), names.ns("ns-instance"), names.ns(action)),
                reader.nsEntry(ns),
                builder.build(),
                Invoker.internal("admin")));
  }

  DataContainerChild leaf(String name, Object value) {
    return ImmutableNodes.leafNode(names.ns(name), value);
  }

  DataContainerChild leafList(String name, String... values) {
    var b =
        ImmutableNodes.<String>newSystemLeafSetBuilder()
            .withNodeIdentifier(new NodeIdentifier(names.ns(name)));
    for (String v : values) {
      b.withChildValue(v);
    }
    return b.build();
  }

  DataContainerChild inTarget(DataContainerChild... leaves) {
    var b =
        ImmutableNodes.newChoiceBuilder()
            .withNodeIdentifier(new NodeIdentifier(names.ns("target")));
    for (var l : leaves) {
      b.withChild(l);
    }
    return b.build();
  }

  DataContainerChild listEntry(String list, String key, String keyValue, Map<String, String> rest) {
    var entry =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(
                YangInstanceIdentifier.NodeIdentifierWithPredicates.of(
                    names.ns(list), names.ns(key), keyValue))
            .withChild(leaf(key, keyValue));
    rest.forEach((k, v) -> entry.withChild(leaf(k, v)));
    return ImmutableNodes.newSystemMapBuilder()
        .withNodeIdentifier(new NodeIdentifier(names.ns(list)))
        .withChild(entry.build())
        .build();
  }

  String operationId(ContainerNode output) {
    return Nodes.text(output, names.ns("lcm-operation-id"));
  }

  MapEntryNode operation(String ns, String id) {
    var state =
        store
            .datastore
            .snapshot(DatastoreName.OPERATIONAL)
            .readNode(reader.nsEntry(ns).node(new NodeIdentifier(names.ns("state"))))
            .orElseThrow();
    return Nodes.entries(state, names.ns("lcm-operation")).stream()
        .filter(op -> id.equals(Nodes.text(op, names.ns("id"))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lcm-operation " + id));
  }

  String running(String ns, String leaf) {
    return store
        .datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(reader.nsLeaf(ns, leaf))
        .map(Nodes::text)
        .orElse(null);
  }

  int vdus(String ns) {
    return engine.state().readActual(ns).vnfs().values().stream()
        .mapToInt(v -> v.vdus().size())
        .sum();
  }

  String instantiated(String ns) throws Exception {
    store.commit(TestStore.ns(ns, NOT_YET));
    settle();
    String id = operationId(invoke(ns, "instantiate"));
    settle();
    assertEquals("completed", Nodes.text(operation(ns, id), names.ns("state")));
    return id;
  }

  @Test
  void instantiateSetsDesiredStateAndAnswersWithTheOperationThatRuns() throws Exception {
    store.commit(TestStore.ns("shop", NOT_YET));
    settle();
    var output = invoke("shop", "instantiate");
    String id = operationId(output);
    settle();
    assertEquals("instantiated", running("shop", "admin-state"));
    var op = operation("shop", id);
    assertEquals("instantiate", Nodes.text(op, names.ns("operation")));
    assertEquals("completed", Nodes.text(op, names.ns("state")));
    assertEquals("instantiated", engine.state().status("shop").orElseThrow());
    assertTrue(notifications.stream().anyMatch(n -> n.contains(id)), "notified with the id");

    var again = assertThrows(RpcException.class, () -> invoke("shop", "instantiate"));
    assertEquals("operation-failed", again.errors().get(0).tag().xmlName());
    assertEquals(LcmActions.APP_TAG_NOTHING, again.errors().get(0).appTag().orElseThrow());
  }

  @Test
  void dryRunReturnsThePlanAndChangesNothing() throws Exception {
    store.commit(TestStore.ns("shop", NOT_YET));
    settle();
    var output = invoke("shop", "instantiate", leaf("dry-run", true));
    assertNull(operationId(output));
    var steps =
        Nodes.entries(Nodes.child(output, names.ns("plan")).orElseThrow(), names.ns("step"));
    assertTrue(
        steps.stream().anyMatch(s -> Nodes.text(s, names.ns("id")).startsWith("create-vdu:")),
        "the plan creates the VDU");
    var port =
        steps.stream()
            .filter(s -> Nodes.text(s, names.ns("id")).startsWith("create-port:"))
            .findFirst()
            .orElseThrow();
    assertFalse(Nodes.values(port, names.ns("depends-on")).isEmpty(), "steps carry their DAG");
    settle();
    assertEquals("not-instantiated", running("shop", "admin-state"));
    assertTrue(engine.state().readActual("shop").isEmpty());
    assertTrue(owned(vim("lab"), "shop").isEmpty());
  }

  @Test
  void scaleOutAndInByAspectKeepsTheLevelInConfiguration() throws Exception {
    instantiated("shop");
    assertEquals(1, vdus("shop"));
    String out =
        operationId(
            invoke(
                "shop",
                "scale",
                inTarget(leaf("scaling-aspect", "web-tier"), leaf("direction", "out")),
                leaf("member-vnf-index", "web")));
    settle();
    assertEquals("scale", Nodes.text(operation("shop", out), names.ns("operation")));
    assertEquals("completed", Nodes.text(operation("shop", out), names.ns("state")));
    assertEquals(2, vdus("shop"));
    var config = reader.nsInstance(runningRoot(), "shop").orElseThrow();
    assertEquals(Map.of("web-tier", 1), config.member("web").scaleLevels());

    invoke(
        "shop",
        "scale",
        inTarget(
            leaf("scaling-aspect", "web-tier"),
            leaf("direction", "in"),
            leaf("number-of-steps", Uint32.valueOf(1))));
    settle();
    assertEquals(1, vdus("shop"));
    var tooFar =
        assertThrows(
            RpcException.class,
            () ->
                invoke(
                    "shop",
                    "scale",
                    inTarget(leaf("scaling-aspect", "web-tier"), leaf("direction", "in"))));
    assertTrue(tooFar.errors().get(0).message().contains("cannot scale in"), tooFar.toString());
    var beyondMax =
        assertThrows(
            RpcException.class,
            () ->
                invoke(
                    "shop",
                    "scale",
                    inTarget(
                        leaf("scaling-aspect", "web-tier"),
                        leaf("direction", "out"),
                        leaf("number-of-steps", Uint32.valueOf(4)))));
    assertTrue(
        beyondMax.errors().get(0).message().contains("max-scale-level"), beyondMax.toString());
    var noAspect =
        assertThrows(
            RpcException.class,
            () ->
                invoke(
                    "shop",
                    "scale",
                    inTarget(leaf("scaling-aspect", "nope"), leaf("direction", "out"))));
    assertTrue(noAspect.errors().get(0).message().contains("'nope'"), noAspect.toString());
  }

  @Test
  void scaleToLevelChangesTheNumberOfVnfInstances() throws Exception {
    instantiated("shop");
    invoke("shop", "scale", inTarget(leaf("to-level", "double")));
    settle();
    assertEquals("double", running("shop", "instantiation-level"));
    assertEquals(2, engine.state().readActual("shop").vnfs().size());
  }

  @Test
  void healRecreatesAFailedVduInstance() throws Exception {
    instantiated("shop");
    var before = engine.state().readActual("shop").vnfs().get("web-1").vdus().get("web-1");
    var nothing = assertThrows(RpcException.class, () -> invoke("shop", "heal"));
    assertEquals(LcmActions.APP_TAG_NOTHING, nothing.errors().get(0).appTag().orElseThrow());

    vim("lab").markFailed(ResourceKind.COMPUTE, before.computeId());
    var dry = invoke("shop", "heal", leaf("dry-run", true));
    assertTrue(Nodes.child(dry, names.ns("plan")).isPresent());
    String id = operationId(invoke("shop", "heal", leaf("cause", "test")));
    settle();
    var op = operation("shop", id);
    assertEquals("heal", Nodes.text(op, names.ns("operation")));
    assertEquals("completed", Nodes.text(op, names.ns("state")));
    var after = engine.state().readActual("shop").vnfs().get("web-1").vdus().get("web-1");
    assertNotEquals(before.computeId(), after.computeId());
    assertEquals(ids(engine.state().readActual("shop")), owned(vim("lab"), "shop"));
  }

  @Test
  void healOfANamedVduInstanceRecreatesItEvenIfHealthy() throws Exception {
    instantiated("shop");
    var before = engine.state().readActual("shop").vnfs().get("web-1").vdus().get("web-1");
    invoke("shop", "heal", leafList("vdu-instance", "web-1/web-1"));
    settle();
    var after = engine.state().readActual("shop").vnfs().get("web-1").vdus().get("web-1");
    assertNotEquals(before.computeId(), after.computeId());
    var unknown =
        assertThrows(
            RpcException.class, () -> invoke("shop", "heal", leafList("vdu-instance", "nope")));
    assertTrue(unknown.errors().get(0).message().contains("no VDU instance 'nope'"));
  }

  @Test
  void updateChangesTheVnfPackageAndRemovesAndAddsMembers() throws Exception {
    instantiated("shop");
    var wrongVersion =
        assertThrows(
            RpcException.class,
            () ->
                invoke(
                    "shop",
                    "update",
                    listEntry(
                        "change-vnf-package",
                        "member-vnf-index",
                        "web",
                        Map.of("vnfd-id", "web-v2", "version", "3.0"))));
    assertTrue(wrongVersion.errors().get(0).message().contains("has version '2.0'"));

    String id =
        operationId(
            invoke(
                "shop",
                "update",
                listEntry(
                    "change-vnf-package",
                    "member-vnf-index",
                    "web",
                    Map.of("vnfd-id", "web-v2", "version", "2.0"))));
    settle();
    var op = operation("shop", id);
    assertEquals("update", Nodes.text(op, names.ns("operation")));
    assertEquals("completed", Nodes.text(op, names.ns("state")));
    assertEquals("web-v2", engine.state().readActual("shop").vnfs().get("web-1").vnfdId());
    assertEquals(ids(engine.state().readActual("shop")), owned(vim("lab"), "shop"));

    invoke("shop", "update", leafList("remove-vnf", "web"));
    settle();
    assertTrue(engine.state().readActual("shop").vnfs().isEmpty());
    invoke("shop", "update", listEntry("add-vnf", "member-vnf-index", "web", Map.of()));
    settle();
    assertEquals(1, engine.state().readActual("shop").vnfs().size());
  }

  @Test
  void forcefulTerminateSkipsTheStopStepsAndReleasesEverything() throws Exception {
    instantiated("shop");
    var graceful = invoke("shop", "terminate", leaf("dry-run", true));
    var forceful = invoke("shop", "terminate", leaf("mode", "forceful"), leaf("dry-run", true));
    assertTrue(stepIds(graceful).stream().anyMatch(s -> s.startsWith("stop:")));
    assertTrue(stepIds(forceful).stream().noneMatch(s -> s.startsWith("stop:")));

    String id = operationId(invoke("shop", "terminate", leaf("mode", "forceful")));
    settle();
    assertEquals("completed", Nodes.text(operation("shop", id), names.ns("state")));
    assertEquals("not-instantiated", running("shop", "admin-state"));
    assertTrue(owned(vim("lab"), "shop").isEmpty());
    var again = assertThrows(RpcException.class, () -> invoke("shop", "terminate"));
    assertEquals(LcmActions.APP_TAG_NOTHING, again.errors().get(0).appTag().orElseThrow());
  }

  @Test
  void anUnrealisableRequestIsRefusedAndNothingIsCommitted() throws Exception {
    store.commit(TestStore.ns("shop", NOT_YET));
    settle();
    var error =
        assertThrows(
            RpcException.class,
            () -> invoke("shop", "instantiate", leaf("instantiation-level", "nope")));
    assertEquals("operation-failed", error.errors().get(0).tag().xmlName());
    assertTrue(error.errors().get(0).message().contains("'nope'"), error.toString());
    assertEquals("not-instantiated", running("shop", "admin-state"));
    assertNull(running("shop", "instantiation-level"));
  }

  @Test
  void editingTheMemberVnfdInConfigurationIsAnUpdate() throws Exception {
    instantiated("shop");
    store.commit(
        TestStore.ns(
            "shop",
            "<vnf><member-vnf-index>web</member-vnf-index><vnfd-ref>web-v2</vnfd-ref></vnf>"));
    settle();
    assertEquals("web-v2", engine.state().readActual("shop").vnfs().get("web-1").vnfdId());
    var op = lastOperation("shop");
    assertEquals("update", Nodes.text(op, names.ns("operation")));
  }

  List<String> stepIds(ContainerNode output) {
    return Nodes.entries(Nodes.child(output, names.ns("plan")).orElseThrow(), names.ns("step"))
        .stream()
        .map(s -> Nodes.text(s, names.ns("id")))
        .toList();
  }

  org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode runningRoot() {
    return store
        .datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(YangInstanceIdentifier.of())
        .orElseThrow();
  }
}
