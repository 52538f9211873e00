package io.yamano.cli;

import io.yamano.cli.parse.LiveData;
import io.yamano.cli.schema.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Completion's live data, read from the tree the user is looking at (the working configuration in
 * configure mode, configuration and state in operational mode): existing list keys and the values a
 * leafref may point to, limited to the list entries the leaf shares with its targets.
 */
final class ViewData implements LiveData {
  private final EffectiveModelContext context;
  private final Values values;
  private final Supplier<NormalizedNode> root;

  ViewData(EffectiveModelContext context, Values values, Supplier<NormalizedNode> root) {
    this.context = context;
    this.values = values;
    this.root = root;
  }

  @Override
  public List<List<String>> keys(YangInstanceIdentifier list, List<QName> keyNames) {
    var out = new ArrayList<List<String>>();
    var node = NormalizedNodes.findNode(root.get(), list);
    if (node.isPresent() && node.get() instanceof MapNode map) {
      for (var entry : map.body()) {
        var row = new ArrayList<String>();
        for (var key : keyNames) {
          row.add(values.format(entry.name().getValue(key), key.getModule()));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Override
  public List<String> leafrefTargets(List<QName> leafSchemaPath, YangInstanceIdentifier at) {
    try {
      var stack = SchemaInferenceStack.of(context, Absolute.of(leafSchemaPath));
      var leaf = (TypedDataSchemaNode) stack.currentStatement();
      TypeDefinition<?> type = leaf.getType();
      while (!(type instanceof LeafrefTypeDefinition) && type.getBaseType() != null) {
        type = type.getBaseType();
      }
      if (!(type instanceof LeafrefTypeDefinition leafref)) {
        return List.of();
      }
      stack.resolvePathExpression(leafref.getPathStatement());
      var target = stack.toSchemaNodeIdentifier().getNodeIdentifiers();
      var found = new ArrayList<String>();
      collect(root.get(), target, 0, YangInstanceIdentifier.of(), at, found);
      return found.stream().distinct().sorted().toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private void collect(
      NormalizedNode node,
      List<QName> steps,
      int i,
      YangInstanceIdentifier here,
      YangInstanceIdentifier at,
      List<String> out) {
    if (i == steps.size()) {
      if (node instanceof LeafNode<?> leaf && sharesEntries(here, at)) {
        out.add(values.format(leaf.body(), leaf.name().getNodeType().getModule()));
      } else if (node instanceof LeafSetNode<?> set && sharesEntries(here, at)) {
        set.body()
            .forEach(e -> out.add(values.format(e.body(), e.name().getNodeType().getModule())));
      }
      return;
    }
    if (node instanceof MapNode map) {
      for (var entry : map.body()) {
        collect(entry, steps, i, here.node(entry.name()), at, out);
      }
      return;
    }
    if (node instanceof DataContainerNode container) {
      var child = container.childByArg(new NodeIdentifier(steps.get(i)));
      if (child == null) {
        // a case step has no data node of its own
        collect(node, steps, i + 1, here, at, out);
      } else {
        collect(child, steps, i + 1, here.node(child.name()), at, out);
      }
    }
  }

  /** True unless both paths go through the same list with different keys. */
  private static boolean sharesEntries(YangInstanceIdentifier target, YangInstanceIdentifier at) {
    var a = target.getPathArguments();
    var b = at.getPathArguments();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      var x = a.get(i);
      var y = b.get(i);
      if (!x.getNodeType().equals(y.getNodeType())) {
        return true;
      }
      if (x instanceof NodeIdentifierWithPredicates && !x.equals(y)) {
        return false;
      }
    }
    return true;
  }
}
