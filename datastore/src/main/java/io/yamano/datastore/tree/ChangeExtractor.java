package io.yamano.datastore.tree;

import io.yamano.datastore.ChangeKind;
import io.yamano.datastore.DataChange;
import io.yamano.datastore.persist.NodeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;

/**
 * Turns a prepared {@link DataTreeCandidate} into Yamano's change lists. The walk visits only
 * modified nodes, so its cost follows the size of the change, not of the tree.
 */
public final class ChangeExtractor {
  private ChangeExtractor() {}

  /** The typed change set: modified ancestors plus created, deleted and replaced subtrees. */
  public static List<DataChange> dataChanges(DataTreeCandidate candidate) {
    var out = new ArrayList<DataChange>();
    walk(candidate.getRootPath(), candidate.getRootNode(), out, null, true);
    return out;
  }

  /** The journal form: only the outermost written or deleted subtrees, with both images. */
  public static List<NodeChange> nodeChanges(DataTreeCandidate candidate) {
    var out = new ArrayList<NodeChange>();
    walk(candidate.getRootPath(), candidate.getRootNode(), null, out, true);
    return out;
  }

  private static void walk(
      YangInstanceIdentifier path,
      DataTreeCandidateNode node,
      List<DataChange> changes,
      List<NodeChange> nodeChanges,
      boolean root) {
    var before = Optional.ofNullable(node.dataBefore());
    var after = Optional.ofNullable(node.dataAfter());
    switch (node.modificationType()) {
      case UNMODIFIED:
        return;
      case WRITE:
        if (before.isPresent() && after.isPresent() && before.get().equals(after.get())) {
          return;
        }
        if (root && before.isPresent() && after.isPresent()) {
          // A whole-tree write is journaled per top-level child, so that rollback and replay stay
          // as small as the change.
          descend(path, node, changes, nodeChanges);
          return;
        }
        emit(path, before, after, changes, nodeChanges);
        return;
      case DELETE:
      case DISAPPEARED:
        if (before.isEmpty()) {
          return;
        }
        emit(path, before, Optional.empty(), changes, nodeChanges);
        return;
      case APPEARED:
      case SUBTREE_MODIFIED:
        if (before.isEmpty() && !root) {
          emit(path, before, after, changes, nodeChanges);
          return;
        }
        int mark = changes == null ? 0 : changes.size();
        descend(path, node, changes, nodeChanges);
        if (changes != null && !root && changes.size() > mark) {
          // Only ancestors of real changes count as modified; a merge of equal values is none.
          changes.add(mark, new DataChange(ChangeKind.MODIFIED, path, before, after));
        }
        return;
      default:
        throw new IllegalStateException("unknown modification " + node.modificationType());
    }
  }

  private static void descend(
      YangInstanceIdentifier path,
      DataTreeCandidateNode node,
      List<DataChange> changes,
      List<NodeChange> nodeChanges) {
    for (var child : node.childNodes()) {
      walk(path.node(child.name()), child, changes, nodeChanges, false);
    }
  }

  private static void emit(
      YangInstanceIdentifier path,
      Optional<org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode> before,
      Optional<org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode> after,
      List<DataChange> changes,
      List<NodeChange> nodeChanges) {
    if (changes != null) {
      var kind =
          before.isEmpty()
              ? ChangeKind.CREATED
              : after.isEmpty() ? ChangeKind.DELETED : ChangeKind.REPLACED;
      changes.add(new DataChange(kind, path, before, after));
    }
    if (nodeChanges != null) {
      nodeChanges.add(new NodeChange(path, before, after));
    }
  }
}
