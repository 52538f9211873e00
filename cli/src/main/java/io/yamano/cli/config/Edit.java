package io.yamano.cli.config;

import io.yamano.datastore.Transaction;
import io.yamano.error.RpcException;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;

/** One change a configure-mode command makes. */
public sealed interface Edit {
  /** Applies the edit to a scratch modification (the private candidate's view). */
  void applyTo(DataTreeModification mod);

  /** Applies the edit to a transaction (commit, or the shared candidate). */
  void applyTo(Transaction tx) throws RpcException;

  /**
   * Merges {@code data}, the top-level node holding the edited subtree, at {@code path}.
   *
   * @param path a top-level node (one step), so that no parent needs to exist
   */
  record Merge(YangInstanceIdentifier path, NormalizedNode data) implements Edit {
    @Override
    public void applyTo(DataTreeModification mod) {
      mod.merge(path, data);
    }

    @Override
    public void applyTo(Transaction tx) throws RpcException {
      tx.merge(path, data);
    }
  }

  /** Replaces the subtree at {@code path} (the root for {@code load replace} and rollbacks). */
  record Replace(YangInstanceIdentifier path, NormalizedNode data) implements Edit {
    @Override
    public void applyTo(DataTreeModification mod) {
      mod.write(path, data);
    }

    @Override
    public void applyTo(Transaction tx) throws RpcException {
      tx.replace(path, data);
    }
  }

  /** Removes the subtree at {@code path} if it exists then. */
  record Remove(YangInstanceIdentifier path) implements Edit {
    @Override
    public void applyTo(DataTreeModification mod) {
      mod.delete(path);
    }

    @Override
    public void applyTo(Transaction tx) throws RpcException {
      tx.remove(path);
    }
  }
}
