package io.yamano.vim.resourceless;

import io.yamano.vim.VimException.Reason;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When the resource-less VIM fails a call on purpose. A failed call changes nothing and throws a
 * {@link io.yamano.vim.VimException} with the rule's {@link #reason()} ({@code INJECTED_FAILURE}
 * unless {@link #as(Reason) changed}, for example to {@code UNREACHABLE} to imitate an outage).
 */
public sealed interface FailureRule {

  /** The reason the failed call reports. */
  Reason reason();

  /** The same rule, failing with another reason. */
  FailureRule as(Reason reason);

  /**
   * Fails the {@code n}th call (1-based, counted from when the rule is added) of one operation,
   * once.
   */
  static FailureRule nthCall(Operation operation, long n) {
    return new NthCall(operation, n, Reason.INJECTED_FAILURE);
  }

  /**
   * Fails every call of the given operations (all operations if none given) about a resource whose
   * name, id or owner tag ({@code ns/vnf/element}) contains a match of {@code regex}; for calls
   * about the whole account (usage, list) the name is the account's.
   */
  static FailureRule matching(String regex, Operation... operations) {
    return new MatchingResource(
        Pattern.compile(regex), operationSet(operations), Reason.INJECTED_FAILURE);
  }

  /**
   * Fails each call of the given operations (all if none given) with probability {@code p}, drawn
   * from a {@link java.util.Random} seeded with {@code seed}: the same calls in the same order fail
   * the same way on every run.
   */
  static FailureRule withProbability(double p, long seed, Operation... operations) {
    return new WithProbability(p, seed, operationSet(operations), Reason.INJECTED_FAILURE);
  }

  private static Set<Operation> operationSet(Operation... operations) {
    return operations.length == 0
        ? EnumSet.allOf(Operation.class)
        : EnumSet.copyOf(java.util.List.of(operations));
  }

  /** See {@link FailureRule#nthCall}. */
  record NthCall(Operation operation, long n, Reason reason) implements FailureRule {
    public NthCall {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(reason, "reason");
      if (n < 1) {
        throw new IllegalArgumentException("calls are counted from 1: " + n);
      }
    }

    @Override
    public NthCall as(Reason value) {
      return new NthCall(operation, n, value);
    }

    @Override
    public String toString() {
      return "call #" + n + " of " + operation;
    }
  }

  /** See {@link FailureRule#matching}. */
  record MatchingResource(Pattern pattern, Set<Operation> operations, Reason reason)
      implements FailureRule {
    public MatchingResource {
      Objects.requireNonNull(pattern, "pattern");
      operations = Set.copyOf(operations);
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public MatchingResource as(Reason value) {
      return new MatchingResource(pattern, operations, value);
    }

    @Override
    public String toString() {
      return "resources matching /" + pattern + "/";
    }
  }

  /** See {@link FailureRule#withProbability}. */
  record WithProbability(double p, long seed, Set<Operation> operations, Reason reason)
      implements FailureRule {
    public WithProbability {
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException("a probability is within [0, 1]: " + p);
      }
      operations = Set.copyOf(operations);
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public WithProbability as(Reason value) {
      return new WithProbability(p, seed, operations, value);
    }

    @Override
    public String toString() {
      return "probability " + p + " (seed " + seed + ")";
    }
  }
}
