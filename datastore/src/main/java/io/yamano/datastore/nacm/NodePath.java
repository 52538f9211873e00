package io.yamano.datastore.nacm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;

/**
 * A compiled {@code node-instance-identifier} (RFC 8341 §3.2.4, the {@code path} of a data-node
 * rule): {@code /} for everything, or steps such as {@code /ex:top/ex:item[ex:id='a']/value}. A
 * prefix is a module's prefix or name; an unprefixed step is in its parent's module. A step without
 * key predicates matches every entry of a list.
 */
public record NodePath(List<Step> steps) {
  /**
   * One step.
   *
   * @param name the data node
   * @param keys key predicates ({@code [key='value']}), by key name
   * @param value a leaf-list entry's value ({@code [.='value']}), if given
   */
  public record Step(QName name, Map<QName, String> keys, Optional<String> value) {
    public Step {
      Objects.requireNonNull(name, "name");
      keys = Map.copyOf(keys);
      Objects.requireNonNull(value, "value");
    }

    boolean matches(NodeStep node) {
      if (!name.equals(node.name)) {
        return false;
      }
      for (var key : keys.entrySet()) {
        if (node.keys == null || !sameValue(key.getValue(), node.keys.get(key.getKey()))) {
          return false;
        }
      }
      return value.isEmpty() || (node.value != null && sameValue(value.get(), node.value));
    }

    private static boolean sameValue(String text, Object value) {
      if (value == null) {
        return false;
      }
      if (value instanceof QName q) {
        return text.equals(q.getLocalName()) || text.endsWith(":" + q.getLocalName());
      }
      return text.equals(String.valueOf(value));
    }
  }

  public NodePath {
    steps = List.copyOf(steps);
  }

  /** Whether {@code node} is the node this path names or one of its descendants (§3.4.5). */
  boolean matches(NodeStep node) {
    if (steps.isEmpty()) {
      return true;
    }
    if (node == null || node.depth < steps.size()) {
      return false;
    }
    var s = node.at(steps.size());
    for (int i = steps.size() - 1; i >= 0; i--, s = s.parent) {
      if (!steps.get(i).matches(s)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the path names a node strictly below {@code node} (or below the root, if null). */
  boolean reachesBelow(NodeStep node) {
    int depth = node == null ? 0 : node.depth;
    if (steps.size() <= depth) {
      return false;
    }
    var s = node;
    for (int i = depth - 1; i >= 0; i--, s = s.parent) {
      if (!steps.get(i).matches(s)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException with what is wrong: bad syntax or an unknown prefix
   */
  static NodePath parse(String text, SchemaIndex schema) {
    var t = text.trim();
    if (t.equals("/")) {
      return new NodePath(List.of());
    }
    if (!t.startsWith("/")) {
      throw new IllegalArgumentException("'" + text + "' does not start with '/'");
    }
    var steps = new ArrayList<Step>();
    int i = 1;
    QNameModule module = null;
    while (i <= t.length()) {
      int start = i;
      while (i < t.length() && t.charAt(i) != '/' && t.charAt(i) != '[') {
        i++;
      }
      var qualified = t.substring(start, i).trim();
      if (qualified.isEmpty()) {
        throw new IllegalArgumentException("'" + text + "' has an empty step");
      }
      var name = resolve(qualified, module, schema, text);
      module = name.getModule();
      var keys = new LinkedHashMap<QName, String>();
      Optional<String> value = Optional.empty();
      while (i < t.length() && t.charAt(i) == '[') {
        int close = predicateEnd(t, i, text);
        var predicate = t.substring(i + 1, close);
        int eq = predicate.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(
              "'" + text + "': predicate [" + predicate + "] has no '='");
        }
        var left = predicate.substring(0, eq).trim();
        var right = unquote(predicate.substring(eq + 1).trim(), text);
        if (left.equals(".")) {
          value = Optional.of(right);
        } else {
          keys.put(resolve(left, module, schema, text), right);
        }
        i = close + 1;
      }
      steps.add(new Step(name, keys, value));
      if (i < t.length() && t.charAt(i) != '/') {
        throw new IllegalArgumentException("'" + text + "': unexpected '" + t.charAt(i) + "'");
      }
      i++;
    }
    return new NodePath(steps);
  }

  private static int predicateEnd(String t, int open, String text) {
    char quote = 0;
    for (int j = open + 1; j < t.length(); j++) {
      char c = t.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ']') {
        return j;
      }
    }
    throw new IllegalArgumentException("'" + text + "': unclosed predicate");
  }

  private static String unquote(String s, String text) {
    if (s.length() >= 2
        && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    throw new IllegalArgumentException("'" + text + "': predicate value " + s + " is not quoted");
  }

  private static QName resolve(
      String qualified, QNameModule parent, SchemaIndex schema, String text) {
    int colon = qualified.indexOf(':');
    if (colon < 0) {
      if (parent == null) {
        throw new IllegalArgumentException(
            "'" + text + "': the first step needs a prefix (module prefix or name)");
      }
      return QName.create(parent, qualified);
    }
    var prefix = qualified.substring(0, colon);
    var module =
        schema
            .moduleByPrefixOrName(prefix)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'"
                            + text
                            + "': no loaded module has the prefix or name '"
                            + prefix
                            + "'"));
    return QName.create(module, qualified.substring(colon + 1));
  }
}
