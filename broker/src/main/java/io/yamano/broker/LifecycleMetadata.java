package io.yamano.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A VNF application's lifecycle, as its vendor declares it in the VNFD: the states it goes through,
 * the transitions events cause and the actions each runs, the day-2 primitives it offers, and how
 * its management interface is reached.
 *
 * @param defaults default values of template parameters; instance parameters override them
 *     <p>The constructor checks the metadata as a whole, so that a descriptor with a transition to
 *     an undeclared state or a call of an unknown primitive is refused when it is loaded, not when
 *     the VNF is half-configured.
 */
public record LifecycleMetadata(
    String name,
    Set<String> states,
    String initialState,
    List<Transition> transitions,
    Map<String, Primitive> primitives,
    Management management,
    Map<String, String> defaults) {

  /** The state of a VNF whose lifecycle has not started. */
  public static final String DEFAULT_INITIAL_STATE = "initial";

  public LifecycleMetadata {
    Objects.requireNonNull(name, "name");
    states = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(states));
    initialState = initialState == null ? DEFAULT_INITIAL_STATE : initialState;
    transitions = List.copyOf(transitions);
    primitives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(primitives));
    Objects.requireNonNull(management, "management");
    defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    var problems = problems(name, states, initialState, transitions, primitives);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "lifecycle '" + name + "': " + String.join("; ", problems));
    }
  }

  /** Metadata without parameter defaults. */
  public LifecycleMetadata(
      String name,
      Set<String> states,
      String initialState,
      List<Transition> transitions,
      Map<String, Primitive> primitives,
      Management management) {
    this(name, states, initialState, transitions, primitives, management, Map.of());
  }

  /** The same lifecycle reaching the VNF through {@code other}. */
  public LifecycleMetadata withManagement(Management other) {
    return new LifecycleMetadata(
        name, states, initialState, transitions, primitives, other, defaults);
  }

  /** {@code parameters} over this lifecycle's defaults. */
  public Map<String, String> withDefaults(Map<String, String> parameters) {
    var merged = new LinkedHashMap<>(defaults);
    merged.putAll(parameters);
    return merged;
  }

  /** The transition {@code event} takes in {@code state}: the first declared that applies. */
  public Optional<Transition> transition(String state, String event) {
    return transitions.stream().filter(t -> t.appliesTo(state, event)).findFirst();
  }

  /** The events declared anywhere, in declaration order. */
  public Set<String> events() {
    var events = new LinkedHashSet<String>();
    transitions.forEach(t -> events.add(t.event()));
    return events;
  }

  private static List<String> problems(
      String name,
      Set<String> states,
      String initial,
      List<Transition> transitions,
      Map<String, Primitive> primitives) {
    var problems = new ArrayList<String>();
    if (!states.contains(initial)) {
      problems.add("initial state '" + initial + "' is not a declared state " + states);
    }
    for (Transition t : transitions) {
      for (String s : t.from()) {
        if (!states.contains(s)) {
          problems.add("transition on '" + t.event() + "' from undeclared state '" + s + "'");
        }
      }
      if (!states.contains(t.to())) {
        problems.add("transition on '" + t.event() + "' to undeclared state '" + t.to() + "'");
      }
      if (t.onFailure() != null && !states.contains(t.onFailure())) {
        problems.add(
            "transition on '" + t.event() + "' fails to undeclared state '" + t.onFailure() + "'");
      }
      checkCalls("transition on '" + t.event() + "'", t.actions(), primitives, problems);
    }
    for (Primitive p : primitives.values()) {
      for (String s : p.allowedIn()) {
        if (!states.contains(s)) {
          problems.add("primitive '" + p.name() + "' allowed in undeclared state '" + s + "'");
        }
      }
      checkCalls("primitive '" + p.name() + "'", p.actions(), primitives, problems);
    }
    for (String p : primitives.keySet()) {
      if (callsItself(p, primitives, new LinkedHashSet<>())) {
        problems.add("primitive '" + p + "' calls itself");
      }
    }
    return problems;
  }

  private static void checkCalls(
      String where,
      List<Action> actions,
      Map<String, Primitive> primitives,
      List<String> problems) {
    var names = new java.util.HashSet<String>();
    for (Action a : actions) {
      if (!names.add(a.name())) {
        problems.add(where + " has two actions named '" + a.name() + "'");
      }
      if (a instanceof Action.RunPrimitive run && !primitives.containsKey(run.primitive())) {
        problems.add(where + " runs unknown primitive '" + run.primitive() + "'");
      }
    }
  }

  private static boolean callsItself(
      String primitive, Map<String, Primitive> primitives, Set<String> path) {
    if (!path.add(primitive)) {
      return true;
    }
    Primitive p = primitives.get(primitive);
    if (p != null) {
      for (Action a : p.actions()) {
        if (a instanceof Action.RunPrimitive run
            && callsItself(run.primitive(), primitives, new LinkedHashSet<>(path))) {
          return true;
        }
      }
    }
    return false;
  }
}
