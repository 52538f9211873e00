package io.yamano.server.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the audit trail.
 *
 * @param time when it happened
 * @param event {@code session-start}, {@code session-end}, {@code commit}, {@code access-denied} or
 *     {@code login-failed} (the enumeration of {@code yamano-aaa:audit-event})
 * @param fields the other leaves of {@code audit-event} that apply, by name, in order
 */
public record AuditEvent(Instant time, String event, Map<String, String> fields) {
  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** One JSON object on one line. */
  String toJson() {
    var b = new StringBuilder("{\"time\":\"").append(time).append("\",\"event\":");
    json(b, event);
    for (var e : fields.entrySet()) {
      b.append(',');
      json(b, e.getKey());
      b.append(':');
      json(b, e.getValue());
    }
    return b.append('}').toString();
  }

  /** The {@code audit-event} notification content. */
  String toXml(String namespace) {
    var b = new StringBuilder("<audit-event xmlns=\"").append(namespace).append("\">");
    element(b, "event", event);
    for (var e : fields.entrySet()) {
      element(b, e.getKey(), e.getValue());
    }
    return b.append("</audit-event>").toString();
  }

  private static void element(StringBuilder b, String name, String value) {
    b.append('<').append(name).append('>');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    b.append("</").append(name).append('>');
  }

  private static void json(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
