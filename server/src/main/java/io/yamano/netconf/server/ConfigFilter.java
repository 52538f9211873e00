package io.yamano.netconf.server;

import java.util.Collection;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * The {@code config-filter} of get-data (<a
 * href="https://www.rfc-editor.org/rfc/rfc8526#section-3.1.1">RFC 8526 §3.1.1</a>): keeps only
 * configuration ({@code true}) or only state ({@code false}) nodes, with the ancestors and list
 * keys that lead to them.
 */
final class ConfigFilter {
  private final boolean config;

  ConfigFilter(boolean config) {
    this.config = config;
  }

  ContainerNode apply(ContainerNode root, DataNodeContainer schema) {
    return (ContainerNode) container(root, schema, false).orElseGet(() -> empty(root));
  }

  private static ContainerNode empty(ContainerNode root) {
    return ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name()).build();
  }

  private Optional<NormalizedNode> node(NormalizedNode node, DataSchemaNode schema) {
    if (schema == null) {
      return Optional.empty();
    }
    if (schema.isConfiguration() != config && !config) {
      // under config false, everything is state
      if (!schema.isConfiguration()) {
        return Optional.of(node);
      }
    }
    if (!schema.isConfiguration()) {
      return config ? Optional.empty() : Optional.of(node);
    }
    if (node instanceof MapNode map && schema instanceof ListSchemaNode list) {
      var entries = new java.util.ArrayList<MapEntryNode>();
      for (MapEntryNode e : map.body()) {
        container(e, list, true).ifPresent(x -> entries.add((MapEntryNode) x));
      }
      if (entries.isEmpty()) {
        return Optional.empty();
      }
      if (map instanceof UserMapNode) {
        var b = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name());
        entries.forEach(b::withChild);
        return Optional.of(b.build());
      }
      var b = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name());
      entries.forEach(b::withChild);
      return Optional.of(b.build());
    }
    if (node instanceof ChoiceNode choice && schema instanceof ChoiceSchemaNode choiceSchema) {
      var b = ImmutableNodes.newChoiceBuilder().withNodeIdentifier(choice.name());
      boolean any = false;
      for (DataContainerChild c : choice.body()) {
        var kept = node(c, caseChild(choiceSchema, c));
        if (kept.isPresent()) {
          b.withChild((DataContainerChild) kept.get());
          any = true;
        }
      }
      return any ? Optional.of(b.build()) : Optional.empty();
    }
    if (node instanceof DataContainerNode container && schema instanceof DataNodeContainer dnc) {
      return container(container, dnc, false);
    }
    return config ? Optional.of(node) : Optional.empty();
  }

  private static DataSchemaNode caseChild(ChoiceSchemaNode choice, NormalizedNode child) {
    for (var c : choice.getCases()) {
      var found = c.dataChildByName(child.name().getNodeType());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Optional<NormalizedNode> container(
      DataContainerNode node, DataNodeContainer schema, boolean keepKeys) {
    Collection<?> keys =
        keepKeys && schema instanceof ListSchemaNode l ? l.getKeyDefinition() : java.util.List.of();
    var kept = new java.util.ArrayList<DataContainerChild>();
    boolean selected = false;
    for (DataContainerChild c : node.body()) {
      var childSchema = schema.dataChildByName(c.name().getNodeType());
      if (c instanceof ChoiceNode) {
        childSchema = schema.findDataChildByName(c.name().getNodeType()).orElse(null);
        if (childSchema == null) {
          for (var s : schema.getChildNodes()) {
            if (s instanceof ChoiceSchemaNode cs && cs.getQName().equals(c.name().getNodeType())) {
              childSchema = cs;
            }
          }
        }
      }
      if (keys.contains(c.name().getNodeType())) {
        kept.add(c);
        continue;
      }
      var k = node(c, childSchema);
      if (k.isPresent()) {
        kept.add((DataContainerChild) k.get());
        selected = true;
      }
    }
    if (!selected && !(config && node.body().isEmpty())) {
      return Optional.empty();
    }
    var b = ImmutableNodes.newContainerBuilder();
    if (node instanceof MapEntryNode entry) {
      var eb = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name());
      kept.forEach(eb::withChild);
      return Optional.of(eb.build());
    }
    b.withNodeIdentifier((NodeIdentifier) node.name());
    kept.forEach(b::withChild);
    return Optional.of(b.build());
  }
}
