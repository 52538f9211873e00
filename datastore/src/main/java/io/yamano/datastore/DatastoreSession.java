package io.yamano.datastore;

import io.yamano.datastore.nacm.UserAccess;
import io.yamano.datastore.validation.TreeErrors;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;

/**
 * The one API every front end (NETCONF, RESTCONF, CLI) and Yamano's own components use to read and
 * change the datastores on behalf of a user: it owns locks, starts transactions and runs the
 * candidate operations of RFC 6241 §8.3.
 */
public final class DatastoreSession implements AutoCloseable {
  private final Datastore datastore;
  private final long id;
  private final String user;
  private final String frontEnd;
  private final boolean internal;
  private volatile boolean closed;

  DatastoreSession(Datastore datastore, long id, String user, String frontEnd, boolean internal) {
    this.datastore = datastore;
    this.id = id;
    this.user = user;
    this.frontEnd = frontEnd;
    this.internal = internal;
  }

  /** The interface the session came in on ({@code netconf}, {@code internal} ...). */
  public String frontEnd() {
    return frontEnd;
  }

  /** Whether this is a recovery session of Yamano itself, which access control does not limit. */
  public boolean isInternal() {
    return internal;
  }

  /**
   * What this session's user may do now (RFC 8341). Writes are checked by the datastore itself;
   * front ends call {@link UserAccess#prune} on what they read and check notifications before
   * sending them.
   */
  public UserAccess access() {
    var control = datastore.accessControl();
    return internal ? control.recovery() : control.forUser(user);
  }

  public long id() {
    return id;
  }

  public String user() {
    return user;
  }

  public Datastore datastore() {
    return datastore;
  }

  /** Reads a subtree of a datastore as of now. */
  public Optional<NormalizedNode> read(DatastoreName name, YangInstanceIdentifier path) {
    return datastore.snapshot(name).readNode(path);
  }

  /**
   * Starts a transaction on {@code target}.
   *
   * @throws RpcException {@code in-use} if another session holds the datastore's lock
   */
  public Transaction newTransaction(DatastoreName target) throws RpcException {
    checkOpen();
    datastore.locks().checkWritable(target, id);
    var tree =
        target == DatastoreName.CANDIDATE ? datastore.candidate().tree() : datastore.tree(target);
    return new Transaction(this, target, tree.takeSnapshot().newModification());
  }

  /** Locks a datastore for this session (RFC 6241 §7.5). */
  public void lock(DatastoreName name) throws RpcException {
    checkOpen();
    if (name == DatastoreName.CANDIDATE && datastore.candidate().isModified()) {
      throw new RpcException(
          RpcError.protocol(
              ErrorTag.LOCK_DENIED,
              "the candidate has uncommitted changes; commit or discard them before locking it"));
    }
    datastore.locks().lock(name, id);
  }

  public void unlock(DatastoreName name) throws RpcException {
    checkOpen();
    datastore.locks().unlock(name, id);
  }

  /** Whether the candidate holds edits not yet committed. */
  public boolean candidateModified() {
    return datastore.candidate().isModified();
  }

  /** Commits the candidate into running (RFC 6241 §8.3.4.1). */
  public ChangeSet commitCandidate(String comment) throws RpcException {
    return commitCandidate(comment, Optional.empty());
  }

  /**
   * Commits the candidate; if a confirmed commit is pending, this is its confirming commit (RFC
   * 6241 §8.4.1), which needs the pending commit's {@code persist-id} if it was given one.
   */
  public ChangeSet commitCandidate(String comment, Optional<String> persistId) throws RpcException {
    checkOpen();
    datastore.locks().checkWritable(DatastoreName.RUNNING, id);
    datastore.locks().checkWritable(DatastoreName.CANDIDATE, id);
    var confirmed = datastore.confirmedCommits();
    if (confirmed.isPending()) {
      var written =
          new java.util.ArrayList<java.util.Map.Entry<YangInstanceIdentifier, NormalizedNode>>();
      var changes =
          confirmed.confirm(this, candidateAsRunningEdit(written), written, comment, persistId);
      datastore.candidate().committed();
      return changes;
    }
    var written =
        new java.util.ArrayList<java.util.Map.Entry<YangInstanceIdentifier, NormalizedNode>>();
    var changes =
        datastore.commit(
            DatastoreName.RUNNING,
            candidateAsRunningEdit(written),
            user,
            comment,
            false,
            written,
            java.util.Map.of(),
            id);
    // The candidate now equals running at every edited path.
    datastore.candidate().committed();
    return changes;
  }

  /**
   * Commits the candidate as a confirmed commit (RFC 6241 §8.4): undone after {@code timeout}
   * unless confirmed. With {@code persist} it survives the end of this session and any session
   * giving the token as persist-id may confirm or cancel it.
   */
  public ChangeSet commitCandidateConfirmed(
      String comment,
      java.time.Duration timeout,
      Optional<String> persist,
      Optional<String> persistId)
      throws RpcException {
    checkOpen();
    datastore.locks().checkWritable(DatastoreName.RUNNING, id);
    datastore.locks().checkWritable(DatastoreName.CANDIDATE, id);
    var written =
        new java.util.ArrayList<java.util.Map.Entry<YangInstanceIdentifier, NormalizedNode>>();
    var changes =
        datastore
            .confirmedCommits()
            .confirmedCommit(
                this,
                candidateAsRunningEdit(written),
                written,
                comment,
                timeout,
                persist,
                persistId);
    datastore.candidate().committed();
    return changes;
  }

  /** Cancels a pending confirmed commit (RFC 6241 §8.4.11, cancel-commit). */
  public void cancelCommit(Optional<String> persistId) throws RpcException {
    checkOpen();
    datastore.confirmedCommits().cancel(this, persistId);
  }

  /** Validates the candidate in full as a commit would, changing nothing (RFC 6241 §8.6). */
  public ChangeSet validateCandidate() throws RpcException {
    checkOpen();
    var written =
        new java.util.ArrayList<java.util.Map.Entry<YangInstanceIdentifier, NormalizedNode>>();
    return datastore.commit(
        DatastoreName.RUNNING, candidateAsRunningEdit(written), user, "", true, written);
  }

  /** Drops the candidate's edits (RFC 6241 §8.3.4.2). */
  public void discardChanges() throws RpcException {
    checkOpen();
    datastore.locks().checkWritable(DatastoreName.CANDIDATE, id);
    datastore.candidate().discard(datastore.snapshot(DatastoreName.RUNNING));
  }

  /**
   * Replaces the whole content of {@code target} with {@code root} (copy-config), validated in full
   * when the target is running.
   */
  public ChangeSet replaceAll(DatastoreName target, NormalizedNode root, String comment)
      throws RpcException {
    var tx = newTransaction(target);
    tx.replace(YangInstanceIdentifier.of(), root);
    return tx.commit(comment);
  }

  /** Undoes the newest {@code count} commits to running as one new commit. */
  public ChangeSet rollback(int count) throws RpcException {
    checkOpen();
    datastore.locks().checkWritable(DatastoreName.RUNNING, id);
    return datastore.rollback(count, this);
  }

  ChangeSet commitTransaction(Transaction tx, String comment) throws RpcException {
    checkOpen();
    datastore.locks().checkWritable(tx.target(), id);
    if (tx.target() == DatastoreName.CANDIDATE) {
      var tree = datastore.candidate().tree();
      synchronized (datastore.candidate()) {
        try {
          tree.validate(tx.modification());
          var prepared = tree.prepare(tx.modification());
          if (!internal) {
            access()
                .checkWrite(
                    io.yamano.datastore.tree.ChangeExtractor.dataChanges(prepared), frontEnd);
          }
          tree.commit(prepared);
          datastore.candidate().edited(prepared);
          return new ChangeSet(
              0,
              DatastoreName.CANDIDATE,
              user,
              datastore.clock().instant(),
              comment,
              io.yamano.datastore.tree.ChangeExtractor.dataChanges(prepared),
              prepared.getRootNode().dataAfter(),
              id);
        } catch (DataValidationFailedException e) {
          throw new RpcException(TreeErrors.fromValidation(e));
        }
      }
    }
    return datastore.commit(
        tx.target(),
        tx.modification(),
        user,
        comment,
        false,
        tx.written(),
        java.util.Map.of(),
        id,
        internal ? null : this);
  }

  ChangeSet dryRun(Transaction tx) throws RpcException {
    checkOpen();
    if (tx.target() == DatastoreName.CANDIDATE) {
      // The whole candidate as it would be with these edits, checked against running.
      var runningMod = datastore.snapshot(DatastoreName.RUNNING).newModification();
      datastore.candidate().copyEditsInto(runningMod);
      var candidateTree = datastore.candidate().tree();
      try {
        candidateTree.validate(tx.modification());
        var prepared = candidateTree.prepare(tx.modification());
        if (!internal) {
          access()
              .checkWrite(io.yamano.datastore.tree.ChangeExtractor.dataChanges(prepared), frontEnd);
        }
        io.yamano.datastore.tree.ChangeReplayer.applyForward(
            io.yamano.datastore.tree.ChangeExtractor.nodeChanges(prepared), runningMod);
      } catch (DataValidationFailedException e) {
        throw new RpcException(TreeErrors.fromValidation(e));
      }
      try {
        runningMod.ready();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new RpcException(TreeErrors.fromUnchecked(YangInstanceIdentifier.of(), e));
      }
      return datastore.commit(DatastoreName.RUNNING, runningMod, user, "", true);
    }
    return datastore.commit(
        tx.target(),
        tx.modification(),
        user,
        "",
        true,
        tx.written(),
        java.util.Map.of(),
        id,
        internal ? null : this);
  }

  private DataTreeModification candidateAsRunningEdit(
      java.util.List<java.util.Map.Entry<YangInstanceIdentifier, NormalizedNode>> written)
      throws RpcException {
    var runningMod = datastore.snapshot(DatastoreName.RUNNING).newModification();
    written.addAll(datastore.candidate().copyEditsInto(runningMod));
    try {
      runningMod.ready();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new RpcException(
          io.yamano.datastore.validation.MandatoryLocator.locate(
                  e.getMessage(), written, datastore.context())
              .orElseGet(() -> TreeErrors.fromUnchecked(YangInstanceIdentifier.of(), e)));
    }
    return runningMod;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("session " + id + " is closed");
    }
  }

  /** Ends the session: releases its locks (discarding the candidate if it held its lock). */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      datastore.sessionClosed(this);
    }
  }
}
