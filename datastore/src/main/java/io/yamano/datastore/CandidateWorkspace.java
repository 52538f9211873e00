package io.yamano.datastore;

import io.yamano.datastore.persist.NodeChange;
import io.yamano.datastore.tree.ChangeExtractor;
import io.yamano.datastore.tree.ChangeReplayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeSnapshot;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;

/**
 * The candidate datastore (RFC 6241 §8.3): a working copy of running plus the set of paths edited
 * since it was last committed or discarded. Every operation touches only edited or committed paths,
 * so candidate work costs the size of the edit, never of the datastore.
 */
final class CandidateWorkspace {
  private final DataTree tree;
  private final java.util.Set<YangInstanceIdentifier> dirty = new java.util.LinkedHashSet<>();

  CandidateWorkspace(DataTree tree) {
    this.tree = tree;
  }

  DataTree tree() {
    return tree;
  }

  /** Makes the candidate a full copy of running (at start-up). */
  synchronized void copyAll(DataTreeSnapshot running) {
    var mod = tree.takeSnapshot().newModification();
    mod.write(
        YangInstanceIdentifier.of(), running.readNode(YangInstanceIdentifier.of()).orElseThrow());
    apply(mod);
    dirty.clear();
  }

  synchronized boolean isModified() {
    return !dirty.isEmpty();
  }

  /** Records which paths a candidate edit touched. */
  synchronized void edited(DataTreeCandidate applied) {
    for (var change : ChangeExtractor.nodeChanges(applied)) {
      dirty.add(change.path());
    }
  }

  /** Running took a commit: an unmodified candidate follows it, an edited one keeps its edits. */
  synchronized void followRunning(List<NodeChange> committed) {
    if (dirty.isEmpty()) {
      var mod = tree.takeSnapshot().newModification();
      ChangeReplayer.applyForward(committed, mod);
      apply(mod);
    }
  }

  /** The candidate was committed: it equals running at every edited path. */
  synchronized void committed() {
    dirty.clear();
  }

  /** Puts running's content back at every edited path (discard-changes). */
  synchronized void discard(DataTreeSnapshot running) {
    var mod = tree.takeSnapshot().newModification();
    for (var path : outermost()) {
      var node = running.readNode(path);
      if (node.isPresent()) {
        mod.merge(path, node.get());
        mod.write(path, node.get());
      } else {
        mod.delete(path);
      }
    }
    apply(mod);
    dirty.clear();
  }

  /** Writes the edited paths' candidate content into {@code runningMod}. */
  synchronized List<
          java.util.Map.Entry<
              YangInstanceIdentifier,
              org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode>>
      copyEditsInto(DataTreeModification runningMod) {
    var written =
        new ArrayList<
            java.util.Map.Entry<
                YangInstanceIdentifier,
                org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode>>();
    var candidateNow = tree.takeSnapshot();
    for (var path : outermost()) {
      var node = candidateNow.readNode(path);
      if (node.isPresent()) {
        runningMod.write(path, node.get());
        written.add(java.util.Map.entry(path, node.get()));
      } else {
        runningMod.delete(path);
      }
    }
    return written;
  }

  private void apply(DataTreeModification mod) {
    mod.ready();
    try {
      tree.validate(mod);
      tree.commit(tree.prepare(mod));
    } catch (DataValidationFailedException e) {
      throw new IllegalStateException("the candidate cannot follow running", e);
    }
  }

  /** Edited paths without those that lie under another edited path. */
  private List<YangInstanceIdentifier> outermost() {
    var sorted = new ArrayList<>(dirty);
    sorted.sort(Comparator.comparingInt(p -> p.getPathArguments().size()));
    var kept = new java.util.HashSet<YangInstanceIdentifier>();
    var out = new ArrayList<YangInstanceIdentifier>();
    for (var path : sorted) {
      boolean covered = false;
      for (var ancestor = path; ancestor != null; ancestor = ancestor.getParent()) {
        if (kept.contains(ancestor)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        kept.add(path);
        out.add(path);
      }
    }
    return out;
  }
}
