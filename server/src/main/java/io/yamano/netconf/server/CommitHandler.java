package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.Set;

/**
 * {@code <commit>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.3.4.1">RFC 6241
 * §8.3.4.1</a>): validates the candidate in full and makes it running. Confirmed commit (§8.4) is
 * not offered, so its parameters are unknown elements.
 */
final class CommitHandler implements OperationHandler {
  @Override
  public ReplyBody handle(Request request) throws RpcException {
    Params.of(request.operation(), Set.of());
    request.datastore().commitCandidate("commit");
    return ReplyBody.OK;
  }
}
