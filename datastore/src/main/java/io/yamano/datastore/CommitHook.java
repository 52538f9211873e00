package io.yamano.datastore;

import io.yamano.error.RpcException;

/**
 * Runs inside a commit, after YANG validation and before the change becomes durable; may veto it.
 * Translators use it to refuse what cannot be realised (no such VIM account, no capacity). Hooks
 * must be fast and must not write to the datastore.
 */
@FunctionalInterface
public interface CommitHook {
  /**
   * @throws RpcException to refuse the commit; its errors go back to the client unchanged
   */
  void validate(ChangeSet proposed) throws RpcException;
}
