package io.yamano.netconf.server;

import io.yamano.netconf.data.NodeUnion;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
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
 * Builds a root container holding chosen nodes with their ancestors: each ancestor carries only the
 * path down to the chosen node, list entries their keys too (RFC 6241 §8.9.1, the output of an
 * XPath filter). Unchanged subtrees are shared, not copied.
 */
final class Selection {
  private ContainerNode result;
  private final ContainerNode root;

  Selection(ContainerNode root) {
    this.root = root;
  }

  /** Adds the node at {@code path} of the root, with all its descendants. */
  void add(YangInstanceIdentifier path) {
    if (path.isEmpty()) {
      result = root;
      return;
    }
    var built = along(root, path, 0);
    if (built.isEmpty()) {
      return;
    }
    result =
        result == null
            ? (ContainerNode) built.get()
            : (ContainerNode) NodeUnion.union(result, built.get());
  }

  /** The selection: an empty root if nothing was added. */
  ContainerNode result() {
    if (result != null) {
      return result;
    }
    return ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name()).build();
  }

  private static Optional<NormalizedNode> along(
      NormalizedNode node, YangInstanceIdentifier path, int i) {
    if (i == path.getPathArguments().size()) {
      return Optional.of(node);
    }
    var arg = path.getPathArguments().get(i);
    if (node instanceof DataContainerNode container) {
      if (!(arg instanceof NodeIdentifier id)) {
        return Optional.empty();
      }
      var child = container.childByArg(id);
      if (child == null) {
        return Optional.empty();
      }
      var below = along(child, path, i + 1);
      if (below.isEmpty()) {
        return Optional.empty();
      }
      if (container instanceof MapEntryNode entry) {
        var b = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name());
        for (var key : entry.name().keySet()) {
          var k = entry.childByArg(new NodeIdentifier(key));
          if (k != null && !k.name().equals(arg)) {
            b.withChild(k);
          }
        }
        return Optional.of(b.withChild((DataContainerChild) below.get()).build());
      }
      if (container instanceof ChoiceNode choice) {
        return Optional.of(
            ImmutableNodes.newChoiceBuilder()
                .withNodeIdentifier(choice.name())
                .withChild((DataContainerChild) below.get())
                .build());
      }
      return Optional.of(
          ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier((NodeIdentifier) container.name())
              .withChild((DataContainerChild) below.get())
              .build());
    }
    if (node instanceof MapNode map) {
      var entry = map.childByArg((NodeIdentifierWithPredicates) arg);
      if (entry == null) {
        return Optional.empty();
      }
      var below = along(entry, path, i + 1);
      if (below.isEmpty()) {
        return Optional.empty();
      }
      if (map instanceof UserMapNode) {
        return Optional.of(
            ImmutableNodes.newUserMapBuilder()
                .withNodeIdentifier(map.name())
                .withChild((MapEntryNode) below.get())
                .build());
      }
      return Optional.of(
          ImmutableNodes.newSystemMapBuilder()
              .withNodeIdentifier(map.name())
              .withChild((MapEntryNode) below.get())
              .build());
    }
    if (node instanceof LeafSetNode<?> set) {
      return leafSetWith(set, arg);
    }
    return Optional.empty();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Optional<NormalizedNode> leafSetWith(
      LeafSetNode<?> set, YangInstanceIdentifier.PathArgument arg) {
    for (LeafSetEntryNode<?> e : set.body()) {
      if (e.name().equals(arg)) {
        if (set instanceof UserLeafSetNode) {
          var b = ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(set.name());
          b.withChild((LeafSetEntryNode) e);
          return Optional.of(b.build());
        }
        var b = ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(set.name());
        b.withChild((LeafSetEntryNode) e);
        return Optional.of(b.build());
      }
    }
    return Optional.empty();
  }
}
