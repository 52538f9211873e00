package io.yamano.datastore.xpath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.ValueNode;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext.Composite;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;

/**
 * An immutable position in a {@link NormalizedNode} data tree, as XPath sees it (<a
 * href="https://www.rfc-editor.org/rfc/rfc7950#section-6.4.1">RFC 7950 §6.4.1</a>).
 *
 * <p>The nodes a cursor can stand on are the root, containers, list entries, leaves, leaf-list
 * entries, anydata and anyxml. The yangtools mixin levels are invisible: a {@code ChoiceNode} (and
 * its case) is transparent, each entry of a {@code MapNode} or {@code UnkeyedListNode} is one node
 * named by the list's QName, each entry of a {@code LeafSetNode} is one node named by the
 * leaf-list's QName. Children are ordered as the schema declares them (list keys first); entries of
 * one list in the list's own order.
 *
 * <p>Two cursors are equal when they stand on the same node: same name (with keys) under equal
 * parents. Cursors are cheap; each one created is counted by the {@link XPathEvaluator} whose
 * schema created the root (see {@link XPathEvaluator#visitedNodes()}).
 */
public final class DataCursor {
  private static final PathArgument[] NO_MIXINS = new PathArgument[0];

  private final SchemaSupport support;
  private final DataCursor parent;
  private final NormalizedNode node;
  private final NormalizedNode holder;
  private final PathArgument[] mixins;
  private final DataSchemaContext schema;
  private final int depth;
  private final int hash;
  private volatile YangInstanceIdentifier path;

  private DataCursor(
      final SchemaSupport support,
      final DataCursor parent,
      final NormalizedNode node,
      final NormalizedNode holder,
      final PathArgument[] mixins,
      final DataSchemaContext schema) {
    this.support = support;
    this.parent = parent;
    this.node = node;
    this.holder = holder;
    this.mixins = mixins;
    this.schema = schema;
    this.depth = parent == null ? 0 : parent.depth + 1;
    this.hash = 31 * (parent == null ? 0 : parent.hash) + node.name().hashCode();
    support.visit();
  }

  /**
   * A cursor on the root of a data tree.
   *
   * @param modelContext the schema of the tree
   * @param root the datastore root, a {@code ContainerNode} named {@code SchemaContext.NAME}
   * @return the root cursor
   */
  public static DataCursor root(
      final EffectiveModelContext modelContext, final NormalizedNode root) {
    return root(new SchemaSupport(modelContext), root);
  }

  static DataCursor root(final SchemaSupport support, final NormalizedNode root) {
    if (!(root instanceof DataContainerNode)) {
      throw new IllegalArgumentException(
          "The root must be a container node, not " + root.contract());
    }
    return new DataCursor(support, null, root, null, NO_MIXINS, support.tree().getRoot());
  }

  /** The data node under the cursor (never a choice, map or leaf-set mixin node). */
  public NormalizedNode node() {
    return node;
  }

  /** The parent node, empty at the root. Choice and list levels are skipped. */
  public Optional<DataCursor> parent() {
    return Optional.ofNullable(parent);
  }

  /** Whether this is the root node. */
  public boolean isRoot() {
    return parent == null;
  }

  /** The root of the tree this cursor is in. */
  public DataCursor root() {
    DataCursor cur = this;
    while (cur.parent != null) {
      cur = cur.parent;
    }
    return cur;
  }

  /** The node's name as XPath sees it; {@code null} for the root. */
  public QName qname() {
    return parent == null ? null : node.name().getNodeType();
  }

  /** Number of steps from the root. */
  public int depth() {
    return depth;
  }

  /**
   * The schema context of the node (for list entries the list item, for the root the schema root).
   */
  public DataSchemaContext schemaContext() {
    return schema;
  }

  /** The schema node of the node; at the root the {@link EffectiveModelContext} itself. */
  public DataSchemaNode schemaNode() {
    return schema.dataSchemaNode();
  }

  /** The model context the tree conforms to. */
  public EffectiveModelContext modelContext() {
    return support.modelContext();
  }

  SchemaSupport support() {
    return support;
  }

  /**
   * The full yangtools instance identifier of the node, including the mixin steps (choice, map,
   * leaf-set) the data tree needs.
   */
  public YangInstanceIdentifier path() {
    YangInstanceIdentifier result = path;
    if (result == null) {
      if (parent == null) {
        result = YangInstanceIdentifier.of();
      } else {
        final List<PathArgument> args = new ArrayList<>(parent.path().getPathArguments());
        args.addAll(Arrays.asList(mixins));
        args.add(node.name());
        result = YangInstanceIdentifier.of(args);
      }
      path = result;
    }
    return result;
  }

  /** Whether the node carries a value (leaf, leaf-list entry, anydata or anyxml). */
  public boolean isValueNode() {
    return node instanceof ValueNode;
  }

  /** The value of a leaf or leaf-list entry as stored in the tree; {@code null} for other nodes. */
  public Object value() {
    return node instanceof ValueNode<?> value ? value.body() : null;
  }

  /** The declared type of a leaf or leaf-list node; {@code null} for other nodes. */
  public TypeDefinition<?> type() {
    return schema instanceof DataSchemaContext.SimpleValue simple ? simple.type() : null;
  }

  /**
   * The XPath string-value: for a leaf or leaf-list entry its canonical YANG string (identityref as
   * {@code prefix:name} with the identity module's own prefix, booleans {@code true}/{@code false},
   * bits in position order, binary in base64, empty as ""); for other nodes the concatenation of
   * the string-values of all descendant leaves in document order.
   */
  public String stringValue() {
    if (node instanceof ValueNode<?> value) {
      return Values.canonical(value.body(), type(), support);
    }
    final StringBuilder sb = new StringBuilder();
    appendText(sb);
    return sb.toString();
  }

  private void appendText(final StringBuilder sb) {
    for (DataCursor child : children()) {
      if (child.node instanceof ValueNode<?> value) {
        sb.append(Values.canonical(value.body(), child.type(), support));
      } else {
        child.appendText(sb);
      }
    }
  }

  /** All child nodes in document order. */
  public List<DataCursor> children() {
    if (!(schema instanceof Composite) || !(node instanceof DataContainerNode)) {
      return List.of();
    }
    final List<DataCursor> out = new ArrayList<>();
    for (QName name : support.childOrder(schema.dataSchemaNode())) {
      addChildren(name, out);
    }
    return out;
  }

  /** The child nodes with the given name in document order: several for a list or leaf-list. */
  public List<DataCursor> children(final QName name) {
    final List<DataCursor> out = new ArrayList<>();
    addChildren(name, out);
    return out;
  }

  /** Whether the node has a child with the given name, without materializing list entries. */
  boolean hasChildNamed(final QName name) {
    final Located located = locate(name);
    return located != null && !(located.data instanceof DistinctContainer<?, ?> c && c.isEmpty());
  }

  void addChildren(final QName name, final List<DataCursor> out) {
    final Located located = locate(name);
    if (located == null) {
      return;
    }
    final NormalizedNode data = located.data;
    if (data instanceof MapNode map) {
      final DataSchemaContext item = ((Composite) located.schema).childByQName(name);
      for (NormalizedNode entry : map.body()) {
        out.add(new DataCursor(support, this, entry, map, located.mixins, item));
      }
    } else if (data instanceof LeafSetNode<?> set) {
      final DataSchemaContext item = ((Composite) located.schema).childByQName(name);
      for (NormalizedNode entry : set.body()) {
        out.add(new DataCursor(support, this, entry, set, located.mixins, item));
      }
    } else if (data instanceof UnkeyedListNode list) {
      final DataSchemaContext item = ((Composite) located.schema).childByQName(name);
      for (NormalizedNode entry : list.body()) {
        out.add(new DataCursor(support, this, entry, list, located.mixins, item));
      }
    } else {
      out.add(new DataCursor(support, this, data, null, located.mixins, located.schema));
    }
  }

  /** The {@code MapNode} of a keyed list child, or {@code null}; used by the key lookup. */
  MapNode mapChild(final QName name) {
    final Located located = locate(name);
    return located != null && located.data instanceof MapNode map ? map : null;
  }

  /** The list entry with the given key, looked up in the map, or {@code null}. */
  DataCursor entry(final QName list, final NodeIdentifierWithPredicates key) {
    final Located located = locate(list);
    if (located == null || !(located.data instanceof MapNode map)) {
      return null;
    }
    final NormalizedNode entry = map.childByArg(key);
    if (entry == null) {
      return null;
    }
    final DataSchemaContext item = ((Composite) located.schema).childByQName(list);
    return new DataCursor(support, this, entry, map, located.mixins, item);
  }

  private static NormalizedNode defaultLeaf(final DataSchemaContext child) {
    if (child.dataSchemaNode()
            instanceof org.opendaylight.yangtools.yang.model.api.LeafSchemaNode leaf
        && !leaf.isMandatory()) {
      final Object value = leaf.getType().getDefaultValue().orElse(null);
      if (value != null) {
        return org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode(
            child.pathStep(), value.toString());
      }
    }
    return null;
  }

  private record Located(NormalizedNode data, PathArgument[] mixins, DataSchemaContext schema) {}

  private Located locate(final QName name) {
    if (!(schema instanceof Composite composite)
        || !(node instanceof DataContainerNode container)) {
      return null;
    }
    DataSchemaContext child = composite.childByQName(name);
    DataContainerNode data = container;
    PathArgument[] via = NO_MIXINS;
    while (child != null && child.dataSchemaNode() instanceof ChoiceSchemaNode) {
      final NodeIdentifier choiceId = child.pathStep();
      if (!(data.childByArg(choiceId) instanceof ChoiceNode choice)) {
        return null;
      }
      via = Arrays.copyOf(via, via.length + 1);
      via[via.length - 1] = choiceId;
      data = choice;
      child = ((Composite) child).childByQName(name);
    }
    if (child == null || child.pathStep() == null) {
      return null;
    }
    NormalizedNode found = data.childByArg(child.pathStep());
    if (found == null) {
      // RFC 7950 §6.4.1: in the accessible tree, leaves with a default value in use exist.
      found = defaultLeaf(child);
      if (found == null) {
        return null;
      }
    }
    if (found instanceof MapNode
        || found instanceof LeafSetNode
        || found instanceof UnkeyedListNode) {
      via = Arrays.copyOf(via, via.length + 1);
      via[via.length - 1] = child.pathStep();
    }
    return new Located(found, via, child);
  }

  /**
   * The node at an instance identifier, looked up from the root of this cursor's tree without
   * scanning. The identifier may include the mixin steps yangtools uses or omit them where they are
   * implied.
   *
   * @param target an absolute instance identifier
   * @return the node, or empty if the tree has no such node
   */
  public Optional<DataCursor> find(final YangInstanceIdentifier target) {
    DataCursor cur = root();
    final List<PathArgument> args = target.getPathArguments();
    int i = 0;
    while (i < args.size()) {
      final PathArgument arg = args.get(i);
      final QName name = arg.getNodeType();
      // skip a choice step and the mixin step in front of a list or leaf-list entry
      if (arg instanceof NodeIdentifier
          && i + 1 < args.size()
          && !(args.get(i + 1) instanceof NodeIdentifier)
          && args.get(i + 1).getNodeType().equals(name)) {
        i++;
        continue;
      }
      if (arg instanceof NodeIdentifier
          && cur.schema instanceof Composite composite
          && isChoice(composite.childByArg(arg), name)) {
        i++;
        continue;
      }
      final DataCursor next;
      if (arg instanceof NodeIdentifierWithPredicates keyed) {
        next = cur.entry(name, keyed);
      } else {
        next =
            cur.children(name).stream()
                .filter(c -> arg instanceof NodeIdentifier || c.node.name().equals(arg))
                .findFirst()
                .orElse(null);
      }
      if (next == null) {
        return Optional.empty();
      }
      cur = next;
      i++;
    }
    return Optional.of(cur);
  }

  private static boolean isChoice(final DataSchemaContext context, final QName name) {
    return context != null
        && context.dataSchemaNode() instanceof ChoiceSchemaNode choice
        && choice.getQName().equals(name);
  }

  /**
   * The entry container (map, leaf-set or unkeyed list) of a list or leaf-list entry, else null.
   */
  NormalizedNode holder() {
    return holder;
  }

  DataCursor parentOrNull() {
    return parent;
  }

  @Override
  public boolean equals(final Object obj) {
    if (this == obj) {
      return true;
    }
    // leaf nodes may be materialized afresh on each access: compare names, not identities, except
    // for
    // unkeyed list entries, which share one name
    return obj instanceof DataCursor other
        && hash == other.hash
        && depth == other.depth
        && (holder instanceof UnkeyedListNode
            ? node == other.node
            : node.name().equals(other.node.name()))
        && Objects.equals(parent, other.parent);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "DataCursor{" + path() + "}";
  }
}
