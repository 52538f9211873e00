package io.yamano.lcm.exec;

import java.util.List;

/** An LCM operation occurrence found unfinished in the journal. */
public record JournaledOperation(
    String nsName, String operationId, String operation, List<JournaledStep> steps) {
  public JournaledOperation {
    steps = List.copyOf(steps);
  }
}
