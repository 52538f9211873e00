package io.yamano.restconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.AnydataNode;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * Cuts a retrieved tree to what {@code content} (RFC 8040 §4.8.1), {@code depth} (§4.8.2) and
 * {@code fields} (§4.8.3) ask for. Levels count data nodes from the target (level 1); choices and
 * cases are not levels, and a list's entries are at the list's level. Entries always keep their
 * keys, so that what is returned can be addressed again.
 */
final class ResourceShaper {
  private final EffectiveModelContext schema;
  private final QueryParams.Content content;
  private final int depth;

  ResourceShaper(EffectiveModelContext schema, QueryParams.Content content, int depth) {
    this.schema = schema;
    this.content = content;
    this.depth = depth;
  }

  boolean isIdentity(Optional<Fields> fields) {
    return content == QueryParams.Content.ALL && depth == 0 && fields.isEmpty();
  }

  /** The datastore root's children, each at level 1. */
  ContainerNode root(ContainerNode root, Fields fields) {
    var kept = children(root, schema, 1, fields, List.of());
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(root.name())
        .withValue(kept)
        .build();
  }

  /**
   * Shapes the target node.
   *
   * @return empty if nothing of the node is left (e.g. a configuration leaf under {@code
   *     content=nonconfig})
   */
  Optional<NormalizedNode> node(NormalizedNode node, DataSchemaNode nodeSchema, Fields fields) {
    return shape(node, nodeSchema, 1, fields);
  }

  private Optional<NormalizedNode> shape(
      NormalizedNode node, DataSchemaNode nodeSchema, int level, Fields fields) {
    if (depth > 0 && level > depth) {
      return Optional.empty();
    }
    if (nodeSchema == null) {
      return Optional.of(node);
    }
    boolean config = nodeSchema.isConfiguration();
    if (content == QueryParams.Content.CONFIG && !config) {
      return Optional.empty();
    }
    boolean wholeState = content == QueryParams.Content.NONCONFIG && !config;
    if (node instanceof ContainerNode container && nodeSchema instanceof DataNodeContainer c) {
      var kept = children(container, c, level + 1, fields, List.of());
      if (kept.isEmpty() && content == QueryParams.Content.NONCONFIG && !wholeState) {
        return Optional.empty();
      }
      return Optional.of(
          ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(container.name())
              .withValue(kept)
              .build());
    }
    if (node instanceof MapNode map && nodeSchema instanceof ListSchemaNode list) {
      var entries = new ArrayList<MapEntryNode>();
      for (MapEntryNode entry : map.body()) {
        entry(entry, list, level, fields, wholeState).ifPresent(entries::add);
      }
      if (entries.isEmpty() && content == QueryParams.Content.NONCONFIG) {
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
    if (node instanceof MapEntryNode entry && nodeSchema instanceof ListSchemaNode list) {
      return entry(entry, list, level, fields, wholeState).map(NormalizedNode.class::cast);
    }
    if (node instanceof UnkeyedListNode unkeyed && nodeSchema instanceof ListSchemaNode list) {
      var b = ImmutableNodes.newUnkeyedListBuilder().withNodeIdentifier(unkeyed.name());
      boolean any = false;
      for (UnkeyedListEntryNode entry : unkeyed.body()) {
        var kept = children(entry, list, level + 1, fields, List.of());
        if (!kept.isEmpty() || content != QueryParams.Content.NONCONFIG || wholeState) {
          b.withChild(
              ImmutableNodes.newUnkeyedListEntryBuilder()
                  .withNodeIdentifier(entry.name())
                  .withValue(kept)
                  .build());
          any = true;
        }
      }
      return any || content != QueryParams.Content.NONCONFIG
          ? Optional.of(b.build())
          : Optional.empty();
    }
    if (node instanceof LeafNode<?>
        || node instanceof LeafSetNode<?>
        || node instanceof AnydataNode<?>
        || node instanceof AnyxmlNode<?>) {
      if (content == QueryParams.Content.NONCONFIG && config) {
        return Optional.empty();
      }
      return Optional.of(node);
    }
    return Optional.of(node);
  }

  private Optional<MapEntryNode> entry(
      MapEntryNode entry, ListSchemaNode list, int level, Fields fields, boolean wholeState) {
    var keys = list.getKeyDefinition();
    var kept = children(entry, list, level + 1, fields, keys);
    boolean onlyKeys = kept.size() <= keys.size();
    if (onlyKeys && content == QueryParams.Content.NONCONFIG && !wholeState) {
      return Optional.empty();
    }
    return Optional.of(
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(entry.name())
            .withValue(kept)
            .build());
  }

  private List<DataContainerChild> children(
      DataContainerNode parent,
      DataNodeContainer parentSchema,
      int level,
      Fields fields,
      List<QName> keys) {
    var out = new ArrayList<DataContainerChild>();
    for (QName key : keys) {
      var k =
          parent.childByArg(
              new org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier(
                  key));
      if (k != null) {
        out.add(k);
      }
    }
    for (DataContainerChild child : parent.body()) {
      QName name = child.name().getNodeType();
      if (keys.contains(name)) {
        continue;
      }
      if (child instanceof ChoiceNode choice) {
        var choiceSchema = parentSchema.dataChildByName(name);
        if (choiceSchema instanceof ChoiceSchemaNode cs) {
          var inner = new ArrayList<DataContainerChild>();
          for (DataContainerChild c : choice.body()) {
            var sel = select(fields, c.name().getNodeType());
            if (sel == null) {
              continue;
            }
            shape(c, caseChild(cs, c.name().getNodeType()), level, sel)
                .ifPresent(n -> inner.add((DataContainerChild) n));
          }
          if (!inner.isEmpty()) {
            out.add(
                ImmutableNodes.newChoiceBuilder()
                    .withNodeIdentifier(choice.name())
                    .withValue(inner)
                    .build());
          }
        }
        continue;
      }
      var sel = select(fields, name);
      if (sel == null) {
        continue;
      }
      shape(child, parentSchema.dataChildByName(name), level, sel)
          .ifPresent(n -> out.add((DataContainerChild) n));
    }
    return out;
  }

  /** The selection below a child, or {@code null} when the child is not selected. */
  private Fields select(Fields fields, QName child) {
    if (fields.selectsAll()) {
      return Fields.ALL;
    }
    return fields.child(child, schema);
  }

  private static DataSchemaNode caseChild(ChoiceSchemaNode choice, QName name) {
    for (var c : choice.getCases()) {
      var found = c.dataChildByName(name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
