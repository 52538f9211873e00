package io.yamano.restconf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * A parsed {@code fields} expression (<a
 * href="https://www.rfc-editor.org/rfc/rfc8040#section-4.8.3">RFC 8040 §4.8.3</a>): which
 * descendants to return, as a tree of node names; a name without children selects its whole
 * subtree. {@code fields=a(b;c/d);e} gives {@code a -> {b, c -> {d}}, e}.
 *
 * @param children selected child names ({@code module:name} or {@code name}); empty selects all
 */
record Fields(Map<String, Fields> children) {
  static final Fields ALL = new Fields(Map.of());

  boolean selectsAll() {
    return children.isEmpty();
  }

  /** The selection for a child, or {@code null} if the child is not selected. */
  Fields child(QName name, EffectiveModelContext schema) {
    var plain = children.get(name.getLocalName());
    if (plain != null) {
      return plain;
    }
    var module = schema.findModule(name.getModule());
    if (module.isPresent()) {
      return children.get(module.get().getName() + ":" + name.getLocalName());
    }
    return null;
  }

  static Fields parse(String expression) throws RestconfException {
    var parser = new Parser(expression);
    var fields = parser.expression();
    if (parser.at < expression.length()) {
      throw parser.error();
    }
    return fields;
  }

  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Fields expression() throws RestconfException {
      var out = new LinkedHashMap<String, Fields>();
      while (true) {
        var path = new java.util.ArrayList<String>();
        path.add(identifier());
        while (peek('/')) {
          at++;
          path.add(identifier());
        }
        Fields leaf = ALL;
        if (peek('(')) {
          at++;
          leaf = expression();
          if (!peek(')')) {
            throw error();
          }
          at++;
        }
        insert(out, path, leaf);
        if (peek(';')) {
          at++;
          continue;
        }
        return new Fields(Map.copyOf(out));
      }
    }

    private static void insert(Map<String, Fields> into, java.util.List<String> path, Fields leaf) {
      String head = path.get(0);
      if (path.size() == 1) {
        var existing = into.get(head);
        into.put(head, existing == null ? leaf : merge(existing, leaf));
        return;
      }
      var existing = into.get(head);
      var children =
          new LinkedHashMap<String, Fields>(existing == null ? Map.of() : existing.children());
      insert(children, path.subList(1, path.size()), leaf);
      into.put(head, new Fields(Map.copyOf(children)));
    }

    private static Fields merge(Fields a, Fields b) {
      if (a.selectsAll() || b.selectsAll()) {
        return ALL;
      }
      var merged = new LinkedHashMap<>(a.children());
      b.children().forEach((k, v) -> merged.merge(k, v, Parser::merge));
      return new Fields(Map.copyOf(merged));
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private String identifier() throws RestconfException {
      int start = at;
      while (at < text.length()) {
        char c = text.charAt(at);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':') {
          at++;
        } else {
          break;
        }
      }
      if (start == at) {
        throw error();
      }
      return text.substring(start, at);
    }

    RestconfException error() {
      return RestconfException.badParameter(
          "fields",
          "fields expression '"
              + text
              + "' is not valid at position "
              + at
              + " (RFC 8040 §4.8.3: path(sub;sub)/path;path)");
    }
  }
}
