package io.yamano.cli.config;

import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.error.RpcException;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The shared candidate of RFC 6241 §8.3: edits are visible to every NETCONF and CLI session using
 * it, and a commit commits everyone's pending edits.
 */
public final class SharedCandidate implements Workspace {
  private final DatastoreSession session;

  public SharedCandidate(DatastoreSession session) {
    this.session = session;
  }

  @Override
  public NormalizedNode root() {
    return session
        .datastore()
        .snapshot(DatastoreName.CANDIDATE)
        .readNode(YangInstanceIdentifier.of())
        .orElseThrow();
  }

  @Override
  public void apply(List<Edit> edits) throws RpcException {
    var tx = session.newTransaction(DatastoreName.CANDIDATE);
    for (var edit : edits) {
      edit.applyTo(tx);
    }
    tx.commit("");
  }

  @Override
  public boolean modified() {
    return session.candidateModified();
  }

  @Override
  public ChangeSet validate() throws RpcException {
    return session.validateCandidate();
  }

  @Override
  public ChangeSet commit(CommitOptions options) throws RpcException {
    if (options.confirmed().isPresent()) {
      return session.commitCandidateConfirmed(
          options.comment(), options.confirmed().get(), Optional.empty(), Optional.empty());
    }
    return session.commitCandidate(options.comment());
  }

  @Override
  public void discard() throws RpcException {
    session.discardChanges();
  }

  @Override
  public String kind() {
    return "shared";
  }
}
