package io.yamano.lcm.exec;

import java.util.Objects;

/**
 * Why a plan stopped: the step, the resource it was working on and the VIM's reason.
 *
 * @param resource the resource's name or id as the step knows it, or {@code null}
 */
public record StepFailure(String stepId, String resource, String reason) {
  public StepFailure {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(reason, "reason");
  }

  /** The message an LCM operation occurrence shows. */
  public String message() {
    return "step '"
        + stepId
        + "' failed"
        + (resource == null ? "" : " on '" + resource + "'")
        + ": "
        + reason;
  }
}
