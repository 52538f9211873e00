package io.yamano.netconf.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The union of two selections of the same data node, for filters that select one node through
 * several paths (RFC 6241 §6.2.5, several sibling subtrees of one list). Both are parts of one data
 * tree, so leaves with the same identifier are equal.
 */
public final class NodeUnion {
  private NodeUnion() {}

  /** The union of two selections of the same node (equal identifiers), sharing unchanged parts. */
  public static NormalizedNode union(NormalizedNode a, NormalizedNode b) {
    if (a.equals(b)) {
      return a;
    }
    if (a instanceof DataContainerNode ca && b instanceof DataContainerNode cb) {
      Map<PathArgument, DataContainerChild> children = new LinkedHashMap<>();
      ca.body().forEach(c -> children.put(c.name(), c));
      for (DataContainerChild c : cb.body()) {
        children.merge(c.name(), c, (x, y) -> (DataContainerChild) union(x, y));
      }
      return rebuild(a, children);
    }
    if (a instanceof MapNode ma && b instanceof MapNode mb) {
      Map<PathArgument, MapEntryNode> entries = new LinkedHashMap<>();
      ma.body().forEach(e -> entries.put(e.name(), e));
      for (MapEntryNode e : mb.body()) {
        entries.merge(e.name(), e, (x, y) -> (MapEntryNode) union(x, y));
      }
      if (a instanceof UserMapNode) {
        var builder = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(ma.name());
        entries.values().forEach(builder::withChild);
        return builder.build();
      }
      var builder = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(ma.name());
      entries.values().forEach(builder::withChild);
      return builder.build();
    }
    if (a instanceof LeafSetNode<?> la && b instanceof LeafSetNode<?> lb) {
      return unionLeafSets(la, lb);
    }
    return a;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static NormalizedNode unionLeafSets(LeafSetNode<?> a, LeafSetNode<?> b) {
    Map<PathArgument, LeafSetEntryNode> entries = new LinkedHashMap<>();
    a.body().forEach(e -> entries.put(e.name(), e));
    b.body().forEach(e -> entries.putIfAbsent(e.name(), e));
    if (a instanceof UserLeafSetNode) {
      var builder = ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(a.name());
      entries.values().forEach(e -> builder.withChild(e));
      return builder.build();
    }
    var builder = ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(a.name());
    entries.values().forEach(e -> builder.withChild(e));
    return builder.build();
  }

  /** A container-like node of the same kind and identifier with other children. */
  static DataContainerNode rebuild(
      NormalizedNode like, Map<PathArgument, DataContainerChild> children) {
    if (like instanceof MapEntryNode entry) {
      var builder =
          ImmutableNodes.newMapEntryBuilder()
              .withNodeIdentifier((NodeIdentifierWithPredicates) entry.name());
      children.values().forEach(builder::withChild);
      return builder.build();
    }
    if (like instanceof ChoiceNode choice) {
      var builder = ImmutableNodes.newChoiceBuilder().withNodeIdentifier(choice.name());
      children.values().forEach(builder::withChild);
      return builder.build();
    }
    if (like instanceof ContainerNode container) {
      var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(container.name());
      children.values().forEach(builder::withChild);
      return builder.build();
    }
    var builder =
        ImmutableNodes.newUnkeyedListEntryBuilder()
            .withNodeIdentifier((NodeIdentifier) like.name());
    children.values().forEach(builder::withChild);
    return builder.build();
  }
}
