package io.yamano.datastore.validation;

import java.util.List;
import java.util.function.BiConsumer;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;

/** Finds the data instances of a {@link DataShape} below a node, visiting only that shape's way. */
final class InstanceFinder {
  private InstanceFinder() {}

  /**
   * Calls {@code sink} with every instance of {@code shape} that lies below {@code start} (at
   * {@code startPath}, whose shape is a prefix of {@code shape}).
   */
  static void find(
      NormalizedNode start,
      YangInstanceIdentifier startPath,
      DataShape shape,
      BiConsumer<YangInstanceIdentifier, NormalizedNode> sink) {
    var steps = shape.steps();
    int depth = startPath.getPathArguments().size();
    walk(start, startPath, steps, depth, sink);
  }

  private static void walk(
      NormalizedNode node,
      YangInstanceIdentifier path,
      List<QName> steps,
      int depth,
      BiConsumer<YangInstanceIdentifier, NormalizedNode> sink) {
    if (depth == steps.size()) {
      sink.accept(path, node);
      return;
    }
    var step = steps.get(depth);
    if (node instanceof DataContainerNode container) {
      var child = container.childByArg(new NodeIdentifier(step));
      if (child != null) {
        walk(child, path.node(child.name()), steps, depth + 1, sink);
      }
    } else if (node instanceof NormalizedNodeContainer<?> entries) {
      // a list or leaf-list node: its entries carry the same QName
      for (var entry : entries.body()) {
        if (entry.name().getNodeType().equals(step)) {
          walk(entry, path.node(entry.name()), steps, depth + 1, sink);
        }
      }
    }
  }
}
