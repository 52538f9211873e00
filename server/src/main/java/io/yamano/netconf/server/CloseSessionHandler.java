package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.Set;

/**
 * {@code <close-session>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.8">RFC 6241
 * §7.8</a>): answers {@code <ok/>}, then releases the session's locks and closes it.
 */
final class CloseSessionHandler implements OperationHandler {
  @Override
  public ReplyBody handle(Request request) throws RpcException {
    Params.of(request.operation(), Set.of());
    request.session().closeAfterReply();
    return ReplyBody.OK;
  }
}
