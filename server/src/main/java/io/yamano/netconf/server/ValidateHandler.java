package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.EnumSet;
import java.util.Set;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * {@code <validate>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.6">RFC 6241
 * §8.6</a>, {@code :validate:1.1}): validates the candidate, running, startup, inline {@code
 * <config>} or a {@code file:} URL in full, as a commit into running would, and changes nothing.
 */
final class ValidateHandler implements OperationHandler {
  private static final Params.Name SOURCE = Params.Name.base("source");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(SOURCE));
    var source =
        ConfigSource.read(
            params.required(SOURCE),
            EnumSet.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP),
            true,
            true);
    if (source instanceof ConfigSource.Datastore ds && ds.name() == DatastoreName.CANDIDATE) {
      request.datastore().validateCandidate();
      return ReplyBody.OK;
    }
    if (source instanceof ConfigSource.Datastore ds && ds.name() == DatastoreName.RUNNING) {
      // running only ever holds configuration that passed full validation
      return ReplyBody.OK;
    }
    var tree = Configs.tree(request, source);
    var tx = request.datastore().newTransaction(DatastoreName.RUNNING);
    tx.replace(YangInstanceIdentifier.of(), tree);
    tx.validate();
    return ReplyBody.OK;
  }
}
