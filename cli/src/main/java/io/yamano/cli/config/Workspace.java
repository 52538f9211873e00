package io.yamano.cli.config;

import io.yamano.datastore.ChangeSet;
import io.yamano.error.RpcException;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/** Configure mode's working copy of the configuration. */
public sealed interface Workspace permits PrivateCandidate, SharedCandidate {
  /** The whole configuration as it would be committed now. */
  NormalizedNode root();

  /** Applies edits, all or none. */
  void apply(List<Edit> edits) throws RpcException;

  /** Whether anything would change if committed. */
  boolean modified();

  /** Validates as a commit would, changing nothing. */
  ChangeSet validate() throws RpcException;

  /** Commits into running; the working copy then has no pending changes. */
  ChangeSet commit(CommitOptions options) throws RpcException;

  /** Drops the pending changes. */
  void discard() throws RpcException;

  /** {@code private} or {@code shared}, for the banner. */
  String kind();

  /** Ends configure mode (a private candidate is simply forgotten). */
  default void close() {}
}
