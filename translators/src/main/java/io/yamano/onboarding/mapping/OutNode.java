package io.yamano.onboarding.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of the mapped document in Yamano's model, written out as XML for yangtools' parser (which
 * places choice members and checks types once more).
 */
final class OutNode {
  final String name;
  final String text;
  final String identityNamespace;
  final List<OutNode> children = new ArrayList<>();
  OutNode parent;

  private OutNode(String name, String text, String identityNamespace) {
    this.name = name;
    this.text = text;
    this.identityNamespace = identityNamespace;
  }

  static OutNode container(String name) {
    return new OutNode(name, null, "");
  }

  static OutNode leaf(String name, String text, String identityNamespace) {
    return new OutNode(name, text, identityNamespace == null ? "" : identityNamespace);
  }

  OutNode add(OutNode child) {
    child.parent = this;
    children.add(child);
    return child;
  }

  Optional<OutNode> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  List<OutNode> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  Optional<String> text(String childName) {
    return child(childName).map(c -> c.text);
  }

  /** The nearest ancestor (or this node) of that name. */
  Optional<OutNode> ancestor(String ancestorName) {
    for (OutNode n = this; n != null; n = n.parent) {
      if (n.name.equals(ancestorName)) {
        return Optional.of(n);
      }
    }
    return Optional.empty();
  }

  void writeXml(StringBuilder out, String namespace) {
    out.append('<').append(name);
    if (namespace != null) {
      out.append(" xmlns=\"").append(namespace).append('"');
    }
    if (text != null) {
      if (!identityNamespace.isEmpty()) {
        out.append(" xmlns:i=\"").append(escape(identityNamespace)).append("\">i:");
      } else {
        out.append('>');
      }
      out.append(escape(text));
    } else {
      out.append('>');
      for (var child : children) {
        child.writeXml(out, null);
      }
    }
    out.append("</").append(name).append('>');
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
