package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.Set;

/**
 * {@code <unlock>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.6">RFC 6241
 * §7.6</a>): only the session holding the lock may release it ({@code operation-failed} otherwise).
 */
final class UnlockHandler implements OperationHandler {
  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(LockHandler.TARGET));
    var target =
        ((ConfigSource.Datastore)
                ConfigSource.read(
                    params.required(LockHandler.TARGET), LockHandler.LOCKABLE, false, false))
            .name();
    request.datastore().unlock(target);
    request.context().locks().unlocked(target);
    return ReplyBody.OK;
  }
}
