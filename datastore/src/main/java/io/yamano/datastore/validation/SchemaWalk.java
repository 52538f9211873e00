package io.yamano.datastore.validation;

import io.yamano.datastore.xpath.DataNodePath;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * Visits every data schema node with the {@link DataShape} its instances have in the data tree and
 * the {@link DataNodePath} XPath sees.
 */
final class SchemaWalk {
  /** Receives each schema node. */
  @FunctionalInterface
  interface Visitor {
    void visit(DataShape shape, DataNodePath nodePath, List<QName> schemaPath, DataSchemaNode node);
  }

  private SchemaWalk() {}

  static void forEach(EffectiveModelContext context, Visitor visitor) {
    walk(context, new DataShape(List.of()), DataNodePath.ROOT, List.of(), visitor);
  }

  private static void walk(
      DataNodeContainer parent,
      DataShape shape,
      DataNodePath path,
      List<QName> schemaPath,
      Visitor visitor) {
    for (var child : parent.getChildNodes()) {
      visit(child, shape, path, schemaPath, visitor);
    }
  }

  private static List<QName> plus(List<QName> path, QName step) {
    var out = new ArrayList<>(path);
    out.add(step);
    return out;
  }

  private static void visit(
      DataSchemaNode node,
      DataShape parentShape,
      DataNodePath parentPath,
      List<QName> parentSchemaPath,
      Visitor visitor) {
    var qname = node.getQName();
    var schemaPath = plus(parentSchemaPath, qname);
    if (node instanceof ChoiceSchemaNode choice) {
      var shape = parentShape.child(qname);
      visitor.visit(shape, parentPath, schemaPath, node);
      for (CaseSchemaNode caze : choice.getCases()) {
        walk(caze, shape, parentPath, plus(schemaPath, caze.getQName()), visitor);
      }
    } else if (node instanceof ListSchemaNode list) {
      var shape = parentShape.child(qname).child(qname);
      var path = parentPath.child(qname);
      visitor.visit(shape, path, schemaPath, node);
      walk(list, shape, path, schemaPath, visitor);
    } else if (node instanceof LeafListSchemaNode) {
      visitor.visit(
          parentShape.child(qname).child(qname), parentPath.child(qname), schemaPath, node);
    } else if (node instanceof ContainerSchemaNode container) {
      var shape = parentShape.child(qname);
      var path = parentPath.child(qname);
      visitor.visit(shape, path, schemaPath, node);
      walk(container, shape, path, schemaPath, visitor);
    } else {
      visitor.visit(parentShape.child(qname), parentPath.child(qname), schemaPath, node);
    }
  }
}
