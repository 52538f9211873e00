package io.yamano.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** One step of a transition or a primitive. */
public sealed interface Action {

  /** The action's name, used in progress reports and errors. */
  String name();

  /**
   * Sends an operation once (retrying transient failures per {@code policy}) and checks the reply:
   * pushes configuration, calls an API, runs a health check.
   */
  record Invoke(String name, Operation operation, Check check, RetryPolicy policy)
      implements Action {
    public Invoke {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(operation, "operation");
      check = check == null ? new Check.None() : check;
      policy = policy == null ? RetryPolicy.DEFAULT : policy;
    }
  }

  /**
   * Sends {@code probe} every {@code interval} until its reply passes {@code check}; fails after
   * {@code timeout}. Each probe is limited to {@code min(interval, timeout left)} plus the
   * endpoint's reply timeout.
   */
  record WaitFor(String name, Operation probe, Check check, Duration interval, Duration timeout)
      implements Action {
    public WaitFor {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(probe, "probe");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(timeout, "timeout");
      if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(
            "wait '" + name + "': interval and timeout must be positive");
      }
    }
  }

  /** Waits a fixed time (a VNF that needs a pause, say after a restart). */
  record Pause(String name, Duration duration) implements Action {
    public Pause {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /**
   * Runs a primitive of the same metadata; {@code parameters} are templates filled from the
   * transition's parameters.
   */
  record RunPrimitive(String name, String primitive, Map<String, String> parameters)
      implements Action {
    public RunPrimitive {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(primitive, "primitive");
      parameters = Map.copyOf(parameters);
    }
  }
}
