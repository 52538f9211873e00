package io.yamano.lcm.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DAG of steps that takes an NS instance from its actual state to a layout.
 *
 * @param operation the LCM operation this plan carries out
 * @param nsName the NS instance
 * @param steps in a topological order (every step after its dependencies)
 * @param target the layout the plan reaches when every step completes
 */
public record Plan(OperationType operation, String nsName, List<Step> steps, Layout target) {

  /**
   * @throws IllegalArgumentException if step ids repeat, a dependency is unknown, or the steps are
   *     not in topological order (which also rules out cycles)
   */
  public Plan {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(nsName, "nsName");
    steps = List.copyOf(steps);
    Objects.requireNonNull(target, "target");
    var seen = new HashMap<String, Step>();
    for (Step step : steps) {
      for (String dependency : step.dependsOn()) {
        if (!seen.containsKey(dependency)) {
          throw new IllegalArgumentException(
              "step '" + step.id() + "' depends on '" + dependency + "', not an earlier step");
        }
      }
      if (seen.put(step.id(), step) != null) {
        throw new IllegalArgumentException("step id '" + step.id() + "' repeats");
      }
    }
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  public Optional<Step> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** Steps by id, in plan order. */
  public Map<String, Step> byId() {
    var map = new LinkedHashMap<String, Step>();
    steps.forEach(s -> map.put(s.id(), s));
    return map;
  }

  /** The steps that depend on each step. */
  public Map<String, List<String>> dependents() {
    var map = new LinkedHashMap<String, List<String>>();
    steps.forEach(s -> map.put(s.id(), new ArrayList<>()));
    steps.forEach(s -> s.dependsOn().forEach(d -> map.get(d).add(s.id())));
    return map;
  }

  /** Length of the longest dependency chain: the fewest rounds a parallel executor needs. */
  public int depth() {
    var depth = new HashMap<String, Integer>();
    int max = 0;
    for (Step step : steps) {
      int d = 1 + step.dependsOn().stream().mapToInt(depth::get).max().orElse(0);
      depth.put(step.id(), d);
      max = Math.max(max, d);
    }
    return max;
  }

  /** Whether {@code later} transitively depends on {@code earlier}. */
  public boolean dependsOn(String later, String earlier) {
    var byId = byId();
    var queue = new ArrayDeque<String>(byId.get(later).dependsOn());
    var seen = new java.util.HashSet<String>();
    while (!queue.isEmpty()) {
      String id = queue.pop();
      if (id.equals(earlier)) {
        return true;
      }
      if (seen.add(id)) {
        queue.addAll(byId.get(id).dependsOn());
      }
    }
    return false;
  }
}
