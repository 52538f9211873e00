package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <lock>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.5">RFC 6241 §7.5</a>)
 * of running, candidate or startup. A refusal is {@code lock-denied} with the {@code session-id} of
 * the holder in error-info, or 0 when no session holds it (the candidate has uncommitted changes).
 */
final class LockHandler implements OperationHandler {
  static final Params.Name TARGET = Params.Name.base("target");
  static final EnumSet<DatastoreName> LOCKABLE =
      EnumSet.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP);

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(TARGET));
    var target =
        ((ConfigSource.Datastore)
                ConfigSource.read(params.required(TARGET), LOCKABLE, false, false))
            .name();
    try {
      request.datastore().lock(target);
    } catch (RpcException e) {
      var errors =
          e.errors().stream()
              .map(
                  err ->
                      err.tag() == ErrorTag.LOCK_DENIED && !err.info().containsKey("session-id")
                          ? err.withInfo("session-id", "0")
                          : err)
              .toList();
      throw new RpcException(errors);
    }
    request.context().locks().locked(target, request.session().id());
    return ReplyBody.OK;
  }
}
