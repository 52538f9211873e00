package io.yamano.lcm.plan;

import java.util.List;
import java.util.Objects;

/**
 * One step of a plan.
 *
 * @param id unique in the plan, stable across re-planning of the same change
 * @param description for a person, as {@code plan/step/description} shows it
 * @param dependsOn steps that must complete first
 * @param action what it does
 * @param undo how it is undone on rollback
 */
public record Step(
    String id, String description, List<String> dependsOn, Action action, Undo undo) {

  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(undo, "undo");
  }

  /** A step whose undo is the action's own. */
  public static Step of(String id, String description, List<String> dependsOn, Action action) {
    return new Step(id, description, dependsOn, action, action.undo());
  }
}
