package io.yamano.datastore.nacm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;

/**
 * One data node on the way from the root to a requested node: its name, and the keys of a list
 * entry or the value of a leaf-list entry. Linked to its parent, so walking a tree allocates one
 * step per node and never copies a path.
 */
final class NodeStep {
  final NodeStep parent;
  final int depth;
  final QName name;
  final Map<QName, Object> keys;
  final Object value;

  NodeStep(NodeStep parent, QName name, Map<QName, Object> keys, Object value) {
    this.parent = parent;
    this.depth = parent == null ? 1 : parent.depth + 1;
    this.name = name;
    this.keys = keys;
    this.value = value;
  }

  /** The ancestor (or this) at {@code targetDepth} (1 is the top-level node). */
  NodeStep at(int targetDepth) {
    var s = this;
    while (s.depth > targetDepth) {
      s = s.parent;
    }
    return s;
  }

  List<NodeStep> fromRoot() {
    var out = new ArrayList<NodeStep>(depth);
    for (var s = this; s != null; s = s.parent) {
      out.add(0, s);
    }
    return out;
  }

  @Override
  public String toString() {
    var b = new StringBuilder();
    for (var s : fromRoot()) {
      b.append('/').append(s.name.getLocalName());
      if (s.keys != null) {
        s.keys.forEach(
            (k, v) -> b.append('[').append(k.getLocalName()).append("='").append(v).append("']"));
      }
      if (s.value != null) {
        b.append("[.='").append(s.value).append("']");
      }
    }
    return b.length() == 0 ? "/" : b.toString();
  }
}
