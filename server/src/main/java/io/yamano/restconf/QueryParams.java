package io.yamano.restconf;

import io.yamano.netconf.data.WithDefaultsMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of <a href="https://www.rfc-editor.org/rfc/rfc8040#section-4.8">RFC 8040
 * §4.8</a>, checked once: an unknown one, a repeated one, a bad value, or one the method does not
 * take is a 400 with error-tag {@code invalid-value}.
 */
final class QueryParams {
  /** What the {@code content} parameter selects (§4.8.1). */
  enum Content {
    ALL,
    CONFIG,
    NONCONFIG
  }

  /** Where {@code insert} puts an entry (§4.8.5). */
  enum Insert {
    FIRST,
    LAST,
    BEFORE,
    AFTER
  }

  static final Set<String> KNOWN =
      Set.of(
          "content",
          "depth",
          "fields",
          "filter",
          "insert",
          "point",
          "start-time",
          "stop-time",
          "with-defaults");

  private final Map<String, String> values;

  private QueryParams(Map<String, String> values) {
    this.values = values;
  }

  /** Parses a raw query string ({@code a=b&c=d}, percent-encoded). */
  static QueryParams parse(String rawQuery) throws RestconfException {
    var values = new LinkedHashMap<String, String>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = ApiPath.decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : ApiPath.decode(pair.substring(eq + 1));
        if (!KNOWN.contains(name)) {
          throw RestconfException.badParameter(
              name, "unknown query parameter '" + name + "' (RFC 8040 §4.8 lists " + KNOWN + ")");
        }
        if (values.putIfAbsent(name, value) != null) {
          throw RestconfException.badParameter(
              name, "query parameter '" + name + "' appears more than once (RFC 8040 §4.8)");
        }
      }
    }
    return new QueryParams(values);
  }

  /** Refuses every parameter not in {@code allowed} for this method and resource. */
  void allowOnly(Set<String> allowed, String where) throws RestconfException {
    for (String name : values.keySet()) {
      if (!allowed.contains(name)) {
        throw RestconfException.badParameter(
            name, "query parameter '" + name + "' is not allowed for " + where);
      }
    }
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> raw(String name) {
    return Optional.ofNullable(values.get(name));
  }

  Content content() throws RestconfException {
    var v = values.get("content");
    if (v == null) {
      return Content.ALL;
    }
    return switch (v) {
      case "all" -> Content.ALL;
      case "config" -> Content.CONFIG;
      case "nonconfig" -> Content.NONCONFIG;
      default ->
          throw RestconfException.badParameter(
              "content", "content is all, config or nonconfig, not '" + v + "'");
    };
  }

  /** The depth limit (§4.8.2), or 0 for unbounded. */
  int depth() throws RestconfException {
    var v = values.get("depth");
    if (v == null || v.equals("unbounded")) {
      return 0;
    }
    try {
      int d = Integer.parseInt(v);
      if (d >= 1 && d <= 65535) {
        return d;
      }
    } catch (NumberFormatException e) {
      // falls through to the error
    }
    throw RestconfException.badParameter(
        "depth", "depth is 'unbounded' or 1..65535, not '" + v + "'");
  }

  Optional<Fields> fields() throws RestconfException {
    var v = values.get("fields");
    return v == null ? Optional.empty() : Optional.of(Fields.parse(v));
  }

  Optional<WithDefaultsMode> withDefaults() throws RestconfException {
    var v = values.get("with-defaults");
    if (v == null) {
      return Optional.empty();
    }
    var mode = WithDefaultsMode.of(v);
    if (mode.isEmpty()) {
      throw RestconfException.badParameter(
          "with-defaults",
          "with-defaults is report-all, trim, explicit or report-all-tagged, not '" + v + "'");
    }
    return mode;
  }

  Optional<Insert> insert() throws RestconfException {
    var v = values.get("insert");
    if (v == null) {
      return Optional.empty();
    }
    var insert =
        switch (v) {
          case "first" -> Insert.FIRST;
          case "last" -> Insert.LAST;
          case "before" -> Insert.BEFORE;
          case "after" -> Insert.AFTER;
          default ->
              throw RestconfException.badParameter(
                  "insert", "insert is first, last, before or after, not '" + v + "'");
        };
    boolean anchored = insert == Insert.BEFORE || insert == Insert.AFTER;
    if (anchored && !values.containsKey("point")) {
      throw RestconfException.badParameter(
          "point", "insert=" + v + " needs the point parameter (RFC 8040 §4.8.6)");
    }
    if (!anchored && values.containsKey("point")) {
      throw RestconfException.badParameter(
          "point", "point is only for insert=before or insert=after (RFC 8040 §4.8.6)");
    }
    return Optional.of(insert);
  }

  /** A {@code start-time} or {@code stop-time} (§4.8.7, §4.8.8): a yang:date-and-time. */
  Optional<Instant> time(String name) throws RestconfException {
    var v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      throw RestconfException.badParameter(
          name, name + " is a date-and-time such as 2026-01-31T12:00:00Z, not '" + v + "'");
    }
  }
}
