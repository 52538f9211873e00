package io.yamano.netconf.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Subtree filtering (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-6">RFC 6241 §6</a>)
 * over a NormalizedNode tree.
 *
 * <ul>
 *   <li>An element with child elements is a <em>containment node</em> (§6.2.3): it is kept when
 *       something below it is selected.
 *   <li>An empty element is a <em>selection node</em> (§6.2.4): it selects the data node with all
 *       its descendants.
 *   <li>An element with text is a <em>content match node</em> (§6.2.5): a leaf (or leaf-list entry)
 *       whose value equals the text. All content match nodes of a sibling set must match (AND);
 *       then the matching leaves, the selection nodes and what the containment nodes select are
 *       kept, or, when the sibling set has only content match nodes, every child of the parent is.
 *       List keys given as content match nodes look the entry up directly.
 *   <li>An element without a namespace ({@code xmlns=""}) matches that name in every module
 *       (§6.2.1).
 *   <li>A filter without elements selects nothing (§6.4.2). Attribute match expressions (§6.2.2)
 *       are ignored: YANG data has no XML attributes. Elements naming no data node select nothing.
 * </ul>
 *
 * <p>Every entry of a selected list entry carries its keys. The cost is that of the filter plus the
 * data selected, plus the entries of a list the filter names without all its keys.
 *
 * <p>Thread-safe; one instance per model context.
 */
public final class SubtreeFilter {
  private static final NodeIdentifier ROOT = NodeIdentifier.create(SchemaContext.NAME);

  private final EffectiveModelContext context;
  private final LeafValues values;

  public SubtreeFilter(EffectiveModelContext context) {
    this.context = context;
    this.values = new LeafValues(context);
  }

  /**
   * Selects data.
   *
   * @param filter the {@code <filter type="subtree">} element
   * @param root the datastore root (a container named {@link SchemaContext#NAME})
   * @return a root container holding only the selected data
   */
  public ContainerNode select(Element filter, ContainerNode root) {
    var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(ROOT);
    var kids = elements(filter);
    if (!kids.isEmpty()) {
      siblings(kids, root, context, List.of(), true)
          .ifPresent(children -> children.values().forEach(builder::withChild));
    }
    return builder.build();
  }

  private enum Kind {
    CONTAINMENT,
    SELECTION,
    CONTENT_MATCH
  }

  private static Kind kind(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        return Kind.CONTAINMENT;
      }
    }
    return e.getTextContent().isBlank() ? Kind.SELECTION : Kind.CONTENT_MATCH;
  }

  /**
   * Evaluates one sibling set against the children of {@code data}.
   *
   * @return empty when a content match node fails (nothing of this parent is selected), else the
   *     selected children by identifier
   */
  private Optional<Map<PathArgument, DataContainerChild>> siblings(
      List<Element> filters,
      DataContainerNode data,
      DataNodeContainer schema,
      List<QName> schemaPath,
      boolean top) {
    var out = new LinkedHashMap<PathArgument, DataContainerChild>();
    boolean onlyContentMatches = true;
    for (Element f : filters) {
      if (kind(f) != Kind.CONTENT_MATCH) {
        onlyContentMatches = false;
        continue;
      }
      var matched = contentMatch(f, data, schema, schemaPath);
      if (matched.isEmpty()) {
        return Optional.empty();
      }
      matched.forEach(c -> add(out, c));
    }
    if (onlyContentMatches && !top) {
      var all = new LinkedHashMap<PathArgument, DataContainerChild>();
      data.body().forEach(c -> all.put(c.name(), c));
      return Optional.of(all);
    }
    for (Element f : filters) {
      Kind kind = kind(f);
      if (kind == Kind.CONTENT_MATCH) {
        continue;
      }
      for (SchemaChild child : schemaChildren(f, schema)) {
        var found = dataChild(data, child);
        if (found.isEmpty()) {
          continue;
        }
        if (kind == Kind.SELECTION) {
          add(out, wrap(child, found.get()));
        } else {
          containment(f, child, found.get(), schemaPath)
              .ifPresent(selected -> add(out, wrap(child, selected)));
        }
      }
    }
    return Optional.of(out);
  }

  /** The leaves (or leaf-list entries) a content match node matches; empty if none does. */
  private List<NormalizedNode> contentMatch(
      Element f, DataContainerNode data, DataNodeContainer schema, List<QName> schemaPath) {
    var matched = new ArrayList<NormalizedNode>(1);
    String text = f.getTextContent();
    for (SchemaChild child : schemaChildren(f, schema)) {
      if (!(child.node() instanceof TypedDataSchemaNode typed)) {
        continue;
      }
      var found = dataChild(data, child);
      if (found.isEmpty()) {
        continue;
      }
      Object value;
      try {
        value = values.parse(typed, fullPath(schemaPath, child), text, new DomNamespaceContext(f));
      } catch (IllegalArgumentException e) {
        continue;
      }
      var node = found.get();
      if (node instanceof LeafNode<?> leaf && leaf.body().equals(value)) {
        matched.add(wrap(child, leaf));
      } else if (node instanceof LeafSetNode<?> set) {
        var entry = set.childByArg(new NodeWithValue<>(child.qname(), value));
        if (entry != null) {
          matched.add(wrap(child, leafSetOf(set, entry)));
        }
      }
    }
    return matched;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static NormalizedNode leafSetOf(
      LeafSetNode<?> set,
      org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode<?> entry) {
    if (set instanceof UserLeafSetNode) {
      return ImmutableNodes.newUserLeafSetBuilder()
          .withNodeIdentifier(set.name())
          .withChild((org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode) entry)
          .build();
    }
    return ImmutableNodes.newSystemLeafSetBuilder()
        .withNodeIdentifier(set.name())
        .withChild((org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode) entry)
        .build();
  }

  /** What a containment node selects in its data node, if anything. */
  private Optional<NormalizedNode> containment(
      Element f, SchemaChild child, NormalizedNode data, List<QName> parentSchemaPath) {
    var kids = elements(f);
    var schemaPath = fullPath(parentSchemaPath, child);
    if (child.node() instanceof ListSchemaNode list && data instanceof MapNode map) {
      var entries = new ArrayList<MapEntryNode>();
      for (MapEntryNode entry : candidates(kids, list, map, schemaPath)) {
        siblings(kids, entry, list, schemaPath, false)
            .filter(selected -> !selected.isEmpty())
            .ifPresent(selected -> entries.add(withKeys(entry, list, selected)));
      }
      if (entries.isEmpty()) {
        return Optional.empty();
      }
      if (map instanceof UserMapNode) {
        var builder = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name());
        entries.forEach(builder::withChild);
        return Optional.of(builder.build());
      }
      var builder = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name());
      entries.forEach(builder::withChild);
      return Optional.of(builder.build());
    }
    if (child.node() instanceof DataNodeContainer container
        && data instanceof DataContainerNode node) {
      return siblings(kids, node, container, schemaPath, false)
          .filter(selected -> !selected.isEmpty())
          .map(selected -> NodeUnion.rebuild(node, selected));
    }
    return Optional.empty();
  }

  /** The entries to test: one, looked up by key, when the filter gives every key. */
  private Iterable<MapEntryNode> candidates(
      List<Element> kids, ListSchemaNode list, MapNode map, List<QName> listPath) {
    Map<QName, Object> keys = new LinkedHashMap<>();
    for (QName key : list.getKeyDefinition()) {
      for (Element k : kids) {
        if (kind(k) == Kind.CONTENT_MATCH
            && key.getLocalName().equals(k.getLocalName())
            && (isBlank(k.getNamespaceURI())
                || key.getNamespace().toString().equals(k.getNamespaceURI()))) {
          try {
            keys.put(
                key,
                values.parse(
                    (LeafSchemaNode) list.dataChildByName(key),
                    fullPath(listPath, key),
                    k.getTextContent(),
                    new DomNamespaceContext(k)));
          } catch (IllegalArgumentException e) {
            return List.of();
          }
          break;
        }
      }
    }
    if (keys.size() < list.getKeyDefinition().size()) {
      return map.body();
    }
    var entry = map.childByArg(NodeIdentifierWithPredicates.of(list.getQName(), keys));
    return entry == null ? List.of() : List.of(entry);
  }

  /** A selected list entry always carries its keys (RFC 6241 §6.2.5 allows it; XML needs it). */
  private static MapEntryNode withKeys(
      MapEntryNode entry, ListSchemaNode list, Map<PathArgument, DataContainerChild> selected) {
    var children = new LinkedHashMap<PathArgument, DataContainerChild>();
    for (QName key : list.getKeyDefinition()) {
      var leaf = entry.childByArg(NodeIdentifier.create(key));
      if (leaf != null) {
        children.put(leaf.name(), leaf);
      }
    }
    children.putAll(selected);
    return (MapEntryNode) NodeUnion.rebuild(entry, children);
  }

  private List<SchemaChild> schemaChildren(Element f, DataNodeContainer schema) {
    String ns = f.getNamespaceURI();
    return SchemaChild.find(context, schema, isBlank(ns) ? null : ns, f.getLocalName());
  }

  /** The data node of a schema child under {@code data}, through its choices. */
  private static Optional<NormalizedNode> dataChild(DataContainerNode data, SchemaChild child) {
    DataContainerNode at = data;
    for (DataSchemaNode c : child.choices()) {
      if (c instanceof ChoiceSchemaNode) {
        var next = at.childByArg(NodeIdentifier.create(c.getQName()));
        if (!(next instanceof ChoiceNode choice)) {
          return Optional.empty();
        }
        at = choice;
      }
    }
    return Optional.ofNullable(at.childByArg(NodeIdentifier.create(child.qname())));
  }

  /** The node wrapped in the choice nodes between it and its parent. */
  private static DataContainerChild wrap(SchemaChild child, NormalizedNode node) {
    var wrapped = (DataContainerChild) node;
    var choices = child.choices();
    for (int i = choices.size() - 1; i >= 0; i--) {
      if (choices.get(i) instanceof ChoiceSchemaNode choice) {
        wrapped =
            ImmutableNodes.newChoiceBuilder()
                .withNodeIdentifier(NodeIdentifier.create(choice.getQName()))
                .withChild(wrapped)
                .build();
      }
    }
    return wrapped;
  }

  private static void add(Map<PathArgument, DataContainerChild> out, NormalizedNode node) {
    out.merge(
        node.name(),
        (DataContainerChild) node,
        (a, b) -> (DataContainerChild) NodeUnion.union(a, b));
  }

  private static List<QName> fullPath(List<QName> parent, SchemaChild child) {
    var path = new ArrayList<>(parent);
    path.addAll(child.schemaSteps());
    return path;
  }

  private static List<QName> fullPath(List<QName> parent, QName step) {
    var path = new ArrayList<>(parent);
    path.add(step);
    return path;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isEmpty();
  }

  private static List<Element> elements(Element parent) {
    return EditConfigParser.elements(parent);
  }
}
