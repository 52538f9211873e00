package io.yamano.datastore.tree;

import io.yamano.datastore.persist.NodeChange;
import java.util.List;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;

/** Applies journaled changes to a modification: forward for recovery, inverse for rollback. */
public final class ChangeReplayer {
  private ChangeReplayer() {}

  /** Makes each changed path hold its after-image (deleting it where the image is empty). */
  public static void applyForward(List<NodeChange> changes, DataTreeModification mod) {
    for (var change : changes) {
      apply(change, mod);
    }
  }

  /** Makes each changed path hold its before-image again, newest change first. */
  public static void applyInverse(List<NodeChange> changes, DataTreeModification mod) {
    for (int i = changes.size() - 1; i >= 0; i--) {
      apply(changes.get(i).inverse(), mod);
    }
  }

  private static void apply(NodeChange change, DataTreeModification mod) {
    if (change.after().isPresent()) {
      if (change.path().isEmpty()) {
        mod.write(change.path(), change.after().get());
      } else {
        // merge creates structural parents (non-presence containers, list nodes) a journaled
        // write may need; the write then replaces the subtree exactly.
        mod.merge(change.path(), change.after().get());
        mod.write(change.path(), change.after().get());
      }
    } else {
      mod.delete(change.path());
    }
  }
}
