package io.yamano.lcm.plan;

import io.yamano.vim.ComputeRequest;
import io.yamano.vim.NetworkRequest;
import io.yamano.vim.OwnerTag;
import io.yamano.vim.Placement;
import io.yamano.vim.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the plan that takes an NS instance from its actual state to a layout. Pure: the same
 * inputs always give the same plan.
 *
 * <p>A plan has two phases. First it removes what the layout no longer has (stop the VNF, delete
 * ports, then compute resources, then networks). Then, per VIM account, it reserves capacity for
 * every new VDU instance in one all-or-nothing call, creates networks, creates the compute
 * resources in their reserved slots, creates and binds their ports, configures each changed VNF and
 * finally releases what the reservation still holds. Instantiate, terminate, scale and heal are the
 * same computation with different inputs.
 */
public final class Planner {

  private Planner() {}

  /** The plan that instantiates {@code desired} on an NS holding nothing. */
  public static Plan instantiate(Layout desired) {
    return plan(OperationType.INSTANTIATE, desired, ActualNs.empty(desired.nsName()), Set.of());
  }

  /** The plan that deletes everything {@code actual} holds, in reverse order of instantiation. */
  public static Plan terminate(ActualNs actual) {
    return plan(OperationType.TERMINATE, Layout.empty(actual.nsName()), actual, Set.of());
  }

  /** The plan that scales {@code actual} to {@code desired} (a changed level or VDU counts). */
  public static Plan scale(Layout desired, ActualNs actual) {
    return plan(OperationType.SCALE, desired, actual, Set.of());
  }

  /**
   * The plan that recreates VDU instances: each failed one in {@code actual}, or those named.
   *
   * @param vduInstances {@code vnfInstanceId/vduInstanceId} of the instances to recreate; empty for
   *     every instance marked failed
   */
  public static Plan heal(Layout desired, ActualNs actual, Set<String> vduInstances) {
    var targets = new LinkedHashSet<String>(vduInstances);
    if (targets.isEmpty()) {
      actual
          .vnfs()
          .values()
          .forEach(
              vnf ->
                  vnf.vdus().values().stream()
                      .filter(ActualNs.VduInstance::failed)
                      .forEach(vdu -> targets.add(vnf.id() + "/" + vdu.id())));
    }
    return plan(OperationType.HEAL, desired, actual, targets);
  }

  /**
   * The plan from {@code actual} to {@code desired}.
   *
   * @param recreate {@code vnf/vdu} instances to delete and create again even though both sides
   *     have them
   */
  public static Plan plan(
      OperationType operation, Layout desired, ActualNs actual, Set<String> recreate) {
    String ns = desired.nsName();
    var steps = new ArrayList<Step>();

    // Phase 1: remove.
    var deletedVdus = new LinkedHashMap<String, List<String>>(); // account -> delete-vdu steps
    var removalSteps = new ArrayList<String>();
    for (var vnf : actual.vnfs().values()) {
      var wantedVnf = desired.vnfs().get(vnf.id());
      if (wantedVnf != null && !wantedVnf.vnfdId().equals(vnf.vnfdId())) {
        // another VNFD (package change): the instance is replaced as a whole
        wantedVnf = null;
      }
      List<String> stop = List.of();
      if (wantedVnf == null) {
        String id = "stop:" + vnf.id();
        steps.add(
            Step.of(
                id,
                "stop VNF instance " + vnf.id() + " through its manager",
                List.of(),
                new Action.ConfigureVnf(vnf.id(), false)));
        stop = List.of(id);
      }
      for (var vdu : vnf.vdus().values()) {
        String key = vnf.id() + "/" + vdu.id();
        boolean keep =
            wantedVnf != null && wantedVnf.vdus().containsKey(vdu.id()) && !recreate.contains(key);
        if (keep) {
          continue;
        }
        var portSteps = new ArrayList<String>();
        for (var port : vdu.ports().values()) {
          if (port.portId() == null) {
            continue;
          }
          String id = "delete-port:" + key + "/" + port.cp();
          steps.add(
              Step.of(
                  id,
                  "delete port " + port.cp() + " (" + port.ip() + ") of " + key,
                  stop,
                  new Action.Delete(
                      vnf.account(),
                      ResourceKind.PORT,
                      port.portId(),
                      vnf.id(),
                      vdu.id(),
                      port.cp(),
                      null)));
          portSteps.add(id);
        }
        var deps = new ArrayList<>(stop);
        deps.addAll(portSteps);
        removalSteps.addAll(portSteps);
        if (vdu.computeId() != null) {
          String id = "delete-vdu:" + key;
          steps.add(
              Step.of(
                  id,
                  "delete compute " + vdu.computeId() + " of VDU instance " + key,
                  deps,
                  new Action.Delete(
                      vnf.account(),
                      ResourceKind.COMPUTE,
                      vdu.computeId(),
                      vnf.id(),
                      vdu.id(),
                      null,
                      null)));
          removalSteps.add(id);
          deletedVdus.computeIfAbsent(vnf.account(), a -> new ArrayList<>()).add(id);
        }
      }
    }
    for (var network : actual.networks().values()) {
      if (desired.networks().containsKey(network.id()) || network.networkId() == null) {
        continue;
      }
      String id = "delete-vl:" + network.id();
      steps.add(
          Step.of(
              id,
              "delete network " + network.networkId() + " of virtual link " + network.id(),
              List.copyOf(removalSteps),
              new Action.Delete(
                  network.account(),
                  ResourceKind.NETWORK,
                  network.networkId(),
                  null,
                  null,
                  null,
                  network.id())));
    }

    // Phase 2: create.
    var newVdus = new LinkedHashMap<String, List<Object[]>>(); // account -> [vnf, vdu]
    for (var vnf : desired.vnfs().values()) {
      var had = actual.vnfs().get(vnf.id());
      if (had != null && !had.vnfdId().equals(vnf.vnfdId())) {
        had = null;
      }
      for (var vdu : vnf.vdus().values()) {
        String key = vnf.id() + "/" + vdu.id();
        boolean exists = had != null && had.vdus().containsKey(vdu.id()) && !recreate.contains(key);
        if (!exists) {
          newVdus
              .computeIfAbsent(vnf.account(), a -> new ArrayList<>())
              .add(new Object[] {vnf, vdu});
        }
      }
    }
    var reserveStep = new LinkedHashMap<String, String>();
    for (var entry : newVdus.entrySet()) {
      String account = entry.getKey();
      var requests = new ArrayList<ComputeRequest>();
      for (Object[] pair : entry.getValue()) {
        requests.add(computeRequest(ns, (Layout.VnfLayout) pair[0], (Layout.VduLayout) pair[1]));
      }
      String id = "reserve@" + account;
      steps.add(
          Step.of(
              id,
              "reserve capacity for "
                  + requests.size()
                  + " VDU instance(s) in VIM account "
                  + account,
              deletedVdus.getOrDefault(account, List.of()),
              new Action.Reserve(account, requests)));
      reserveStep.put(account, id);
    }
    for (var network : desired.networks().values()) {
      if (actual.networks().containsKey(network.id())) {
        continue;
      }
      String id = "create-vl:" + network.id();
      steps.add(
          Step.of(
              id,
              "create network " + network.cidr() + " for virtual link " + network.id(),
              List.of(),
              new Action.CreateNetwork(
                  network.account(),
                  network.id(),
                  network.virtualLinkDescId(),
                  NetworkRequest.of(
                      ns + "." + network.id(),
                      OwnerTag.of(ns, null, network.id()),
                      network.cidr()))));
    }
    var perVnf = new LinkedHashMap<String, List<String>>();
    var computeSteps = new LinkedHashMap<String, List<String>>();
    for (var entry : newVdus.entrySet()) {
      String account = entry.getKey();
      for (Object[] pair : entry.getValue()) {
        var vnf = (Layout.VnfLayout) pair[0];
        var vdu = (Layout.VduLayout) pair[1];
        String key = vnf.id() + "/" + vdu.id();
        String computeId = "create-vdu:" + key;
        steps.add(
            Step.of(
                computeId,
                "create compute " + vdu.flavour() + " for VDU instance " + key,
                List.of(reserveStep.get(account)),
                new Action.CreateCompute(
                    account,
                    vnf.id(),
                    vdu.id(),
                    vdu.vduId(),
                    computeRequest(ns, vnf, vdu),
                    reserveStep.get(account))));
        var vnfSteps = perVnf.computeIfAbsent(vnf.id(), v -> new ArrayList<>());
        vnfSteps.add(computeId);
        computeSteps.computeIfAbsent(account, a -> new ArrayList<>()).add(computeId);
        for (var cp : vdu.cps().entrySet()) {
          String link = cp.getValue();
          var existing = actual.networks().get(link);
          Ref network =
              existing != null && existing.networkId() != null
                  ? new Ref.Existing(existing.networkId())
                  : new Ref.FromStep("create-vl:" + link);
          var deps = new ArrayList<String>();
          deps.add(computeId);
          if (network instanceof Ref.FromStep from) {
            deps.add(from.stepId());
          }
          String portId = "create-port:" + key + "/" + cp.getKey();
          steps.add(
              Step.of(
                  portId,
                  "connect " + cp.getKey() + " of " + key + " to virtual link " + link,
                  deps,
                  new Action.CreatePort(
                      account,
                      vnf.id(),
                      vdu.id(),
                      cp.getKey(),
                      ns + "." + vnf.id() + "." + vdu.id() + "." + cp.getKey(),
                      OwnerTag.of(ns, vnf.id(), vdu.id()),
                      network,
                      new Ref.FromStep(computeId))));
          vnfSteps.add(portId);
        }
      }
    }
    for (var entry : perVnf.entrySet()) {
      steps.add(
          Step.of(
              "configure:" + entry.getKey(),
              "configure VNF instance " + entry.getKey() + " through its manager",
              entry.getValue(),
              new Action.ConfigureVnf(entry.getKey(), true)));
    }
    for (var entry : reserveStep.entrySet()) {
      steps.add(
          Step.of(
              "release@" + entry.getKey(),
              "release what the reservation in VIM account " + entry.getKey() + " still holds",
              computeSteps.getOrDefault(entry.getKey(), List.of()),
              new Action.Release(entry.getKey(), entry.getValue())));
    }
    return new Plan(operation, ns, steps, desired);
  }

  /** The compute request of a VDU instance: named {@code ns.vnf.vdu}, owned by the VDU instance. */
  static ComputeRequest computeRequest(String ns, Layout.VnfLayout vnf, Layout.VduLayout vdu) {
    var placement = Placement.ANYWHERE;
    for (var rule : vdu.affinity()) {
      placement = placement.withRule(rule);
    }
    return new ComputeRequest(
        ns + "." + vnf.id() + "." + vdu.id(),
        OwnerTag.of(ns, vnf.id(), vdu.id()),
        vdu.flavour(),
        vdu.image(),
        placement,
        null);
  }

  /** Reads a plan as an ordered map of step id to description (what a dry run returns). */
  public static Map<String, String> describe(Plan plan) {
    var out = new LinkedHashMap<String, String>();
    plan.steps().forEach(s -> out.put(s.id(), s.description()));
    return out;
  }
}
