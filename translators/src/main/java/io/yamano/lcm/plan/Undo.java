package io.yamano.lcm.plan;

import io.yamano.vim.ResourceKind;

/** How a completed step is undone when its operation rolls back. */
public sealed interface Undo {

  /** A short description, journaled with the step. */
  String describe();

  /** Delete the resource the step created (a resource already gone counts as deleted). */
  record DeleteCreated(ResourceKind kind) implements Undo {
    @Override
    public String describe() {
      return "delete the " + kind.label();
    }
  }

  /** Give back what the reservation the step made still holds. */
  record ReleaseReservation() implements Undo {
    @Override
    public String describe() {
      return "release the reservation";
    }
  }

  /** Nothing can or need be undone. */
  record Nothing(String why) implements Undo {
    @Override
    public String describe() {
      return "none: " + why;
    }
  }
}
