package io.yamano.netconf.data;

import io.yamano.error.RpcException;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The content of a YANG 1.1 {@code <action>} element (RFC 7950 §7.15.2): the data tree down to the
 * node the action is invoked on (list entries identified by their keys), then the action element
 * holding the input.
 *
 * @param target the data node the action is invoked on
 * @param operation the action's schema-tree path
 * @param input the parsed input
 */
public record ActionCall(YangInstanceIdentifier target, Absolute operation, ContainerNode input) {

  /** Parses the content of {@code <action>} against the schema. */
  public static ActionCall parse(
      Element action, EffectiveModelContext context, EditConfigParser inputs) throws RpcException {
    DataNodeContainer level = context;
    var path = YangInstanceIdentifier.of();
    var schemaPath = new ArrayList<QName>();
    Element current = action;
    while (true) {
      Element step = onlyNonKeyChild(current, level, path);
      String ns = step.getNamespaceURI();
      if (ns == null || ns.isEmpty() || SchemaChild.modules(context, ns).isEmpty()) {
        throw new RpcException(
            ns == null || ns.isEmpty()
                ? DataErrors.unknownElement(
                    path,
                    step.getLocalName(),
                    "element '" + step.getLocalName() + "' has no namespace")
                : DataErrors.unknownNamespace(path, step.getLocalName(), ns));
      }
      if (level instanceof ActionNodeContainer actions) {
        var found =
            actions.getActions().stream()
                .filter(
                    a ->
                        a.getQName().getLocalName().equals(step.getLocalName())
                            && a.getQName().getNamespace().toString().equals(ns))
                .findFirst();
        if (found.isPresent()) {
          if (path.isEmpty()) {
            throw new RpcException(
                DataErrors.badElement(path, step.getLocalName(), "an action needs a data node"));
          }
          ActionDefinition def = found.get();
          schemaPath.add(def.getQName());
          var inputPath = new ArrayList<>(schemaPath);
          inputPath.add(def.getInput().getQName());
          ContainerNode input = inputs.parseInput(step, def.getInput(), inputPath, path);
          return new ActionCall(path, Absolute.of(schemaPath), input);
        }
      }
      var children = SchemaChild.find(context, level, ns, step.getLocalName());
      if (children.isEmpty()) {
        throw new RpcException(
            DataErrors.unknownElement(
                path,
                step.getLocalName(),
                "'"
                    + step.getLocalName()
                    + "' is neither a data node nor an action here; check the path to the action"));
      }
      var child = children.get(0);
      schemaPath.addAll(child.schemaSteps());
      path = child.pathThroughChoices(path);
      var node = child.node();
      if (node instanceof ListSchemaNode list) {
        path = path.node(NodeIdentifier.create(list.getQName()));
        path = path.node(inputs.entryKey(step, list, schemaPath, path));
        level = list;
      } else if (node instanceof ContainerSchemaNode container) {
        path = path.node(NodeIdentifier.create(container.getQName()));
        level = container;
      } else {
        throw new RpcException(
            DataErrors.badElement(
                path,
                step.getLocalName(),
                "'" + step.getLocalName() + "' cannot hold an action (RFC 7950 §7.15)"));
      }
      current = step;
    }
  }

  /** The one child element that leads on: key leaves of a list entry are skipped. */
  private static Element onlyNonKeyChild(
      Element parent, DataNodeContainer level, YangInstanceIdentifier path) throws RpcException {
    var keys = level instanceof ListSchemaNode list ? list.getKeyDefinition() : List.<QName>of();
    Element found = null;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      boolean isKey =
          keys.stream()
              .anyMatch(
                  k ->
                      k.getLocalName().equals(e.getLocalName())
                          && k.getNamespace().toString().equals(e.getNamespaceURI()));
      if (isKey) {
        continue;
      }
      if (found != null) {
        throw new RpcException(
            DataErrors.badElement(
                path,
                e.getLocalName(),
                "only one path to one action may be given; found '"
                    + found.getLocalName()
                    + "' and '"
                    + e.getLocalName()
                    + "' (RFC 7950 §7.15.2)"));
      }
      found = e;
    }
    if (found == null) {
      throw new RpcException(
          DataErrors.missingElement(
              path, "action", "the path ends before reaching an action (RFC 7950 §7.15.2)"));
    }
    return found;
  }
}
