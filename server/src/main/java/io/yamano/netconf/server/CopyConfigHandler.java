package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <copy-config>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.3">RFC 6241
 * §7.3</a>): replaces the whole target (running, candidate, startup or a {@code file:} URL, §8.8)
 * with the source (one of those, or inline {@code <config>}). Source and target the same is {@code
 * invalid-value}. A copy into running is validated in full.
 */
final class CopyConfigHandler implements OperationHandler {
  private static final Params.Name TARGET = Params.Name.base("target");
  private static final Params.Name SOURCE = Params.Name.base("source");
  private static final EnumSet<DatastoreName> CONFIG =
      EnumSet.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP);

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(TARGET, SOURCE, DataQuery.WITH_DEFAULTS));
    var target = ConfigSource.read(params.required(TARGET), CONFIG, true, false);
    var source = ConfigSource.read(params.required(SOURCE), CONFIG, true, true);
    if (source.equals(target)) {
      throw Errors.invalidValue(
          target.elementName(), "source and target of copy-config are the same (RFC 6241 §7.3)");
    }
    var mode = DataQuery.withDefaults(params);
    var tree = Configs.tree(request, source);
    if (target instanceof ConfigSource.Datastore ds) {
      request.datastore().replaceAll(ds.name(), tree, "copy-config from " + source.elementName());
    } else {
      var url = ((ConfigSource.Url) target).url();
      request.context().urls().write(url, Configs.document(request.context(), tree, mode));
    }
    return ReplyBody.OK;
  }
}
