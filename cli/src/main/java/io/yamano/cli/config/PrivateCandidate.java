package io.yamano.cli.config;

import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;

/**
 * A candidate of this session only: its edits, replayed on the running configuration of the moment,
 * so that other users' commits show through and a commit changes exactly what this user edited. A
 * plain commit goes straight into running; a confirmed commit goes through the shared candidate,
 * which must then have no pending changes of its own.
 */
public final class PrivateCandidate implements Workspace {
  private final DatastoreSession session;
  private final List<Edit> edits = new ArrayList<>();

  public PrivateCandidate(DatastoreSession session) {
    this.session = session;
  }

  private DataTreeModification view(List<Edit> with) {
    var mod = session.datastore().snapshot(DatastoreName.RUNNING).newModification();
    for (var edit : with) {
      edit.applyTo(mod);
    }
    return mod;
  }

  @Override
  public NormalizedNode root() {
    return view(edits).readNode(YangInstanceIdentifier.of()).orElseThrow();
  }

  @Override
  public synchronized void apply(List<Edit> more) throws RpcException {
    var all = new ArrayList<>(edits);
    all.addAll(sealed(more));
    try {
      var mod = view(all);
      mod.ready();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new RpcException(
          RpcError.application(ErrorTag.INVALID_VALUE, null, null, e.getMessage()));
    }
    edits.clear();
    edits.addAll(all);
  }

  /** The edits followed by the writes that seal their secrets, so no view holds one in clear. */
  private List<Edit> sealed(List<Edit> more) throws RpcException {
    var out = new ArrayList<Edit>();
    for (var edit : more) {
      out.add(edit);
      List<? extends java.util.Map.Entry<YangInstanceIdentifier, ? extends NormalizedNode>>
          written = List.of();
      if (edit instanceof Edit.Merge m) {
        written = session.datastore().sealSecrets(m.path(), m.data());
      } else if (edit instanceof Edit.Replace r) {
        written = session.datastore().sealSecrets(r.path(), r.data());
      }
      for (var leaf : written) {
        out.add(new Edit.Replace(leaf.getKey(), leaf.getValue()));
      }
    }
    return out;
  }

  @Override
  public boolean modified() {
    if (edits.isEmpty()) {
      return false;
    }
    var running =
        session
            .datastore()
            .snapshot(DatastoreName.RUNNING)
            .readNode(YangInstanceIdentifier.of())
            .orElseThrow();
    return !running.equals(root());
  }

  @Override
  public ChangeSet validate() throws RpcException {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    for (var edit : edits) {
      edit.applyTo(tx);
    }
    return tx.validate();
  }

  @Override
  public synchronized ChangeSet commit(CommitOptions options) throws RpcException {
    var datastore = session.datastore();
    if (options.confirmed().isPresent() || datastore.pendingConfirmedCommit().isPresent()) {
      return commitThroughCandidate(options);
    }
    var tx = session.newTransaction(DatastoreName.RUNNING);
    for (var edit : edits) {
      edit.applyTo(tx);
    }
    var changes = tx.commit(options.comment());
    edits.clear();
    return changes;
  }

  /** Confirmed commits (and their confirmation) are a feature of the shared candidate. */
  private ChangeSet commitThroughCandidate(CommitOptions options) throws RpcException {
    if (session.candidateModified()) {
      throw new RpcException(
          RpcError.protocol(
              ErrorTag.IN_USE,
              "the shared candidate has changes of another session; a confirmed commit needs it"
                  + " clean (commit or discard them there first)"));
    }
    session.lock(DatastoreName.CANDIDATE);
    try {
      try {
        var tx = session.newTransaction(DatastoreName.CANDIDATE);
        for (var edit : edits) {
          edit.applyTo(tx);
        }
        tx.commit(options.comment());
        var changes =
            options.confirmed().isPresent()
                ? session.commitCandidateConfirmed(
                    options.comment(),
                    options.confirmed().get(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty())
                : session.commitCandidate(options.comment());
        edits.clear();
        return changes;
      } catch (RpcException | RuntimeException e) {
        session.discardChanges();
        throw e;
      }
    } finally {
      session.unlock(DatastoreName.CANDIDATE);
    }
  }

  @Override
  public synchronized void discard() {
    edits.clear();
  }

  @Override
  public String kind() {
    return "private";
  }
}
