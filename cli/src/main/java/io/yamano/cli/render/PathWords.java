package io.yamano.cli.render;

import io.yamano.cli.schema.Values;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** Instance paths in the words a user types: {@code nfv vnfd cirros vdu mgmt sw-image-desc}. */
public final class PathWords {
  private final DataSchemaContextTree tree;
  private final Values values;

  public PathWords(EffectiveModelContext context, Values values) {
    this.tree = DataSchemaContextTree.from(context);
    this.values = values;
  }

  public List<String> words(YangInstanceIdentifier path) {
    var out = new ArrayList<String>();
    var args = path.getPathArguments();
    for (int i = 0; i < args.size(); i++) {
      var arg = args.get(i);
      if (arg instanceof NodeIdentifierWithPredicates keys) {
        out.add(arg.getNodeType().getLocalName());
        for (var key : keys.entrySet()) {
          out.add(Values.quote(values.format(key.getValue(), key.getKey().getModule())));
        }
      } else if (arg instanceof NodeWithValue<?> value) {
        out.add(Values.quote(values.format(value.getValue(), value.getNodeType().getModule())));
      } else {
        boolean listHolder =
            i + 1 < args.size() && args.get(i + 1) instanceof NodeIdentifierWithPredicates;
        boolean leafSetHolder = i + 1 < args.size() && args.get(i + 1) instanceof NodeWithValue<?>;
        var schema =
            tree.findChild(YangInstanceIdentifier.of(args.subList(0, i + 1)))
                .map(c -> c.dataSchemaNode())
                .orElse(null);
        if (listHolder || schema instanceof ChoiceSchemaNode) {
          continue;
        }
        out.add(arg.getNodeType().getLocalName());
        if (leafSetHolder) {
          continue;
        }
      }
    }
    return out;
  }

  public String text(YangInstanceIdentifier path) {
    return String.join(" ", words(path));
  }
}
