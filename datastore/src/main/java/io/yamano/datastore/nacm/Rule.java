package io.yamano.datastore.nacm;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code /nacm/rule-list/rule} (RFC 8341 §3.2.4).
 *
 * @param name the rule's name
 * @param module the {@code module-name}, empty for {@code *}
 * @param type what kind of request the rule applies to
 * @param operations the access operations it matches ({@code *} is all of them)
 * @param permit {@code action}: permit or deny
 */
public record Rule(
    String name, Optional<String> module, RuleType type, Set<Access> operations, boolean permit) {
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(type, "type");
    operations = Set.copyOf(operations);
  }

  boolean matchesModule(String moduleName) {
    return module.isEmpty() || module.get().equals(moduleName);
  }

  /** Matches every module, every node and the given operation: decides everything alike. */
  boolean isUniversal(Access access) {
    return module.isEmpty() && type instanceof RuleType.Any && operations.contains(access);
  }
}
