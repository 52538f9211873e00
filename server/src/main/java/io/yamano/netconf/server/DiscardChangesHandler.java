package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.Set;

/**
 * {@code <discard-changes>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.3.4.2">RFC
 * 6241 §8.3.4.2</a>): the candidate becomes running again.
 */
final class DiscardChangesHandler implements OperationHandler {
  @Override
  public ReplyBody handle(Request request) throws RpcException {
    Params.of(request.operation(), Set.of());
    request.datastore().discardChanges();
    return ReplyBody.OK;
  }
}
