package io.yamano.netconf.notification;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code edit} of {@code netconf-config-change} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6470#section-2.2">RFC 6470 §2.2</a>).
 *
 * @param target the changed node as an instance-identifier with prefixes; empty for the whole
 *     datastore
 * @param namespaces the prefixes {@code target} uses
 * @param operation {@code create}, {@code delete}, {@code merge} or {@code replace}
 */
public record ConfigEdit(
    Optional<String> target, Map<String, String> namespaces, String operation) {
  public ConfigEdit {
    Objects.requireNonNull(target, "target");
    namespaces = Map.copyOf(namespaces);
    Objects.requireNonNull(operation, "operation");
  }
}
