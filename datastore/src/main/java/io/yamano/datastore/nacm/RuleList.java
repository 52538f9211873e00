package io.yamano.datastore.nacm;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One {@code /nacm/rule-list} (RFC 8341 §3.2.4): rules for the groups named, in order.
 *
 * @param name the rule-list's name
 * @param groups the groups it applies to ({@code *} is every group)
 * @param rules the rules in configuration order
 */
public record RuleList(String name, Set<String> groups, List<Rule> rules) {
  public RuleList {
    Objects.requireNonNull(name, "name");
    groups = Set.copyOf(groups);
    rules = List.copyOf(rules);
  }

  boolean appliesTo(Set<String> userGroups) {
    if (groups.contains("*")) {
      return !userGroups.isEmpty();
    }
    for (var g : groups) {
      if (userGroups.contains(g)) {
        return true;
      }
    }
    return false;
  }
}
