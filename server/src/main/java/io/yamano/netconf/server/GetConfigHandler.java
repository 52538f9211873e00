package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <get-config>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.1">RFC 6241
 * §7.1</a>): the configuration of running, candidate or startup, filtered by a subtree (§6) or
 * XPath (§8.9) filter, with defaults reported as {@code <with-defaults>} asks (RFC 6243 §4.5.1).
 */
final class GetConfigHandler implements OperationHandler {
  private static final Params.Name SOURCE = Params.Name.base("source");
  private static final Params.Name FILTER = Params.Name.base("filter");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(SOURCE, FILTER, DataQuery.WITH_DEFAULTS));
    var source =
        (ConfigSource.Datastore)
            ConfigSource.read(
                params.required(SOURCE),
                EnumSet.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP),
                false,
                false);
    var filter = DataQuery.filter(request, params.optional(FILTER));
    var mode = DataQuery.withDefaults(params);
    var root = Configs.root(request, source.name());
    var data = DataQuery.apply(request, filter, root);
    return DataQuery.dataReply(request, data, mode);
  }
}
