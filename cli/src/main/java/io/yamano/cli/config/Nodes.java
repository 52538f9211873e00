package io.yamano.cli.config;

import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/** Builds data nodes for paths: the node a path names, and its ancestors up to the top level. */
public final class Nodes {
  private final DataSchemaContextTree tree;

  public Nodes(EffectiveModelContext context) {
    this.tree = DataSchemaContextTree.from(context);
  }

  /** A leaf holding {@code value}, or the leaf-list entry the path names. */
  public static NormalizedNode leaf(YangInstanceIdentifier path, Object value) {
    var last = path.getLastPathArgument();
    if (last instanceof NodeWithValue<?> entry) {
      return ImmutableNodes.leafSetEntry(entry.getNodeType(), value);
    }
    return ImmutableNodes.leafNode(last.getNodeType(), value);
  }

  /** An empty node for a list entry (with its keys) or container. */
  public static NormalizedNode empty(YangInstanceIdentifier path) {
    var last = path.getLastPathArgument();
    if (last instanceof NodeIdentifierWithPredicates keys) {
      return entry(keys, null);
    }
    return ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) last).build();
  }

  private static NormalizedNode entry(NodeIdentifierWithPredicates keys, NormalizedNode child) {
    var builder = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(keys);
    for (Map.Entry<QName, Object> key : keys.entrySet()) {
      if (child == null || !child.name().getNodeType().equals(key.getKey())) {
        builder.withChild(ImmutableNodes.leafNode(key.getKey(), key.getValue()));
      }
    }
    if (child != null) {
      builder.withChild((org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild) child);
    }
    return builder.build();
  }

  /**
   * Wraps {@code node}, the node at {@code path}, into its ancestors: the result is the top-level
   * node at {@code path}'s first step, to merge without needing any parent to exist.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public NormalizedNode nest(YangInstanceIdentifier path, NormalizedNode node) {
    var args = path.getPathArguments();
    var current = node;
    for (int k = args.size() - 1; k >= 1; k--) {
      PathArgument parent = args.get(k - 1);
      PathArgument child = args.get(k);
      var parentPath = YangInstanceIdentifier.of(args.subList(0, k));
      var schema = tree.findChild(parentPath).map(c -> c.dataSchemaNode()).orElse(null);
      if (child instanceof NodeIdentifierWithPredicates) {
        boolean ordered = schema instanceof ListSchemaNode list && list.isUserOrdered();
        var id = (NodeIdentifier) parent;
        current =
            ordered
                ? ImmutableNodes.newUserMapBuilder()
                    .withNodeIdentifier(id)
                    .withChild(
                        (org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode) current)
                    .build()
                : ImmutableNodes.newSystemMapBuilder()
                    .withNodeIdentifier(id)
                    .withChild(
                        (org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode) current)
                    .build();
      } else if (child instanceof NodeWithValue<?>) {
        boolean ordered = schema instanceof LeafListSchemaNode list && list.isUserOrdered();
        var id = (NodeIdentifier) parent;
        var entry = (org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode) current;
        current =
            ordered
                ? ImmutableNodes.newUserLeafSetBuilder()
                    .withNodeIdentifier(id)
                    .withChild(entry)
                    .build()
                : ImmutableNodes.newSystemLeafSetBuilder()
                    .withNodeIdentifier(id)
                    .withChild(entry)
                    .build();
      } else if (parent instanceof NodeIdentifierWithPredicates keys) {
        current = entry(keys, current);
      } else if (schema instanceof ChoiceSchemaNode) {
        current =
            ImmutableNodes.newChoiceBuilder()
                .withNodeIdentifier((NodeIdentifier) parent)
                .withChild(
                    (org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild) current)
                .build();
      } else {
        current =
            ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier((NodeIdentifier) parent)
                .withChild(
                    (org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild) current)
                .build();
      }
    }
    return current;
  }

  /** The merge edit that puts {@code node} at {@code path}. */
  public Edit merge(YangInstanceIdentifier path, NormalizedNode node) {
    var top = YangInstanceIdentifier.of(path.getPathArguments().get(0));
    return new Edit.Merge(top, nest(path, node));
  }
}
