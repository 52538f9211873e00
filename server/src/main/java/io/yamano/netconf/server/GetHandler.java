package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.Set;

/**
 * {@code <get>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.7">RFC 6241 §7.7</a>):
 * running configuration and state data, that is the operational view of {@link StateView}, with a
 * subtree or XPath filter and with-defaults.
 */
final class GetHandler implements OperationHandler {
  private static final Params.Name FILTER = Params.Name.base("filter");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(FILTER, DataQuery.WITH_DEFAULTS));
    var filter = DataQuery.filter(request, params.optional(FILTER));
    var mode = DataQuery.withDefaults(params);
    var data = DataQuery.apply(request, filter, StateView.operational(request));
    return DataQuery.dataReply(request, data, mode);
  }
}
