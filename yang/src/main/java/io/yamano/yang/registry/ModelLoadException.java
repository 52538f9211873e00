package io.yamano.yang.registry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The set of YANG modules cannot be turned into one schema. No partial schema exists: the server
 * refuses to start and prints {@link #problems()}.
 */
public final class ModelLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ModelProblem> problems;

  /**
   * @param problems at least one problem
   */
  public ModelLoadException(List<ModelProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  ModelLoadException(List<ModelProblem> problems, Throwable cause) {
    super(render(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in source order where known; never empty. */
  public List<ModelProblem> problems() {
    return problems;
  }

  private static String render(List<ModelProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a model load failure needs at least one problem");
    }
    return "cannot load YANG modules ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
