package io.yamano.netconf.data;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * A data node found under a parent in the schema tree, with the choices and cases between them
 * (they have no XML element, RFC 7950 §7.9).
 *
 * @param choices the choice and case nodes crossed, outermost first, alternating
 * @param node the data node
 */
record SchemaChild(List<DataSchemaNode> choices, DataSchemaNode node) {

  SchemaChild {
    choices = List.copyOf(choices);
  }

  QName qname() {
    return node.getQName();
  }

  /** The schema-tree steps from the parent to the node: choices, cases, node. */
  List<QName> schemaSteps() {
    var steps = new ArrayList<QName>(choices.size() + 1);
    choices.forEach(c -> steps.add(c.getQName()));
    steps.add(node.getQName());
    return steps;
  }

  /** The parent path extended by the choice nodes (cases have no path step). */
  YangInstanceIdentifier pathThroughChoices(YangInstanceIdentifier parent) {
    var path = parent;
    for (DataSchemaNode c : choices) {
      if (c instanceof ChoiceSchemaNode) {
        path = path.node(NodeIdentifier.create(c.getQName()));
      }
    }
    return path;
  }

  /** True for config true nodes (RFC 7950 §7.21.1). */
  boolean isConfig() {
    return node.effectiveConfig().orElse(Boolean.TRUE);
  }

  /**
   * Finds the children of {@code parent} whose element would have this name.
   *
   * @param namespace the element namespace, or null to match any module (RFC 6241 §6.2.1)
   */
  static List<SchemaChild> find(
      EffectiveModelContext context, DataNodeContainer parent, String namespace, String local) {
    var found = new ArrayList<SchemaChild>(1);
    if (namespace != null) {
      for (Module module : modules(context, namespace)) {
        DataSchemaNode direct =
            parent.dataChildByName(QName.create(module.getQNameModule(), local));
        if (direct != null && !(direct instanceof ChoiceSchemaNode)) {
          found.add(new SchemaChild(List.of(), direct));
          return found;
        }
      }
    }
    scan(parent, namespace, local, new ArrayList<>(), found);
    return found;
  }

  static List<? extends Module> modules(EffectiveModelContext context, String namespace) {
    try {
      return List.copyOf(
          context.findModules(org.opendaylight.yangtools.yang.common.XMLNamespace.of(namespace)));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static void scan(
      DataNodeContainer parent,
      String namespace,
      String local,
      List<DataSchemaNode> chain,
      List<SchemaChild> found) {
    for (DataSchemaNode child : parent.getChildNodes()) {
      if (child instanceof ChoiceSchemaNode choice) {
        for (CaseSchemaNode caze : choice.getCases()) {
          chain.add(choice);
          chain.add(caze);
          scan(caze, namespace, local, chain, found);
          chain.remove(chain.size() - 1);
          chain.remove(chain.size() - 1);
        }
      } else if (child.getQName().getLocalName().equals(local)
          && (namespace == null || child.getQName().getNamespace().toString().equals(namespace))) {
        found.add(new SchemaChild(chain, child));
      }
    }
  }
}
