package io.yamano.broker;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an event does in some states: runs {@code actions} in order, then the VNF is in {@code to};
 * if an action fails the VNF is in {@code onFailure}, or stays where it was when that is {@code
 * null}.
 *
 * @param event the event ({@code instantiated}, {@code configured}, {@code scaled}, {@code healed},
 *     {@code upgrading}, {@code terminating}, or one of the VNF's own)
 * @param from the states the transition applies in; empty for any state
 */
public record Transition(
    String event, Set<String> from, String to, List<Action> actions, String onFailure) {
  public Transition {
    Objects.requireNonNull(event, "event");
    from = Set.copyOf(from);
    Objects.requireNonNull(to, "to");
    actions = List.copyOf(actions);
  }

  /** Whether this transition applies to {@code event} in {@code state}. */
  public boolean appliesTo(String state, String event) {
    return this.event.equals(event) && (from.isEmpty() || from.contains(state));
  }
}
