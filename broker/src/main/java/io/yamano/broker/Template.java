package io.yamano.broker;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code {{name}}} placeholders, filled from parameters. A value is escaped for where it
 * lands (XML content, a JSON string, a URL path segment), so a parameter can never change the
 * structure of the message it fills. A placeholder without a value is an error naming it.
 */
public final class Template {
  /** Parameter names: letters, digits, {@code - _ .}. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\-]+)\\s*}}");

  /** Leaves values as they are. */
  public static final UnaryOperator<String> RAW = UnaryOperator.identity();

  /** Escapes a value for XML character data and attribute values. */
  public static final UnaryOperator<String> XML = Template::escapeXml;

  /** Escapes a value for the inside of a JSON string. */
  public static final UnaryOperator<String> JSON = Template::escapeJson;

  /** Percent-encodes a value for a URL path segment or query value. */
  public static final UnaryOperator<String> URL =
      v ->
          java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20");

  private Template() {}

  /**
   * Fills {@code text}.
   *
   * @throws BrokerException {@link BrokerException.Reason#BAD_METADATA} naming the first
   *     placeholder that has no value
   */
  public static String render(String text, Map<String, String> values, UnaryOperator<String> escape)
      throws BrokerException {
    if (text == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    var out = new StringBuilder(text.length() + 32);
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA,
            "no value for parameter '"
                + name
                + "' (known: "
                + new java.util.TreeSet<>(values.keySet())
                + ")");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The placeholder names {@code text} uses, in order of first use. */
  public static java.util.Set<String> names(String text) {
    var names = new java.util.LinkedHashSet<String>();
    if (text != null) {
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static String escapeXml(String value) {
    var out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String escapeJson(String value) {
    var out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
