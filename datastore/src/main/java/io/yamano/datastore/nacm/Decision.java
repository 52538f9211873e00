package io.yamano.datastore.nacm;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one access check and why: the rule that matched, or the default or extension that
 * applied when none did (RFC 8341 §3.4.4 to §3.4.6).
 *
 * @param permitted whether the access is allowed
 * @param ruleList the rule-list of the deciding rule, if a rule decided
 * @param rule the deciding rule's name, if a rule decided
 * @param reason a sentence saying why, for operators and the audit log
 */
public record Decision(
    boolean permitted, Optional<String> ruleList, Optional<String> rule, String reason) {
  public Decision {
    Objects.requireNonNull(ruleList, "ruleList");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
  }

  static Decision byRule(RuleList list, Rule rule) {
    return new Decision(
        rule.permit(),
        Optional.of(list.name()),
        Optional.of(rule.name()),
        "rule '"
            + rule.name()
            + "' of rule-list '"
            + list.name()
            + "' "
            + (rule.permit() ? "permits" : "denies")
            + " it");
  }

  static Decision other(boolean permitted, String reason) {
    return new Decision(permitted, Optional.empty(), Optional.empty(), reason);
  }
}
