package io.yamano.broker;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.Objects;
import java.util.regex.Pattern;

/** What a reply must show for an action to have succeeded (a health check, a wait condition). */
public sealed interface Check {

  /** {@code null} if {@code reply} passes, else why not. */
  String failure(String reply);

  /** Any reply passes. */
  record None() implements Check {
    @Override
    public String failure(String reply) {
      return null;
    }
  }

  /** The reply contains {@code text}. */
  record Contains(String text) implements Check {
    public Contains {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String failure(String reply) {
      return reply != null && reply.contains(text)
          ? null
          : "the reply does not contain '" + text + "'";
    }
  }

  /** Some part of the reply matches a regular expression. */
  record Matches(Pattern pattern) implements Check {
    public Matches {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String failure(String reply) {
      return reply != null && pattern.matcher(reply).find()
          ? null
          : "the reply does not match /" + pattern.pattern() + "/";
    }
  }

  /**
   * The reply is JSON and the value at a JSON pointer (RFC 6901) is {@code expected} (a string's
   * value, or a number's or boolean's text).
   */
  record JsonEquals(String pointer, String expected) implements Check {
    public JsonEquals {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(expected, "expected");
    }

    @Override
    public String failure(String reply) {
      JsonElement node;
      try {
        node = JsonParser.parseString(reply == null ? "" : reply);
      } catch (RuntimeException e) {
        return "the reply is not JSON";
      }
      if (!pointer.isEmpty()) {
        for (String raw : pointer.substring(1).split("/", -1)) {
          String token = raw.replace("~1", "/").replace("~0", "~");
          if (node != null && node.isJsonObject()) {
            node = node.getAsJsonObject().get(token);
          } else if (node != null && node.isJsonArray() && token.matches("\\d+")) {
            int i = Integer.parseInt(token);
            node = i < node.getAsJsonArray().size() ? node.getAsJsonArray().get(i) : null;
          } else {
            node = null;
          }
        }
      }
      if (node == null || node.isJsonNull()) {
        return "the reply has nothing at " + pointer;
      }
      String actual = node.isJsonPrimitive() ? node.getAsString() : node.toString();
      return expected.equals(actual)
          ? null
          : pointer + " is '" + actual + "', not '" + expected + "'";
    }
  }
}
