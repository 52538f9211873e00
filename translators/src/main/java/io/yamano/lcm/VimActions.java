package io.yamano.lcm;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.lcm.exec.VimConnections;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import io.yamano.vim.OwnedResource;
import io.yamano.vim.VimException;
import io.yamano.vim.resourceless.ResourcelessVim;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * The {@code yamano-vim} actions on a VIM account: {@code fail-resource}, the failure drill of the
 * resource-less VIM (the same failure its injector produces, on demand).
 */
final class VimActions {
  private final YangNames n;
  private final VimConnections vims;

  private VimActions(YangNames n, VimConnections vims) {
    this.n = n;
    this.vims = vims;
  }

  static AutoCloseable register(Datastore datastore, YangNames names, VimConnections vims) {
    var actions = new VimActions(names, vims);
    return datastore
        .operations()
        .register(
            Absolute.of(
                names.vim("vim-accounts"), names.vim("vim-account"), names.vim("fail-resource")),
            actions::failResource);
  }

  private ContainerNode failResource(OperationRequest r) throws RpcException {
    String account = null;
    for (var arg : r.target().getPathArguments()) {
      if (arg instanceof NodeIdentifierWithPredicates key) {
        account = String.valueOf(key.values().iterator().next());
      }
    }
    String id = Nodes.text(r.input(), n.vim("resource-id"));
    try {
      var connection = vims.connection(account);
      if (!(connection instanceof ResourcelessVim vim)) {
        throw new RpcException(
            RpcError.application(
                ErrorTag.OPERATION_NOT_SUPPORTED,
                null,
                r.target(),
                "VIM account '"
                    + account
                    + "' is not resource-less: failures are only simulated there"));
      }
      OwnedResource resource =
          vim.listOwned().stream()
              .filter(o -> o.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () ->
                      new RpcException(
                          RpcError.application(
                              ErrorTag.INVALID_VALUE,
                              null,
                              r.target().node(new NodeIdentifier(n.vim("resource-id"))),
                              "VIM account '"
                                  + vim.account().name()
                                  + "' has no resource '"
                                  + id
                                  + "'")));
      vim.markFailed(resource.kind(), id);
    } catch (VimException e) {
      throw new RpcException(
          RpcError.application(ErrorTag.OPERATION_FAILED, null, r.target(), e.getMessage()));
    }
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(new NodeIdentifier(QName.create(n.vim(), "output")))
        .build();
  }
}
