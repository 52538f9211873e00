package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import io.yamano.netconf.message.XmlElement;
import java.util.Set;

/**
 * {@code <cancel-commit>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.4.4.1">RFC
 * 6241 §8.4.4.1</a>): undoes the pending confirmed commit, so running returns to what it was before
 * it. A commit made with {@code <persist>} needs its token as {@code <persist-id>} ({@code
 * invalid-value} otherwise); one without can only be cancelled by its own session ({@code in-use});
 * with nothing pending the answer is {@code operation-failed}.
 */
final class CancelCommitHandler implements OperationHandler {
  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(CommitHandler.PERSIST_ID));
    var persistId = params.optional(CommitHandler.PERSIST_ID).map(XmlElement::trimmedText);
    request.datastore().cancelCommit(persistId);
    return ReplyBody.OK;
  }
}
