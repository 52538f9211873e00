package io.yamano.vim.resourceless;

import io.yamano.vim.OwnerTag;
import io.yamano.vim.VimException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The failure rules of one resource-less VIM. Every call of the VIM asks {@link #check} before it
 * changes anything; rules are evaluated in the order they were added, all of them advance their
 * counters and random draws on every call, and the first that fires wins. Thread-safe.
 */
public final class FailureInjector {

  /** A rule in force; {@link #remove()} disarms it. */
  public final class Armed {
    private final FailureRule rule;
    private final Random random;
    private long calls;
    private long fired;

    private Armed(FailureRule rule) {
      this.rule = rule;
      this.random = rule instanceof FailureRule.WithProbability p ? new Random(p.seed()) : null;
    }

    public FailureRule rule() {
      return rule;
    }

    /** How many calls this rule has failed. */
    public long fired() {
      synchronized (FailureInjector.this) {
        return fired;
      }
    }

    public void remove() {
      synchronized (FailureInjector.this) {
        rules.remove(this);
      }
    }

    private boolean fires(Operation operation, Subject subject) {
      if (rule instanceof FailureRule.NthCall nth) {
        return nth.operation() == operation && ++calls == nth.n();
      }
      if (rule instanceof FailureRule.MatchingResource match) {
        return match.operations().contains(operation) && subject.matches(match);
      }
      if (rule instanceof FailureRule.WithProbability chance) {
        return chance.operations().contains(operation) && random.nextDouble() < chance.p();
      }
      throw new IllegalStateException("unknown rule " + rule);
    }
  }

  /**
   * What a call is about; any part may be {@code null}. Calls about the whole account (usage, list)
   * have kind {@code account} and the account's name.
   */
  record Subject(String kind, String id, String name, OwnerTag owner) {
    boolean matches(FailureRule.MatchingResource rule) {
      var pattern = rule.pattern();
      return (id != null && pattern.matcher(id).find())
          || (name != null && pattern.matcher(name).find())
          || (owner != null && pattern.matcher(owner.toString()).find());
    }

    @Override
    public String toString() {
      String what = kind == null ? "" : kind;
      if (name != null) {
        what += " '" + name + "'";
      }
      if (id != null) {
        what += " (" + id + ")";
      }
      return what.strip();
    }
  }

  private final List<Armed> rules = new ArrayList<>();

  /** Arms a rule; it stays in force until removed or {@link #clear() cleared}. */
  public synchronized Armed add(FailureRule rule) {
    var armed = new Armed(java.util.Objects.requireNonNull(rule, "rule"));
    rules.add(armed);
    return armed;
  }

  /** Disarms every rule. */
  public synchronized void clear() {
    rules.clear();
  }

  public synchronized List<FailureRule> rules() {
    return rules.stream().map(Armed::rule).toList();
  }

  synchronized void check(String account, Operation operation, Subject subject)
      throws VimException {
    Armed first = null;
    for (Armed armed : List.copyOf(rules)) {
      if (armed.fires(operation, subject) && first == null) {
        first = armed;
      }
    }
    if (first != null) {
      first.fired++;
      throw new VimException(
          first.rule().reason(),
          "injected failure in VIM account '"
              + account
              + "': "
              + operation
              + " of "
              + subject
              + " (rule: "
              + first.rule()
              + ")");
    }
  }
}
