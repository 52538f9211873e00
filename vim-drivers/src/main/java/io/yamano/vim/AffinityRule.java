package io.yamano.vim;

import java.util.Objects;

/**
 * Membership of a compute resource in an affinity group: all members of a group go to the same
 * place ({@link Policy#AFFINITY}) or each to a different place ({@link Policy#ANTI_AFFINITY}),
 * where a place is a host or a zone ({@link Scope}). A VIM that cannot honour a rule refuses the
 * request.
 */
public record AffinityRule(String group, Policy policy, Scope scope)
    implements java.io.Serializable {

  public enum Policy {
    AFFINITY,
    ANTI_AFFINITY
  }

  public enum Scope {
    HOST,
    ZONE
  }

  public AffinityRule {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(scope, "scope");
    if (group.isBlank()) {
      throw new IllegalArgumentException("an affinity group needs a name");
    }
  }

  public static AffinityRule antiAffinity(String group, Scope scope) {
    return new AffinityRule(group, Policy.ANTI_AFFINITY, scope);
  }

  public static AffinityRule affinity(String group, Scope scope) {
    return new AffinityRule(group, Policy.AFFINITY, scope);
  }

  @Override
  public String toString() {
    return (policy == Policy.AFFINITY ? "affinity" : "anti-affinity")
        + " group '"
        + group
        + "' (per "
        + scope.name().toLowerCase(java.util.Locale.ROOT)
        + ")";
  }
}
