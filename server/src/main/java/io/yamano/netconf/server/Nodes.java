package io.yamano.netconf.server;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/** Small builders for the server's own state trees (monitoring, YANG library). */
final class Nodes {
  private final QNameModule module;

  Nodes(QNameModule module) {
    this.module = module;
  }

  QName q(String localName) {
    return QName.create(module, localName);
  }

  ContainerNode container(String name, Collection<? extends DataContainerChild> children) {
    var b = ImmutableNodes.newContainerBuilder().withNodeIdentifier(NodeIdentifier.create(q(name)));
    children.forEach(b::withChild);
    return b.build();
  }

  ChoiceNode choice(String name, DataContainerChild child) {
    return ImmutableNodes.newChoiceBuilder()
        .withNodeIdentifier(NodeIdentifier.create(q(name)))
        .withChild(child)
        .build();
  }

  LeafNode<Object> leaf(String name, Object value) {
    return ImmutableNodes.leafNode(q(name), value);
  }

  SystemLeafSetNode<Object> leafList(String name, List<?> values) {
    var b =
        ImmutableNodes.<Object>newSystemLeafSetBuilder()
            .withNodeIdentifier(NodeIdentifier.create(q(name)));
    for (Object v : values) {
      b.withChild(ImmutableNodes.leafSetEntry(new NodeWithValue<>(q(name), v)));
    }
    return b.build();
  }

  SystemMapNode list(String name, Collection<MapEntryNode> entries) {
    var b = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(NodeIdentifier.create(q(name)));
    entries.forEach(b::withChild);
    return b.build();
  }

  /**
   * A list entry whose keys are the first {@code keyCount} leaves of {@code children}.
   *
   * @param children leaves and other children; the key leaves first, in key order
   */
  MapEntryNode entry(String list, int keyCount, List<? extends DataContainerChild> children) {
    Map<QName, Object> keys = new LinkedHashMap<>();
    for (int i = 0; i < keyCount; i++) {
      var leaf = (LeafNode<?>) children.get(i);
      keys.put(leaf.name().getNodeType(), leaf.body());
    }
    var b =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(q(list), keys));
    children.forEach(b::withChild);
    return b.build();
  }
}
