package io.yamano.datastore.xpath;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates XML Schema regular expressions (<a
 * href="https://www.w3.org/TR/xmlschema-2/#regexs">XSD Part 2, Appendix F</a>), the dialect of YANG
 * {@code pattern} and {@code re-match()}, into {@link Pattern}s.
 *
 * <p>XSD expressions are implicitly anchored at both ends and have no anchors of their own, so
 * {@code ^} and {@code $} are literal characters; the result is wrapped in {@code ^(?:...)$}.
 * Character class subtraction {@code [a-z-[aeiou]]} becomes intersection, {@code \i \c} become XML
 * name character classes, {@code \d \w \s} get their XSD (Unicode) meaning, {@code \p{IsBlock}}
 * names a Unicode block, {@code .} excludes only CR and LF, and the Java-only constructs ({@code
 * &&}, {@code (?}) are rejected or escaped.
 *
 * <p>yangtools has a similar translator, but it is not public API.
 */
final class XsdRegex {
  private static final String NAME_START =
      ":A-Z_a-z\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{2FF}\\x{370}-\\x{37D}\\x{37F}-\\x{1FFF}"
          + "\\x{200C}-\\x{200D}\\x{2070}-\\x{218F}\\x{2C00}-\\x{2FEF}\\x{3001}-\\x{D7FF}"
          + "\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFFD}\\x{10000}-\\x{EFFFF}";
  private static final String NAME_CHAR =
      NAME_START + "\\-.0-9\\x{B7}\\x{300}-\\x{36F}\\x{203F}-\\x{2040}";
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private XsdRegex() {}

  /**
   * Compiles an XSD regular expression.
   *
   * @throws XPathEvaluationException if it is not a valid XSD regular expression
   */
  static Pattern compile(final String xsd) {
    final Pattern cached = CACHE.get(xsd);
    if (cached != null) {
      return cached;
    }
    final Pattern pattern;
    try {
      pattern = Pattern.compile(toJava(xsd));
    } catch (PatternSyntaxException e) {
      throw new XPathEvaluationException(
          "Invalid regular expression '" + xsd + "': " + e.getDescription(), e);
    }
    if (CACHE.size() < 10_000) {
      CACHE.put(xsd, pattern);
    }
    return pattern;
  }

  /** The Java regular expression equivalent to an XSD one, anchored at both ends. */
  static String toJava(final String xsd) {
    final StringBuilder sb = new StringBuilder(xsd.length() + 16).append("^(?:");
    int depth = 0;
    final int len = xsd.length();
    int i = 0;
    while (i < len) {
      final char c = xsd.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 >= len) {
            throw invalid(xsd, "it ends with a lone backslash");
          }
          final char n = xsd.charAt(i + 1);
          i += 2;
          switch (n) {
            case 'i' -> sb.append('[').append(NAME_START).append(']');
            case 'I' -> sb.append("[^").append(NAME_START).append(']');
            case 'c' -> sb.append('[').append(NAME_CHAR).append(']');
            case 'C' -> sb.append("[^").append(NAME_CHAR).append(']');
            case 'd' -> sb.append("\\p{Nd}");
            case 'D' -> sb.append("\\P{Nd}");
            case 's' -> sb.append("[ \\t\\n\\r]");
            case 'S' -> sb.append("[^ \\t\\n\\r]");
            case 'w' -> sb.append("[^\\p{P}\\p{Z}\\p{C}]");
            case 'W' -> sb.append("[\\p{P}\\p{Z}\\p{C}]");
            case 'p', 'P' -> {
              final int close = xsd.indexOf('}', i);
              if (i >= len || xsd.charAt(i) != '{' || close < 0) {
                throw invalid(xsd, "\\" + n + " needs {name}");
              }
              String prop = xsd.substring(i + 1, close);
              if (prop.startsWith("Is")) {
                prop = "In" + prop.substring(2);
              }
              sb.append('\\').append(n).append('{').append(prop).append('}');
              i = close + 1;
            }
            case 'n',
                'r',
                't',
                '\\',
                '|',
                '.',
                '?',
                '*',
                '+',
                '(',
                ')',
                '{',
                '}',
                '-',
                '[',
                ']',
                '^' ->
                sb.append('\\').append(n);
            default -> throw invalid(xsd, "unknown escape \\" + n);
          }
          continue;
        }
        case '[' -> {
          if (depth > 0) {
            throw invalid(xsd, "'[' inside a character class must follow '-' (subtraction)");
          }
          depth++;
          sb.append('[');
          if (i + 1 < len && xsd.charAt(i + 1) == '^') {
            sb.append('^');
            i++;
          }
        }
        case ']' -> {
          if (depth == 0) {
            sb.append("\\]");
          } else {
            depth--;
            sb.append(']');
          }
        }
        case '-' -> {
          if (depth > 0 && i + 1 < len && xsd.charAt(i + 1) == '[') {
            // subtraction: [base-[sub]] is [base&&[^sub]]; [base-[^sub]] is [base&&[sub]]
            i += 2;
            depth++;
            if (i < len && xsd.charAt(i) == '^') {
              sb.append("&&[");
              i++;
            } else {
              sb.append("&&[^");
            }
            continue;
          }
          sb.append(depth > 0 ? "\\-" : "-");
          if (depth > 0
              && i > 0
              && xsd.charAt(i - 1) != '['
              && i + 1 < len
              && xsd.charAt(i + 1) != ']') {
            // a range: undo the escape
            sb.setLength(sb.length() - 2);
            sb.append('-');
          }
        }
        case '^', '$', '&' -> sb.append('\\').append(c);
        case '.' -> sb.append(depth > 0 ? "." : "[^\\n\\r]");
        case '(' -> {
          if (i + 1 < len && xsd.charAt(i + 1) == '?') {
            throw invalid(xsd, "'(?' is not XSD syntax");
          }
          sb.append('(');
        }
        default -> sb.append(c);
      }
      i++;
    }
    if (depth != 0) {
      throw invalid(xsd, "unterminated character class");
    }
    return sb.append(")$").toString();
  }

  private static XPathEvaluationException invalid(final String xsd, final String why) {
    return new XPathEvaluationException("Invalid regular expression '" + xsd + "': " + why);
  }
}
