package io.yamano.datastore;

/**
 * Receives the change set of every commit to one datastore, after the commit is durable, in commit
 * order, on a thread of its own (a slow listener delays only itself).
 */
@FunctionalInterface
public interface ChangeListener {
  void onCommit(ChangeSet changes);
}
