package io.yamano.datastore.validation;

import java.util.function.BiConsumer;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/** Visits every data schema node with the {@link DataShape} its instances have. */
final class SchemaWalk {
  private SchemaWalk() {}

  static void forEach(
      EffectiveModelContext context, BiConsumer<DataShape, DataSchemaNode> visitor) {
    walk(context, new DataShape(java.util.List.of()), visitor);
  }

  private static void walk(
      DataNodeContainer parent, DataShape shape, BiConsumer<DataShape, DataSchemaNode> visitor) {
    for (var child : parent.getChildNodes()) {
      visit(child, shape, visitor);
    }
  }

  private static void visit(
      DataSchemaNode node, DataShape parentShape, BiConsumer<DataShape, DataSchemaNode> visitor) {
    var qname = node.getQName();
    if (node instanceof ChoiceSchemaNode choice) {
      var shape = parentShape.child(qname);
      visitor.accept(shape, node);
      for (CaseSchemaNode caze : choice.getCases()) {
        walk(caze, shape, visitor);
      }
    } else if (node instanceof ListSchemaNode list) {
      var shape = parentShape.child(qname).child(qname);
      visitor.accept(shape, node);
      walk(list, shape, visitor);
    } else if (node instanceof LeafListSchemaNode) {
      visitor.accept(parentShape.child(qname).child(qname), node);
    } else if (node instanceof ContainerSchemaNode container) {
      var shape = parentShape.child(qname);
      visitor.accept(shape, node);
      walk(container, shape, visitor);
    } else {
      visitor.accept(parentShape.child(qname), node);
    }
  }
}
