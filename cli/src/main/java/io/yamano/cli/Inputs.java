package io.yamano.cli;

import io.yamano.cli.parse.ParsedPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerLike;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;

/** Builds an rpc or action {@code input} container from the leaves given on the command line. */
final class Inputs {
  private Inputs() {}

  static ContainerNode build(ContainerLike input, List<ParsedPath.Assignment> values) {
    var builder =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(input.getQName()));
    for (var child : children(input, values)) {
      builder.withChild(child);
    }
    return builder.build();
  }

  /** Children of a container-like schema node from assignments whose paths start below it. */
  private static List<DataContainerChild> children(
      DataNodeContainer parent, List<ParsedPath.Assignment> values) {
    var groups = new LinkedHashMap<NodeIdentifier, List<ParsedPath.Assignment>>();
    for (var value : values) {
      var first = value.path().getPathArguments().get(0);
      groups
          .computeIfAbsent(new NodeIdentifier(first.getNodeType()), k -> new ArrayList<>())
          .add(value);
    }
    var out = new ArrayList<DataContainerChild>();
    for (Map.Entry<NodeIdentifier, List<ParsedPath.Assignment>> group : groups.entrySet()) {
      var qname = group.getKey().getNodeType();
      DataSchemaNode schema = parent.dataChildByName(qname);
      var members = group.getValue();
      if (schema instanceof LeafListSchemaNode) {
        var set = ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(group.getKey());
        for (var m : members) {
          set.withChild(ImmutableNodes.leafSetEntry(qname, m.value()));
        }
        out.add(set.build());
      } else if (members.get(0).path().getPathArguments().size() == 1) {
        out.add(ImmutableNodes.leafNode(qname, members.get(members.size() - 1).value()));
      } else {
        var below = new ArrayList<ParsedPath.Assignment>();
        for (var m : members) {
          var rest = m.path().getPathArguments().subList(1, m.path().getPathArguments().size());
          var path =
              YangInstanceIdentifier.of(
                  rest.stream().filter(a -> !(a instanceof NodeWithValue<?>) || true).toList());
          below.add(new ParsedPath.Assignment(path, m.node(), m.schemaPath(), m.value()));
        }
        if (schema instanceof ChoiceSchemaNode choice) {
          var choiceBuilder = ImmutableNodes.newChoiceBuilder().withNodeIdentifier(group.getKey());
          var firstChild = below.get(0).path().getPathArguments().get(0).getNodeType();
          var kase =
              choice.getCases().stream()
                  .filter(c -> c.dataChildByName(firstChild) != null)
                  .findFirst()
                  .orElseThrow();
          children(kase, below).forEach(choiceBuilder::withChild);
          out.add(choiceBuilder.build());
        } else if (schema instanceof DataNodeContainer container) {
          var containerBuilder =
              ImmutableNodes.newContainerBuilder().withNodeIdentifier(group.getKey());
          children(container, below).forEach(containerBuilder::withChild);
          out.add(containerBuilder.build());
        }
      }
    }
    return out;
  }
}
