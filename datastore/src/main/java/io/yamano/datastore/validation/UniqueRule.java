package io.yamano.datastore.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * One {@code unique} statement of a list (RFC 7950 §7.8.3): the descendant leaves whose combined
 * values must differ between entries, and their defaults.
 *
 * @param argument the statement's argument as written, for messages
 * @param leaves each unique leaf as a descendant path of QNames below the entry
 * @param defaults each leaf's default value as text, or empty
 */
record UniqueRule(String argument, List<List<QName>> leaves, List<Optional<String>> defaults) {
  UniqueRule {
    leaves = leaves.stream().map(List::copyOf).toList();
    defaults = List.copyOf(defaults);
  }

  /**
   * The entry's combined values, or empty if some leaf has neither a value nor a default: such an
   * entry takes no part in the check.
   */
  Optional<List<String>> tuple(NormalizedNode entry) {
    if (entry == null) {
      return Optional.empty();
    }
    var out = new ArrayList<String>(leaves.size());
    for (int i = 0; i < leaves.size(); i++) {
      var value = read(entry, leaves.get(i)).or(() -> Optional.empty());
      if (value.isEmpty()) {
        value = defaults.get(i);
      }
      if (value.isEmpty()) {
        return Optional.empty();
      }
      out.add(value.get());
    }
    return Optional.of(out);
  }

  private static Optional<String> read(NormalizedNode from, List<QName> steps) {
    NormalizedNode node = from;
    for (var step : steps) {
      node = child(node, step);
      if (node == null) {
        return Optional.empty();
      }
    }
    return node instanceof LeafNode<?> leaf
        ? Optional.of(String.valueOf(leaf.body()))
        : Optional.empty();
  }

  private static NormalizedNode child(NormalizedNode node, QName step) {
    if (!(node instanceof DataContainerNode container)) {
      return null;
    }
    var direct = container.childByArg(new NodeIdentifier(step));
    if (direct != null) {
      return direct;
    }
    for (var child : container.body()) {
      if (child instanceof ChoiceNode choice) {
        var inChoice = child(choice, step);
        if (inChoice != null) {
          return inChoice;
        }
      }
    }
    return null;
  }
}
