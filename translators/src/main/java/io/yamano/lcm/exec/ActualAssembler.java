package io.yamano.lcm.exec;

import io.yamano.lcm.plan.Action;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.lcm.plan.Plan;
import io.yamano.lcm.plan.Step;
import io.yamano.vim.Compute;
import io.yamano.vim.Network;
import io.yamano.vim.Port;
import io.yamano.vim.ResourceKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The actual state after an execution: the state before, with what each completed step created
 * added and what it deleted removed. Works for partial executions too (a failed plan that kept its
 * completed steps).
 */
public final class ActualAssembler {
  private ActualAssembler() {}

  public static ActualNs apply(ActualNs before, Execution execution) {
    Plan plan = execution.plan();
    Map<String, Object> outputs = execution.outputs();
    var vnfs = new LinkedHashMap<String, Map<String, ActualNs.VduInstance>>();
    var vnfInfo = new LinkedHashMap<String, ActualNs.VnfInstance>();
    before
        .vnfs()
        .forEach(
            (id, vnf) -> {
              vnfs.put(id, new LinkedHashMap<>(vnf.vdus()));
              vnfInfo.put(id, vnf);
            });
    var networks = new LinkedHashMap<>(before.networks());
    for (Step step : plan.steps()) {
      if (!outputs.containsKey(step.id())) {
        continue;
      }
      Object output = outputs.get(step.id());
      Action action = step.action();
      if (action instanceof Action.CreateNetwork create && output instanceof Network network) {
        networks.put(
            create.linkId(),
            new ActualNs.NetworkInstance(
                create.linkId(), create.virtualLinkDescId(), create.account(), network.id()));
      } else if (action instanceof Action.CreateCompute create
          && output instanceof Compute compute) {
        var target = plan.target().vnfs().get(create.vnfId());
        var known = vnfInfo.get(create.vnfId());
        if (known == null
            || (target != null && !java.util.Objects.equals(known.vnfdId(), target.vnfdId()))) {
          // new, or replaced by an instance of another VNFD (update)
          vnfInfo.put(
              create.vnfId(),
              new ActualNs.VnfInstance(
                  create.vnfId(),
                  target == null ? null : target.member(),
                  target == null ? null : target.vnfdId(),
                  create.account(),
                  Map.of()));
        }
        vnfs.computeIfAbsent(create.vnfId(), id -> new LinkedHashMap<>())
            .put(
                create.vduInstanceId(),
                new ActualNs.VduInstance(
                    create.vduInstanceId(),
                    create.vduId(),
                    compute.id(),
                    compute.zone(),
                    compute.host(),
                    Map.of(),
                    false));
      } else if (action instanceof Action.CreatePort create && output instanceof Port port) {
        var vdus = vnfs.get(create.vnfId());
        var vdu = vdus == null ? null : vdus.get(create.vduInstanceId());
        if (vdu != null) {
          var ports = new LinkedHashMap<>(vdu.ports());
          ports.put(
              create.cp(), new ActualNs.PortInstance(create.cp(), port.ipAddress(), port.id()));
          vdus.put(
              vdu.id(),
              new ActualNs.VduInstance(
                  vdu.id(),
                  vdu.vduId(),
                  vdu.computeId(),
                  vdu.zone(),
                  vdu.host(),
                  ports,
                  vdu.failed()));
        }
      } else if (action instanceof Action.Delete delete) {
        if (delete.kind() == ResourceKind.NETWORK) {
          networks.remove(delete.linkId());
        } else if (delete.kind() == ResourceKind.COMPUTE) {
          var vdus = vnfs.get(delete.vnfId());
          if (vdus != null) {
            vdus.remove(delete.vduInstanceId());
          }
        } else if (delete.kind() == ResourceKind.PORT) {
          var vdus = vnfs.get(delete.vnfId());
          var vdu = vdus == null ? null : vdus.get(delete.vduInstanceId());
          if (vdu != null) {
            var ports = new LinkedHashMap<>(vdu.ports());
            ports.remove(delete.cp());
            vdus.put(
                vdu.id(),
                new ActualNs.VduInstance(
                    vdu.id(),
                    vdu.vduId(),
                    vdu.computeId(),
                    vdu.zone(),
                    vdu.host(),
                    ports,
                    vdu.failed()));
          }
        }
      }
    }
    var out = new LinkedHashMap<String, ActualNs.VnfInstance>();
    vnfs.forEach(
        (id, vdus) -> {
          if (!vdus.isEmpty()) {
            var info = vnfInfo.get(id);
            out.put(
                id,
                new ActualNs.VnfInstance(id, info.member(), info.vnfdId(), info.account(), vdus));
          }
        });
    boolean empty = out.isEmpty() && networks.isEmpty();
    return new ActualNs(
        before.nsName(),
        empty ? null : plan.target().flavour(),
        empty ? null : plan.target().level(),
        out,
        networks);
  }
}
