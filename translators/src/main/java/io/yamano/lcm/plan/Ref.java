package io.yamano.lcm.plan;

import java.util.Objects;

/** A VIM resource a step needs: made by an earlier step of the plan, or existing already. */
public sealed interface Ref {

  /** The resource the named step creates. */
  record FromStep(String stepId) implements Ref {
    public FromStep {
      Objects.requireNonNull(stepId, "stepId");
    }
  }

  /** A resource that exists, by VIM id. */
  record Existing(String resourceId) implements Ref {
    public Existing {
      Objects.requireNonNull(resourceId, "resourceId");
    }
  }
}
