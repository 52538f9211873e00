package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <delete-config>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.4">RFC 6241
 * §7.4</a>): empties startup or deletes a {@code file:} URL. Running cannot be deleted and the
 * candidate is not a target of this operation (ietf-netconf {@code config-target}): both are {@code
 * invalid-value} naming the element.
 */
final class DeleteConfigHandler implements OperationHandler {
  private static final Params.Name TARGET = Params.Name.base("target");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(TARGET));
    var target =
        ConfigSource.read(params.required(TARGET), EnumSet.of(DatastoreName.STARTUP), true, false);
    if (target instanceof ConfigSource.Datastore ds) {
      request.datastore().replaceAll(ds.name(), Configs.empty(), "delete-config");
    } else {
      request.context().urls().delete(((ConfigSource.Url) target).url());
    }
    return ReplyBody.OK;
  }
}
