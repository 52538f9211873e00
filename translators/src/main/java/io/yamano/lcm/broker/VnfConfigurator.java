package io.yamano.lcm.broker;

import io.yamano.lcm.plan.Action;
import io.yamano.lcm.plan.Plan;
import java.util.Map;

/**
 * What the plan executor calls when a {@link Action.ConfigureVnf} step runs, after the VNF's VDUs
 * and ports exist (or, with {@code start} false, before they are deleted).
 */
@FunctionalInterface
public interface VnfConfigurator {
  /** Configures nothing. */
  VnfConfigurator NONE = (plan, action, outputs) -> {};

  /**
   * Brings the VNF application to where the plan needs it; returns when it is there.
   *
   * @param outputs what the plan's completed steps produced, by step id (ports carry addresses)
   * @throws RuntimeException whose message becomes the step's (and the LCM operation's) error
   */
  void configure(Plan plan, Action.ConfigureVnf action, Map<String, Object> outputs);
}
