package io.yamano.lcm.exec;

import io.yamano.lcm.plan.Step;

/**
 * Where the executor records a plan's progress, each record durable before the executor goes on: a
 * step is journaled {@code running} before its VIM call and {@code done} with the resource id after
 * it, so that a restart finds every resource the plan may have created.
 */
public interface PlanJournal {

  /** The step is about to run. */
  void started(Step step);

  /**
   * The step completed.
   *
   * @param resourceId the VIM id of what the step created or deleted, or {@code null}
   * @param sequence the step's position in completion order, from 1
   */
  void done(Step step, String resourceId, int sequence);

  /** The step failed; nothing it attempted remains. */
  void failed(Step step, String message);

  /** The step never ran because the plan stopped. */
  void skipped(Step step);

  /** The completed step was undone by a rollback. */
  void undone(Step step);

  /** A journal that records nothing (for dry runs and tests). */
  PlanJournal NONE =
      new PlanJournal() {
        @Override
        public void started(Step step) {}

        @Override
        public void done(Step step, String resourceId, int sequence) {}

        @Override
        public void failed(Step step, String message) {}

        @Override
        public void skipped(Step step) {}

        @Override
        public void undone(Step step) {}
      };
}
