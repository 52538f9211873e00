package io.yamano.cli.render;

import io.yamano.cli.schema.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.ValueNode;

/**
 * Data as CLI text: one {@code name value;} line per leaf, {@code name {...}} blocks for
 * containers, {@code list key {...}} per list entry (keys in the header only), leaf-lists as {@code
 * name [ a b ];}. Choices are transparent. The same layout shows diffs with {@code +} and {@code -}
 * in front of added and removed lines.
 */
public final class TextRenderer {
  private static final String INDENT = "    ";
  private final Values values;

  public TextRenderer(Values values) {
    this.values = values;
  }

  /** Renders the children of {@code node} (a container, entry or the root). */
  public void renderChildren(NormalizedNode node, StringBuilder out) {
    if (node instanceof DataContainerNode container) {
      for (var child : container.body()) {
        render(child, "", ' ', out, false);
      }
    } else {
      render(node, "", ' ', out, false);
    }
  }

  /** Renders one node with its name. */
  public void render(NormalizedNode node, StringBuilder out) {
    render(node, "", ' ', out, false);
  }

  private void render(
      NormalizedNode node, String indent, char mark, StringBuilder out, boolean marked) {
    if (node instanceof ChoiceNode choice) {
      for (var child : choice.body()) {
        render(child, indent, mark, out, marked);
      }
    } else if (node instanceof MapNode map) {
      for (var entry : map.body()) {
        render(entry, indent, mark, out, marked);
      }
    } else if (node instanceof UnkeyedListNode list) {
      for (var entry : list.body()) {
        block(name(entry), entry, indent, mark, out, marked);
      }
    } else if (node instanceof MapEntryNode entry) {
      block(header(entry), entry, indent, mark, out, marked);
    } else if (node instanceof DataContainerNode container) {
      block(name(node), container, indent, mark, out, marked);
    } else if (node instanceof LeafSetNode<?> set) {
      var items = new ArrayList<String>();
      for (var e : set.body()) {
        items.add(Values.quote(values.format(e.body(), e.name().getNodeType().getModule())));
      }
      line(out, mark, marked, indent + name(node) + " [ " + String.join(" ", items) + " ];");
    } else if (node instanceof LeafNode<?> leaf) {
      var text = values.format(leaf.body(), leaf.name().getNodeType().getModule());
      line(
          out,
          mark,
          marked,
          indent + name(node) + (text.isEmpty() ? "" : " " + Values.quote(text)) + ";");
    } else if (node instanceof ValueNode<?> value) {
      line(out, mark, marked, indent + Values.quote(String.valueOf(value.body())) + ";");
    }
  }

  private void block(
      String header,
      DataContainerNode container,
      String indent,
      char mark,
      StringBuilder out,
      boolean marked) {
    var keys = container instanceof MapEntryNode e ? e.name().keySet() : java.util.Set.of();
    var children =
        container.body().stream().filter(c -> !keys.contains(c.name().getNodeType())).toList();
    if (children.isEmpty()) {
      line(out, mark, marked, indent + header + ";");
      return;
    }
    line(out, mark, marked, indent + header + " {");
    for (var child : children) {
      render(child, indent + INDENT, mark, out, marked);
    }
    line(out, mark, marked, indent + "}");
  }

  private static void line(StringBuilder out, char mark, boolean marked, String text) {
    if (marked) {
      out.append(mark).append(' ');
    }
    out.append(text).append('\n');
  }

  static String name(NormalizedNode node) {
    return node.name().getNodeType().getLocalName();
  }

  String header(MapEntryNode entry) {
    var sb = new StringBuilder(name(entry));
    for (var key : entry.name().entrySet()) {
      sb.append(' ').append(Values.quote(values.format(key.getValue(), key.getKey().getModule())));
    }
    return sb.toString();
  }

  /**
   * The differences from {@code before} to {@code after} (two versions of one container or the
   * root): unchanged parents as context, removed lines with {@code -}, added with {@code +}.
   */
  public void renderDiff(NormalizedNode before, NormalizedNode after, StringBuilder out) {
    diffChildren(children(before), children(after), "", out);
  }

  private static Map<PathArgument, NormalizedNode> children(NormalizedNode node) {
    var out = new LinkedHashMap<PathArgument, NormalizedNode>();
    if (node instanceof DataContainerNode container) {
      container.body().forEach(c -> out.put(c.name(), c));
    } else if (node instanceof MapNode map) {
      map.body().forEach(c -> out.put(c.name(), c));
    } else if (node instanceof ChoiceNode choice) {
      choice.body().forEach(c -> out.put(c.name(), c));
    }
    return out;
  }

  private void diffChildren(
      Map<PathArgument, NormalizedNode> before,
      Map<PathArgument, NormalizedNode> after,
      String indent,
      StringBuilder out) {
    var names = new ArrayList<PathArgument>(before.keySet());
    for (var k : after.keySet()) {
      if (!before.containsKey(k)) {
        names.add(k);
      }
    }
    for (var name : names) {
      var b = before.get(name);
      var a = after.get(name);
      if (b != null && b.equals(a)) {
        continue;
      }
      if (a == null) {
        render(b, indent, '-', out, true);
      } else if (b == null) {
        render(a, indent, '+', out, true);
      } else if (a instanceof MapNode || a instanceof ChoiceNode) {
        diffChildren(children(b), children(a), indent, out);
      } else if (a instanceof DataContainerNode) {
        var header = a instanceof MapEntryNode e ? header(e) : name(a);
        var sub = new StringBuilder();
        diffChildren(children(b), children(a), indent + INDENT, sub);
        if (!sub.isEmpty()) {
          out.append("  ").append(indent).append(header).append(" {\n");
          out.append(sub);
          out.append("  ").append(indent).append("}\n");
        }
      } else {
        render(b, indent, '-', out, true);
        render(a, indent, '+', out, true);
      }
    }
  }

  /**
   * Entries of a list as a table: keys first, then the leaves any entry has; returns whether nested
   * data was left out.
   */
  public boolean renderTable(MapNode list, StringBuilder out) {
    boolean nested = false;
    var columns = new ArrayList<String>();
    var rows = new ArrayList<Map<String, String>>();
    for (var entry : list.body()) {
      var row = new LinkedHashMap<String, String>();
      for (var key : entry.name().entrySet()) {
        row.put(
            key.getKey().getLocalName(), values.format(key.getValue(), key.getKey().getModule()));
      }
      for (var child : entry.body()) {
        if (child instanceof LeafNode<?> leaf) {
          row.putIfAbsent(
              name(leaf), values.format(leaf.body(), leaf.name().getNodeType().getModule()));
        } else if (!(child instanceof LeafSetNode<?>)) {
          nested = true;
        } else if (child instanceof LeafSetNode<?> set) {
          row.putIfAbsent(
              name(set),
              String.join(
                  ",",
                  set.body().stream()
                      .map(e -> values.format(e.body(), e.name().getNodeType().getModule()))
                      .toList()));
        }
      }
      for (var column : row.keySet()) {
        if (!columns.contains(column)) {
          columns.add(column);
        }
      }
      rows.add(row);
    }
    var widths = new ArrayList<Integer>();
    for (var column : columns) {
      int w = column.length();
      for (var row : rows) {
        w = Math.max(w, row.getOrDefault(column, "-").length());
      }
      widths.add(w);
    }
    appendRow(out, columns, widths);
    var rule = new ArrayList<String>();
    widths.forEach(w -> rule.add("-".repeat(w)));
    appendRow(out, rule, widths);
    for (var row : rows) {
      var cells = new ArrayList<String>();
      columns.forEach(c -> cells.add(row.getOrDefault(c, "-")));
      appendRow(out, cells, widths);
    }
    return nested;
  }

  private static void appendRow(StringBuilder out, List<String> cells, List<Integer> widths) {
    var line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths.get(i) - cells.get(i).length()));
      }
    }
    out.append(line).append('\n');
  }

  static boolean isEntry(PathArgument arg) {
    return arg instanceof NodeIdentifierWithPredicates;
  }
}
