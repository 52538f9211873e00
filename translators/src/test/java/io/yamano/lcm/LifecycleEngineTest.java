package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.lcm.exec.Execution;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.resourceless.FailureRule;
import io.yamano.vim.resourceless.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

class LifecycleEngineTest extends EngineFixture {

  @Test
  void instantiateReachesInstantiatedWithVduRecordsAndAddresses() throws Exception {
    store.commit(TestStore.ns("shop", WEB_NS));
    settle();
    assertEquals("instantiated", engine.state().status("shop").orElseThrow());
    ActualNs actual = engine.state().readActual("shop");
    var vdu = actual.vnfs().get("web-1").vdus().get("web-1");
    assertNotNull(vdu.computeId());
    assertNotNull(vdu.host());
    assertNotNull(vdu.zone());
    assertTrue(vdu.ports().get("eth0").ip().startsWith("10.0.0."), vdu.ports().toString());
    assertEquals(ids(actual), owned(vim("lab"), "shop"));
    var op = lastOperation("shop");
    assertEquals("completed", Nodes.text(op, names.ns("state")));
    assertEquals("100", Nodes.text(op, names.ns("progress")));
    assertTrue(notifications.stream().anyMatch(n -> n.contains("<state>processing</state>")));
    assertTrue(
        notifications.stream()
            .anyMatch(
                n ->
                    n.contains("<state>completed</state>")
                        && n.contains("<ns-instance>shop</ns-instance>")));
    assertEquals(0, vim("lab").usage().reserved().instances(), "the reservation was released");
  }

  @Test
  void failureAtAStepRollsBackAndNamesTheStep() throws Exception {
    store.commit(TestStore.ns("warmup", WEB_NS)); // the engine's connection exists from here on
    settle();
    vim("lab").failures().add(FailureRule.nthCall(Operation.CREATE_PORT, 1));
    store.commit(TestStore.ns("shop", WEB_NS));
    settle();
    var op = lastOperation("shop");
    assertEquals("rolled-back", Nodes.text(op, names.ns("state")));
    String error = Nodes.text(op, names.ns("error-message"));
    assertTrue(
        error.contains("create-port:web-1/web-1/eth0")
            && error.contains("shop.web-1.web-1.eth0")
            && error.contains("INJECTED_FAILURE"),
        error);
    assertEquals(Set.of(), owned(vim("lab"), "shop"));
    assertEquals("failed", engine.state().status("shop").orElseThrow());
    assertTrue(engine.state().readActual("shop").isEmpty());
    assertTrue(notifications.stream().anyMatch(n -> n.contains("<state>rolled-back</state>")));
  }

  @Test
  void terminateFreesEverything() throws Exception {
    store.commit(
        TestStore.ns("shop", WEB_NS + "<instantiation-level>double</instantiation-level>"));
    settle();
    assertEquals(2, engine.state().readActual("shop").vduCount());
    store.commit(TestStore.ns("shop", "<admin-state>not-instantiated</admin-state>"));
    settle();
    assertEquals("not-instantiated", engine.state().status("shop").orElseThrow());
    assertEquals(Set.of(), owned(vim("lab"), "shop"));
    assertTrue(vim("lab").usage().committed().isZero());
    store.commit(TestStore.ns("shop", "<admin-state>instantiated</admin-state>"));
    settle();
    assertEquals(2, engine.state().readActual("shop").vduCount());
    store.delete(reader.nsEntry("shop"));
    settle();
    assertEquals(Set.of(), owned(vim("lab"), "shop"));
    assertFalse(engine.state().instances().contains("shop"));
  }

  @Test
  void changingTheLevelScales() throws Exception {
    store.commit(TestStore.ns("shop", WEB_NS));
    settle();
    store.commit(TestStore.ns("shop", "<instantiation-level>double</instantiation-level>"));
    settle();
    var actual = engine.state().readActual("shop");
    assertEquals(2, actual.vduCount());
    assertEquals("double", actual.level());
    assertEquals("scale", Nodes.text(lastOperation("shop"), names.ns("operation")));
    assertEquals(ids(actual), owned(vim("lab"), "shop"));
  }

  @Test
  void healRecreatesABrokenVdu() throws Exception {
    store.commit(TestStore.ns("shop", WEB_NS));
    settle();
    var before = engine.state().readActual("shop").vnfs().get("web-1").vdus().get("web-1");
    vim("lab").markFailed(ResourceKind.COMPUTE, before.computeId());
    assertEquals(Execution.Outcome.COMPLETED, engine.heal("shop").get());
    var after = engine.state().readActual("shop");
    assertFalse(
        after.vnfs().get("web-1").vdus().get("web-1").computeId().equals(before.computeId()));
    assertEquals(ids(after), owned(vim("lab"), "shop"));
  }

  @Test
  void restartInTheMiddleOfAPlanLeavesNoOrphan() throws Exception {
    store.commit(TestStore.ns("warmup", WEB_NS));
    settle();
    var lab = vim("lab");
    lab.setLatency(Duration.ofMillis(150));
    store.commit(
        TestStore.ns("shop", WEB_NS + "<instantiation-level>double</instantiation-level>"));
    Thread.sleep(400); // reserve done, creations under way
    engine.close();
    store.datastore.close();
    assertFalse(owned(lab, "shop").isEmpty(), "the plan was stopped after creating something");
    assertEquals("processing", Nodes.text(lastOperation0(), names.ns("state")));

    lab.setLatency(Duration.ZERO);
    store.open();
    engine =
        LifecycleEngine.start(store.datastore, drivers, (ns, name, xml) -> notifications.add(xml));
    settle();
    var ops = operations("shop");
    assertTrue(
        ops.stream()
            .anyMatch(
                o ->
                    "rolled-back".equals(Nodes.text(o, names.ns("state")))
                        && Nodes.text(o, names.ns("error-message")).contains("restart")),
        ops.toString());
    assertEquals(
        "instantiated", engine.state().status("shop").orElseThrow(), "retried after the rollback");
    ActualNs actual = engine.state().readActual("shop");
    assertEquals(2, actual.vduCount());
    assertEquals(ids(actual), owned(vim("lab"), "shop"), "every VIM resource is recorded");
  }

  private MapEntryNode lastOperation0() throws Exception {
    store.open();
    try {
      return lastOperation("shop");
    } finally {
      store.datastore.close();
    }
  }

  List<MapEntryNode> operations(String ns) {
    var state =
        store
            .datastore
            .snapshot(DatastoreName.OPERATIONAL)
            .readNode(
                reader
                    .nsEntry(ns)
                    .node(
                        new org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier
                            .NodeIdentifier(names.ns("state"))))
            .orElseThrow();
    return List.copyOf(Nodes.entries(state, names.ns("lcm-operation")));
  }

  RpcException refused(String ns, String extra) {
    return assertThrows(RpcException.class, () -> store.commit(TestStore.ns(ns, extra)));
  }

  static String pathOf(RpcException e) {
    return e.errors().get(0).path().map(Object::toString).orElse("")
        + " "
        + e.errors().get(0).message();
  }

  @Test
  void commitRefusedWithoutVimAccount() {
    var e = refused("x", "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour>");
    assertTrue(pathOf(e).contains("vim-account"), pathOf(e));
    assertEquals(RealisabilityCheck.APP_TAG, e.errors().get(0).appTag().orElseThrow());
  }

  @Test
  void commitRefusedForAnAccountNoDriverServes() {
    var e =
        refused(
            "x",
            "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>cloud</vim-account>");
    assertTrue(pathOf(e).contains("vim-account") && pathOf(e).contains("openstack"), pathOf(e));
  }

  @Test
  void commitRefusedForUnknownAccountNsdOrFlavour() {
    // leafrefs catch these before the hook; the commit is refused either way
    assertThrows(
        RpcException.class,
        () ->
            store.commit(
                TestStore.ns(
                    "x",
                    "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>nope</vim-account>")));
    assertThrows(
        RpcException.class,
        () ->
            store.commit(
                TestStore.ns(
                    "x",
                    "<nsd-ref>nope</nsd-ref><flavour>default</flavour><vim-account>lab</vim-account>")));
    assertThrows(
        RpcException.class,
        () ->
            store.commit(
                TestStore.ns(
                    "x",
                    "<nsd-ref>web-ns</nsd-ref><flavour>nope</flavour><vim-account>lab</vim-account>")));
  }

  @Test
  void commitRefusedWithoutCapacity() throws Exception {
    store.commit(
        TestStore.ns(
            "small",
            "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>tiny</vim-account>"));
    settle();
    var e =
        refused(
            "more",
            "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>tiny</vim-account><instantiation-level>double</instantiation-level>");
    assertTrue(pathOf(e).contains("instantiation-level") && pathOf(e).contains("vcpus"), pathOf(e));
  }

  @Test
  void commitRefusedWhenAntiAffinityCannotHold() throws Exception {
    var e =
        refused(
            "ha", "<nsd-ref>ha-ns</nsd-ref><flavour>four</flavour><vim-account>lab</vim-account>");
    assertTrue(pathOf(e).contains("flavour") && pathOf(e).contains("anti-affinity"), pathOf(e));
    store.commit(
        TestStore.ns(
            "ha",
            "<nsd-ref>ha-ns</nsd-ref><flavour>three</flavour><vim-account>lab</vim-account>"));
    settle();
    var hosts =
        engine.state().readActual("ha").vnfs().get("ha-1").vdus().values().stream()
            .map(ActualNs.VduInstance::host)
            .collect(Collectors.toSet());
    assertEquals(3, hosts.size(), "one VDU per host");
  }
}
