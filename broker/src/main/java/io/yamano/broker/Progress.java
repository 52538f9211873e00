package io.yamano.broker;

/** Receives progress of a lifecycle run, for LCM operation occurrences and logs. */
@FunctionalInterface
public interface Progress {
  /** Nothing to report to. */
  Progress NONE = (action, index, total) -> {};

  /**
   * An action starts.
   *
   * @param index 0-based position among the run's top-level actions
   */
  void starting(String action, int index, int total);
}
