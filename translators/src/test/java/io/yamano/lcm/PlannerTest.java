package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.lcm.model.AffinityGroup;
import io.yamano.lcm.model.NsDescriptor;
import io.yamano.lcm.model.NsInstanceConfig;
import io.yamano.lcm.model.VnfDescriptor;
import io.yamano.lcm.plan.Action;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.lcm.plan.Layout;
import io.yamano.lcm.plan.LayoutBuilder;
import io.yamano.lcm.plan.Plan;
import io.yamano.lcm.plan.Planner;
import io.yamano.lcm.plan.Step;
import io.yamano.lcm.plan.Undo;
import io.yamano.lcm.plan.UnrealisableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

  static final VnfDescriptor WEB =
      new VnfDescriptor(
          "web",
          Map.of(
              "web",
              new VnfDescriptor.Vdu("web", Map.of("eth0", "internal"), 1, 2048, 0, "web.qcow2")),
          List.of("internal"),
          Map.of(),
          Map.of(
              "default",
              new VnfDescriptor.VnfFlavour(
                  "default",
                  Map.of(
                      "web",
                      new VnfDescriptor.VduProfile("web", 1, 4, List.of("spread"), List.of())),
                  Map.of("one", Map.of("web", 1), "three", Map.of("web", 3)),
                  "one",
                  Map.of("tier", new VnfDescriptor.ScalingAspect("tier", 3, Map.of("web", 1))),
                  Map.of("spread", new AffinityGroup("spread", true, "nfvi-node")))));

  static final NsDescriptor NSD =
      new NsDescriptor(
          "web-ns",
          Map.of(
              "default",
              new NsDescriptor.NsFlavour(
                  "default",
                  Map.of(
                      "web",
                      new NsDescriptor.VnfProfile("web", "web", "default", null, 1, 2, Map.of())),
                  Map.of("small", Map.of("web", 1), "double", Map.of("web", 2)),
                  "small",
                  Map.of())));

  static Layout layout(String level) throws UnrealisableException {
    return LayoutBuilder.build(
        new NsInstanceConfig("ns1", "web-ns", "default", level, "lab", Map.of(), true),
        NSD,
        Map.of("web", WEB));
  }

  static long count(Plan plan, Class<? extends Action> kind) {
    return plan.steps().stream().filter(s -> kind.isInstance(s.action())).count();
  }

  /** The actual state a completed plan would leave, with made-up VIM ids. */
  static ActualNs realised(Layout layout) {
    var vnfs = new LinkedHashMap<String, ActualNs.VnfInstance>();
    for (var vnf : layout.vnfs().values()) {
      var vdus = new LinkedHashMap<String, ActualNs.VduInstance>();
      for (var vdu : vnf.vdus().values()) {
        var ports = new LinkedHashMap<String, ActualNs.PortInstance>();
        vdu.cps()
            .keySet()
            .forEach(
                cp ->
                    ports.put(
                        cp,
                        new ActualNs.PortInstance(
                            cp, "10.0.0.9", "port-" + vnf.id() + vdu.id() + cp)));
        vdus.put(
            vdu.id(),
            new ActualNs.VduInstance(
                vdu.id(), vdu.vduId(), "vm-" + vnf.id() + vdu.id(), "z", "h", ports, false));
      }
      vnfs.put(
          vnf.id(),
          new ActualNs.VnfInstance(vnf.id(), vnf.member(), vnf.vnfdId(), vnf.account(), vdus));
    }
    var nets = new LinkedHashMap<String, ActualNs.NetworkInstance>();
    layout
        .networks()
        .values()
        .forEach(
            n ->
                nets.put(
                    n.id(),
                    new ActualNs.NetworkInstance(
                        n.id(), n.virtualLinkDescId(), n.account(), "net-" + n.id())));
    return new ActualNs(layout.nsName(), layout.flavour(), layout.level(), vnfs, nets);
  }

  @Test
  void instantiatePlanIsADagFromReservationToRelease() throws Exception {
    Plan plan = Planner.instantiate(layout(null));
    var ids = plan.byId().keySet();
    assertEquals(
        List.of(
            "reserve@lab",
            "create-vl:web-1.internal",
            "create-vdu:web-1/web-1",
            "create-port:web-1/web-1/eth0",
            "configure:web-1",
            "release@lab"),
        List.copyOf(ids));
    assertEquals(
        List.of("create-vdu:web-1/web-1", "create-vl:web-1.internal"),
        plan.step("create-port:web-1/web-1/eth0").orElseThrow().dependsOn());
    assertTrue(plan.dependsOn("release@lab", "reserve@lab"));
    assertTrue(plan.dependsOn("configure:web-1", "create-vl:web-1.internal"));
    assertEquals(4, plan.depth());
    assertTrue(
        plan.step("create-vdu:web-1/web-1").orElseThrow().undo() instanceof Undo.DeleteCreated);
    assertTrue(plan.step("reserve@lab").orElseThrow().undo() instanceof Undo.ReleaseReservation);
  }

  @Test
  void countsFollowTheNsAndVnfLevels() throws Exception {
    assertEquals(1, layout("small").vduCount());
    var doubled = layout("double");
    assertEquals(2, doubled.vnfs().size());
    assertEquals(2, doubled.vduCount());
    Plan plan = Planner.instantiate(doubled);
    assertEquals(2, count(plan, Action.CreateCompute.class));
    assertEquals(1, count(plan, Action.Reserve.class));
    assertEquals(
        2, ((Action.Reserve) plan.step("reserve@lab").orElseThrow().action()).requests().size());
    // independent VNFs: their VDU creations do not depend on each other
    assertTrue(!plan.dependsOn("create-vdu:web-2/web-1", "create-vdu:web-1/web-1"));
  }

  @Test
  void antiAffinityGroupBecomesAPlacementRule() throws Exception {
    var vdu = layout(null).vnfs().get("web-1").vdus().get("web-1");
    assertEquals("ns1.web-1.spread", vdu.affinity().get(0).group());
  }

  @Test
  void terminateDeletesInReverse() throws Exception {
    var actual = realised(layout("double"));
    Plan plan = Planner.terminate(actual);
    assertEquals(0, count(plan, Action.Reserve.class));
    assertEquals(2 + 2 + 2, count(plan, Action.Delete.class)); // ports, VMs, networks
    assertTrue(plan.dependsOn("delete-vdu:web-1/web-1", "delete-port:web-1/web-1/eth0"));
    assertTrue(plan.dependsOn("delete-port:web-1/web-1/eth0", "stop:web-1"));
    assertTrue(plan.dependsOn("delete-vl:web-1.internal", "delete-vdu:web-1/web-1"));
    assertTrue(plan.steps().stream().map(Step::undo).allMatch(u -> u instanceof Undo.Nothing));
  }

  @Test
  void scaleOutAddsOnlyTheNewInstances() throws Exception {
    var actual = realised(layout("small"));
    Plan plan = Planner.scale(layout("double"), actual);
    assertEquals(1, count(plan, Action.CreateCompute.class));
    assertEquals(0, count(plan, Action.Delete.class));
    assertTrue(plan.step("create-vdu:web-2/web-1").isPresent());
    Plan back = Planner.scale(layout("small"), realised(layout("double")));
    assertEquals(0, count(back, Action.CreateCompute.class));
    assertTrue(back.step("delete-vdu:web-2/web-1").isPresent());
    assertTrue(Planner.scale(layout("small"), actual).isEmpty());
  }

  @Test
  void scaleByAspectUsesTheDeltaWithinTheProfile() throws Exception {
    var actual = realised(layout(null));
    var flavour = WEB.flavours().get("default");
    var counts = LayoutBuilder.scaled(actual, flavour, "web-1", "tier", 2);
    assertEquals(3, counts.get("web-1").get("web"));
    var config = new NsInstanceConfig("ns1", "web-ns", "default", null, "lab", Map.of(), true);
    Plan plan = Planner.scale(LayoutBuilder.build(config, NSD, Map.of("web", WEB), counts), actual);
    assertEquals(2, count(plan, Action.CreateCompute.class));
    assertThrows(
        UnrealisableException.class,
        () -> LayoutBuilder.scaled(actual, flavour, "web-1", "tier", 4));
    assertThrows(
        UnrealisableException.class,
        () -> LayoutBuilder.scaled(actual, flavour, "web-1", "tier", -1));
  }

  @Test
  void healRecreatesFailedInstancesOnly() throws Exception {
    var actual = realised(layout("double"));
    var vnf = actual.vnfs().get("web-2");
    var broken = new LinkedHashMap<>(actual.vnfs());
    broken.put(
        "web-2",
        new ActualNs.VnfInstance(
            vnf.id(),
            vnf.member(),
            vnf.vnfdId(),
            vnf.account(),
            Map.of("web-1", vnf.vdus().get("web-1").withFailed(true))));
    var marked = new ActualNs("ns1", "default", "double", broken, actual.networks());
    Plan plan = Planner.heal(layout("double"), marked, Set.of());
    assertEquals(
        List.of(
            "delete-port:web-2/web-1/eth0",
            "delete-vdu:web-2/web-1",
            "reserve@lab",
            "create-vdu:web-2/web-1",
            "create-port:web-2/web-1/eth0",
            "configure:web-2",
            "release@lab"),
        List.copyOf(plan.byId().keySet()));
    assertTrue(plan.dependsOn("create-vdu:web-2/web-1", "delete-vdu:web-2/web-1"));
  }

  @Test
  void unrealisableConfigurationNamesTheLeaf() {
    var noAccount = new NsInstanceConfig("ns1", "web-ns", "default", null, null, Map.of(), true);
    var e =
        assertThrows(
            UnrealisableException.class,
            () -> LayoutBuilder.build(noAccount, NSD, Map.of("web", WEB)));
    assertEquals("vim-account", e.leaf());
    var badLevel = new NsInstanceConfig("ns1", "web-ns", "default", "nope", "lab", Map.of(), true);
    assertEquals(
        "instantiation-level",
        assertThrows(
                UnrealisableException.class,
                () -> LayoutBuilder.build(badLevel, NSD, Map.of("web", WEB)))
            .leaf());
    var noVnfd = new NsInstanceConfig("ns1", "web-ns", "default", null, "lab", Map.of(), true);
    assertEquals(
        "nsd-ref",
        assertThrows(UnrealisableException.class, () -> LayoutBuilder.build(noVnfd, NSD, Map.of()))
            .leaf());
  }

  @Test
  void aPlanRefusesForwardDependencies() {
    var configure = new Action.ConfigureVnf("x", true);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Plan(
                io.yamano.lcm.plan.OperationType.INSTANTIATE,
                "ns",
                List.of(
                    Step.of("a", "a", List.of("b"), configure),
                    Step.of("b", "b", List.of(), configure)),
                Layout.empty("ns")));
  }
}
