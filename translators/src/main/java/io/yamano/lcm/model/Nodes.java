package io.yamano.lcm.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Reading data trees by schema name: children are looked up through choice nodes, leaves come back
 * as their canonical text (identities by local name).
 */
public final class Nodes {
  private Nodes() {}

  /** A child data node, looking through choices and cases. */
  public static Optional<NormalizedNode> child(NormalizedNode node, QName name) {
    if (!(node instanceof DataContainerNode container)) {
      return Optional.empty();
    }
    DataContainerChild direct = container.childByArg(new NodeIdentifier(name));
    if (direct != null) {
      return Optional.of(direct);
    }
    for (DataContainerChild child : container.body()) {
      if (child instanceof ChoiceNode choice) {
        var found = child(choice, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** A descendant by a path of names. */
  public static Optional<NormalizedNode> path(NormalizedNode node, QName... names) {
    Optional<NormalizedNode> current = Optional.of(node);
    for (QName name : names) {
      current = current.flatMap(n -> child(n, name));
    }
    return current;
  }

  /** A leaf's value as text, or {@code null}. */
  public static String text(NormalizedNode node, QName name) {
    return child(node, name).map(Nodes::text).orElse(null);
  }

  /** A leaf's value as text. */
  public static String text(NormalizedNode leaf) {
    if (leaf instanceof LeafNode<?> value) {
      Object body = value.body();
      return body instanceof QName identity ? identity.getLocalName() : String.valueOf(body);
    }
    return null;
  }

  /** A leaf's value as a number, or {@code fallback} when absent. */
  public static long number(NormalizedNode node, QName name, long fallback) {
    var child = child(node, name);
    if (child.isEmpty() || !(child.get() instanceof LeafNode<?> leaf)) {
      return fallback;
    }
    Object body = leaf.body();
    if (body instanceof Number number) {
      return number.longValue();
    }
    if (body instanceof Uint16 u) {
      return u.toJava();
    }
    return Long.parseLong(String.valueOf(body));
  }

  /** A decimal leaf's value, or {@code fallback}. */
  public static double decimal(NormalizedNode node, QName name, double fallback) {
    var child = child(node, name);
    if (child.isEmpty() || !(child.get() instanceof LeafNode<?> leaf)) {
      return fallback;
    }
    Object body = leaf.body();
    if (body instanceof Decimal64 d) {
      return d.doubleValue();
    }
    return Double.parseDouble(String.valueOf(body));
  }

  /** The entries of a list, empty when absent. */
  public static Collection<MapEntryNode> entries(NormalizedNode node, QName name) {
    return child(node, name)
        .filter(MapNode.class::isInstance)
        .map(n -> ((MapNode) n).body())
        .orElse(List.of());
  }

  /** The values of a leaf-list as text, empty when absent. */
  public static List<String> values(NormalizedNode node, QName name) {
    var out = new ArrayList<String>();
    child(node, name)
        .filter(LeafSetNode.class::isInstance)
        .ifPresent(
            n -> {
              for (var entry : ((LeafSetNode<?>) n).body()) {
                Object body = entry.body();
                out.add(body instanceof QName q ? q.getLocalName() : String.valueOf(body));
              }
            });
    return out;
  }
}
