package io.yamano.netconf.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * Gathers the children of one container or list entry, element by element, and builds them into the
 * NormalizedNode shape: list entries into a map node, leaf-list entries into a leaf set, nodes
 * under a choice into a choice node.
 */
final class ChildCollector {
  private sealed interface Slot {}

  private record Single(NormalizedNode node) implements Slot {}

  private record Entries(DataSchemaNode schema, Map<PathArgument, NormalizedNode> entries)
      implements Slot {}

  private record Choice(ChoiceSchemaNode schema, QName caseName, ChildCollector nested)
      implements Slot {}

  private final Map<QName, Slot> slots = new LinkedHashMap<>();

  boolean isEmpty() {
    return slots.isEmpty();
  }

  /**
   * Adds a child.
   *
   * @return null, or why the child cannot be added (a duplicate, a second case of one choice)
   */
  String add(SchemaChild child, NormalizedNode node) {
    return add(child.choices(), 0, child.node(), node);
  }

  private String add(
      List<DataSchemaNode> chain, int at, DataSchemaNode schema, NormalizedNode node) {
    if (at < chain.size()) {
      var choice = (ChoiceSchemaNode) chain.get(at);
      var caze = (CaseSchemaNode) chain.get(at + 1);
      var slot =
          (Choice)
              slots.computeIfAbsent(
                  choice.getQName(),
                  q -> new Choice(choice, caze.getQName(), new ChildCollector()));
      if (!slot.caseName().equals(caze.getQName())) {
        return "'"
            + schema.getQName().getLocalName()
            + "' is in case '"
            + caze.getQName().getLocalName()
            + "' of choice '"
            + choice.getQName().getLocalName()
            + "' but case '"
            + slot.caseName().getLocalName()
            + "' is given too; a choice takes nodes of one case only (RFC 7950 §7.9)";
      }
      return slot.nested().add(chain, at + 2, schema, node);
    }
    QName name = schema.getQName();
    if (schema instanceof ListSchemaNode || schema instanceof LeafListSchemaNode) {
      var slot =
          (Entries) slots.computeIfAbsent(name, q -> new Entries(schema, new LinkedHashMap<>()));
      if (slot.entries().putIfAbsent(node.name(), node) != null) {
        return "entry " + node.name() + " of '" + name.getLocalName() + "' is given twice";
      }
      return null;
    }
    if (slots.putIfAbsent(name, new Single(node)) != null) {
      return "'" + name.getLocalName() + "' is given twice; it may appear once";
    }
    return null;
  }

  /** The children, in the order they first appeared. */
  List<DataContainerChild> build() {
    var children = new ArrayList<DataContainerChild>(slots.size());
    for (var e : slots.entrySet()) {
      children.add(build(e.getKey(), e.getValue()));
    }
    return children;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DataContainerChild build(QName name, Slot slot) {
    var id = NodeIdentifier.create(name);
    if (slot instanceof Single single) {
      return (DataContainerChild) single.node();
    }
    if (slot instanceof Choice choice) {
      var builder = ImmutableNodes.newChoiceBuilder().withNodeIdentifier(id);
      choice.nested().build().forEach(builder::withChild);
      return builder.build();
    }
    var entries = (Entries) slot;
    if (entries.schema() instanceof ListSchemaNode list) {
      if (list.isUserOrdered()) {
        var builder = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(id);
        entries.entries().values().forEach(n -> builder.withChild((MapEntryNode) n));
        return builder.build();
      }
      var builder = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id);
      entries.entries().values().forEach(n -> builder.withChild((MapEntryNode) n));
      return builder.build();
    }
    var leafList = (LeafListSchemaNode) entries.schema();
    if (leafList.isUserOrdered()) {
      var builder = ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(id);
      entries.entries().values().forEach(n -> builder.withChild((LeafSetEntryNode) n));
      return builder.build();
    }
    var builder = ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(id);
    entries.entries().values().forEach(n -> builder.withChild((LeafSetEntryNode) n));
    return builder.build();
  }
}
