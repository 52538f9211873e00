package io.yamano.datastore.nacm;

import java.util.Objects;
import java.util.Optional;

/** The {@code rule-type} choice of a rule (RFC 8341 §3.2.4). */
public sealed interface RuleType {
  /** No rule-type: the rule matches every request kind. */
  record Any() implements RuleType {}

  /** {@code rpc-name}: protocol operations; empty name is {@code *}. */
  record ProtocolOperation(Optional<String> rpcName) implements RuleType {
    public ProtocolOperation {
      Objects.requireNonNull(rpcName, "rpcName");
    }

    boolean matches(String name) {
      return rpcName.isEmpty() || rpcName.get().equals(name);
    }
  }

  /** {@code notification-name}: event notifications; empty name is {@code *}. */
  record Notification(Optional<String> notificationName) implements RuleType {
    public Notification {
      Objects.requireNonNull(notificationName, "notificationName");
    }

    boolean matches(String name) {
      return notificationName.isEmpty() || notificationName.get().equals(name);
    }
  }

  /**
   * {@code path}: a data node, action or notification and its descendants.
   *
   * @param text the path as configured
   * @param path the compiled path; empty when it names nothing in the schema (the rule then matches
   *     nothing)
   */
  record DataNode(String text, Optional<NodePath> path) implements RuleType {
    public DataNode {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(path, "path");
    }
  }
}
