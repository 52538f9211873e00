package io.yamano.onboarding.mapping;

import io.yamano.onboarding.Deviation;
import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.Mode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects deviations in the order they are found. In strict mode every deviation that is not a
 * lossless mapping becomes a refusal, so the operator sees all the problems at once.
 */
public final class DeviationLog {
  private final Mode mode;
  private final List<Deviation> deviations = new ArrayList<>();

  public DeviationLog(Mode mode) {
    this.mode = mode;
  }

  public Mode mode() {
    return mode;
  }

  public void add(String path, DeviationKind kind, String before, String after, String reason) {
    if (mode == Mode.STRICT && kind != DeviationKind.MAPPED && kind != DeviationKind.REFUSED) {
      deviations.add(
          new Deviation(
              path,
              DeviationKind.REFUSED,
              before,
              "",
              reason + " (lenient mode would have it " + kind.yangName() + ")"));
      return;
    }
    deviations.add(new Deviation(path, kind, before, after, reason));
  }

  public void refuse(String path, String before, String reason) {
    deviations.add(new Deviation(path, DeviationKind.REFUSED, before, "", reason));
  }

  /** A refusal that also says what was found instead. */
  public void refuse(String path, String before, String after, String reason) {
    deviations.add(new Deviation(path, DeviationKind.REFUSED, before, after, reason));
  }

  public boolean refused() {
    return deviations.stream().anyMatch(d -> d.kind() == DeviationKind.REFUSED);
  }

  public List<Deviation> deviations() {
    return List.copyOf(deviations);
  }
}
