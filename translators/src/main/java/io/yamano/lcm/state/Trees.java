package io.yamano.lcm.state;

import java.util.Collection;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/** Small builders of immutable data nodes; {@code null} leaf values are left out. */
final class Trees {
  private Trees() {}

  static ContainerNode container(QName name, Collection<DataContainerChild> children) {
    var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(name));
    children.forEach(builder::withChild);
    return builder.build();
  }

  static MapEntryNode entry(
      QName list, Map<QName, Object> keys, Collection<DataContainerChild> children) {
    var builder =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(list, keys));
    keys.forEach((k, v) -> builder.withChild(ImmutableNodes.leafNode(k, v)));
    children.forEach(builder::withChild);
    return builder.build();
  }

  static MapNode map(QName list, Collection<MapEntryNode> entries) {
    var builder = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(list));
    entries.forEach(builder::withChild);
    return builder.build();
  }

  static LeafSetNode<String> leafList(QName name, Collection<String> values) {
    var builder =
        ImmutableNodes.<String>newSystemLeafSetBuilder()
            .withNodeIdentifier(new NodeIdentifier(name));
    values.forEach(v -> builder.withChild(ImmutableNodes.leafSetEntry(name, v)));
    return builder.build();
  }

  /** Adds a leaf to {@code children} unless the value is {@code null}. */
  static void leaf(java.util.List<DataContainerChild> children, QName name, Object value) {
    if (value != null) {
      children.add(ImmutableNodes.leafNode(name, value));
    }
  }
}
