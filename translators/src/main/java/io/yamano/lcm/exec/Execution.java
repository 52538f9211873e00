package io.yamano.lcm.exec;

import io.yamano.lcm.plan.Plan;
import java.util.Map;
import java.util.Optional;

/**
 * How a plan ended.
 *
 * @param outputs what each completed (and not undone) step produced: a {@link
 *     io.yamano.vim.Reservation}, an {@link io.yamano.vim.OwnedResource}, or the id of a deleted
 *     resource
 * @param failure why it stopped, when it did not complete
 * @param rollbackProblems undo steps that failed (what a rollback left behind)
 */
public record Execution(
    Plan plan,
    Outcome outcome,
    Map<String, Object> outputs,
    Optional<StepFailure> failure,
    java.util.List<String> rollbackProblems) {

  /** How an execution ended. */
  public enum Outcome {
    /** Every step completed. */
    COMPLETED,
    /** A step failed; completed steps were kept as asked. */
    FAILED,
    /** A step failed; completed steps were undone. */
    ROLLED_BACK,
    /**
     * The executor was closed; the journal shows what ran, recovery undoes it at the next start.
     */
    INTERRUPTED
  }

  public Execution {
    outputs = Map.copyOf(outputs);
    rollbackProblems = java.util.List.copyOf(rollbackProblems);
  }
}
