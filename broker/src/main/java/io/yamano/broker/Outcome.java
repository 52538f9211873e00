package io.yamano.broker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a lifecycle run ended.
 *
 * @param state the VNF's lifecycle state afterwards
 * @param transitioned whether a transition (or primitive) ran; false when the event has no
 *     transition in the state the VNF was in
 * @param steps what each action did, in order
 * @param failure why it stopped, if it did
 */
public record Outcome(
    String state, boolean transitioned, List<StepReport> steps, Optional<BrokerException> failure) {
  public Outcome {
    Objects.requireNonNull(state, "state");
    steps = List.copyOf(steps);
    Objects.requireNonNull(failure, "failure");
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }

  /**
   * One action's run.
   *
   * @param action the action's name ({@code primitive/action} inside a primitive)
   * @param attempts how many attempts (probes for a wait) were made
   * @param elapsed wall time including backoff
   * @param reply the last reply, shortened, or the error
   */
  public record StepReport(
      String action, int attempts, Duration elapsed, boolean ok, String reply) {}
}
