package io.yamano.datastore;

import io.yamano.datastore.validation.TreeErrors;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;

/**
 * A set of edits to one datastore, made on a snapshot and invisible to others until {@link
 * #commit}. The edit operations follow RFC 6241 §7.2: {@code merge}, {@code replace}, {@code
 * create} (fails if the data exists), {@code delete} (fails if it does not) and {@code remove}.
 *
 * <p>Not thread-safe; use it from one thread and commit or drop it.
 */
public final class Transaction {
  private final DatastoreSession session;
  private final DatastoreName target;
  private final DataTreeModification mod;
  private boolean sealed;

  /** What was written, to name the exact node when the tree reports a missing mandatory one. */
  private final java.util.List<java.util.Map.Entry<YangInstanceIdentifier, NormalizedNode>>
      written = new java.util.ArrayList<>();

  Transaction(DatastoreSession session, DatastoreName target, DataTreeModification mod) {
    this.session = session;
    this.target = target;
    this.mod = mod;
  }

  public DatastoreName target() {
    return target;
  }

  /** Reads through the transaction: the snapshot plus the edits made so far. */
  public Optional<NormalizedNode> read(YangInstanceIdentifier path) {
    return mod.readNode(path);
  }

  public void merge(YangInstanceIdentifier path, NormalizedNode data) throws RpcException {
    checkOpen();
    try {
      mod.merge(path, data);
      written.add(java.util.Map.entry(path, data));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new RpcException(TreeErrors.fromUnchecked(path, e));
    }
    sealSecrets(path, data);
  }

  public void replace(YangInstanceIdentifier path, NormalizedNode data) throws RpcException {
    checkOpen();
    try {
      mod.write(path, data);
      written.add(java.util.Map.entry(path, data));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new RpcException(TreeErrors.fromUnchecked(path, e));
    }
    sealSecrets(path, data);
  }

  /**
   * Replaces each clear secret just written by its sealed form, so that nothing after this point
   * (validation messages, the commit log, notifications, reads) ever holds it in clear.
   */
  private void sealSecrets(YangInstanceIdentifier path, NormalizedNode data) throws RpcException {
    for (var leaf : session.datastore().sealSecrets(path, data)) {
      mod.write(leaf.getKey(), leaf.getValue());
    }
  }

  public void create(YangInstanceIdentifier path, NormalizedNode data) throws RpcException {
    checkOpen();
    if (mod.readNode(path).isPresent()) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.DATA_EXISTS, null, path, "the data to create already exists"));
    }
    replace(path, data);
  }

  public void delete(YangInstanceIdentifier path) throws RpcException {
    checkOpen();
    if (mod.readNode(path).isEmpty()) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.DATA_MISSING, null, path, "the data to delete does not exist"));
    }
    mod.delete(path);
  }

  public void remove(YangInstanceIdentifier path) throws RpcException {
    checkOpen();
    if (mod.readNode(path).isPresent()) {
      mod.delete(path);
    }
  }

  /**
   * Validates the edits as a commit would, without committing (NETCONF test-only). For the
   * candidate, validates the whole candidate including these edits against running.
   */
  public ChangeSet validate() throws RpcException {
    seal();
    return session.dryRun(this);
  }

  /**
   * Commits the edits. For running, startup and operational this validates in full and makes the
   * change durable before returning; for the candidate it only updates the working copy.
   */
  public ChangeSet commit(String comment) throws RpcException {
    seal();
    return session.commitTransaction(this, comment);
  }

  java.util.List<java.util.Map.Entry<YangInstanceIdentifier, NormalizedNode>> written() {
    return written;
  }

  DataTreeModification modification() {
    return mod;
  }

  private void seal() throws RpcException {
    checkOpen();
    sealed = true;
    try {
      mod.ready();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new RpcException(
          io.yamano.datastore.validation.MandatoryLocator.locate(
                  e.getMessage(), written, session.datastore().context())
              .orElseGet(() -> TreeErrors.fromUnchecked(YangInstanceIdentifier.of(), e)));
    }
  }

  private void checkOpen() {
    if (sealed) {
      throw new IllegalStateException("the transaction was already committed or validated");
    }
  }
}
