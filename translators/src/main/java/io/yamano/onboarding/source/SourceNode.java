package io.yamano.onboarding.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of an input document, before it is matched to a schema. A list or leaf-list appears as
 * several siblings with the same name, whatever the input syntax.
 *
 * @param module the XML namespace or JSON/YAML module prefix the node was qualified with, or ""
 * @param name the local name
 * @param text the scalar text exactly as written; empty for containers and list entries
 * @param kind how the scalar was written ({@link ScalarKind#NONE} when not a scalar)
 * @param children child nodes in input order
 * @param inSequence whether the node came from a JSON/YAML array (XML: always true, as XML repeats
 *     elements for lists)
 */
public record SourceNode(
    String module,
    String name,
    Optional<String> text,
    ScalarKind kind,
    List<SourceNode> children,
    boolean inSequence) {
  public SourceNode {
    module = module == null ? "" : module;
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    children = List.copyOf(children);
  }

  /** A scalar leaf. */
  public static SourceNode leaf(String name, String text, ScalarKind kind) {
    return new SourceNode("", name, Optional.of(text), kind, List.of(), false);
  }

  /** A container or list entry. */
  public static SourceNode container(String name, List<SourceNode> children) {
    return new SourceNode("", name, Optional.empty(), ScalarKind.NONE, children, false);
  }

  /** A list entry (as if written in an array). */
  public static SourceNode entry(String name, List<SourceNode> children) {
    return new SourceNode("", name, Optional.empty(), ScalarKind.NONE, children, true);
  }

  public boolean isScalar() {
    return kind != ScalarKind.NONE;
  }

  /** The first child of that name. */
  public Optional<SourceNode> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  /** All children of that name (the entries of a list). */
  public List<SourceNode> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The text of the first child of that name. */
  public Optional<String> textOf(String childName) {
    return child(childName).flatMap(SourceNode::text);
  }

  public SourceNode withName(String newName) {
    return new SourceNode(module, newName, text, kind, children, inSequence);
  }

  public SourceNode withText(String newText) {
    return new SourceNode(module, name, Optional.of(newText), kind, children, inSequence);
  }

  public SourceNode withChildren(List<SourceNode> newChildren) {
    return new SourceNode(module, name, text, kind, newChildren, inSequence);
  }

  /** A copy without the children of that name. */
  public SourceNode without(String childName) {
    return withChildren(children.stream().filter(c -> !c.name.equals(childName)).toList());
  }

  /** A copy with {@code extra} appended to the children. */
  public SourceNode plus(SourceNode extra) {
    var list = new ArrayList<>(children);
    list.add(extra);
    return withChildren(list);
  }

  /** Compact JSON-like rendering, for reports. */
  public String render() {
    var out = new StringBuilder();
    render(out);
    return out.toString();
  }

  private void render(StringBuilder out) {
    if (isScalar()) {
      out.append(
          kind == ScalarKind.STRING || kind == ScalarKind.UNTYPED
              ? quote(text.orElse(""))
              : text.orElse("null"));
      return;
    }
    out.append('{');
    var names = new java.util.LinkedHashMap<String, List<SourceNode>>();
    for (var child : children) {
      names.computeIfAbsent(child.name, k -> new ArrayList<>()).add(child);
    }
    boolean first = true;
    for (var entry : names.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      out.append(quote(entry.getKey())).append(": ");
      var nodes = entry.getValue();
      if (nodes.size() == 1 && !nodes.get(0).inSequence) {
        nodes.get(0).render(out);
      } else {
        out.append('[');
        for (int i = 0; i < nodes.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          nodes.get(i).render(out);
        }
        out.append(']');
      }
    }
    out.append('}');
  }

  private static String quote(String s) {
    var out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
