package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.operation.Invoker;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.ActionCall;
import io.yamano.netconf.message.RawReplyBody;
import io.yamano.netconf.message.ReplyBody;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * The rpcs and actions YANG modules define beyond the NETCONF base: input parsed with the
 * operation's schema, carried out by the handler registered with the datastore's {@link
 * io.yamano.datastore.operation.Operations}, output written as the children of {@code <rpc-reply>}
 * (RFC 7950 §7.14.4, §7.15.2), or {@code <ok/>} when there is none.
 */
final class YangOperations {
  /** The namespace of the {@code <action>} operation (RFC 7950 §7.15.2). */
  static final String ACTION_NAMESPACE = "urn:ietf:params:xml:ns:yang:1";

  private YangOperations() {}

  /** {@code <action>}: finds the target node and the action, checks the node exists, invokes. */
  static final class ActionHandler implements OperationHandler {
    @Override
    public ReplyBody handle(Request request) throws RpcException {
      var ctx = request.context();
      var call = ActionCall.parse(request.dom(request.operation()), ctx.schema(), ctx.editParser());
      // access first: a denied user must not learn whether the target exists (RFC 8341 §3.4.5)
      ctx.datastore().operations().checkAccess(call.operation(), call.target(), invoker(request));
      if (!exists(ctx, call.target())) {
        throw new RpcException(
            new RpcError(
                ErrorType.APPLICATION,
                ErrorTag.DATA_MISSING,
                Optional.of("instance-required"),
                Optional.of(call.target()),
                "the node the action '"
                    + call.operation().lastNodeIdentifier().getLocalName()
                    + "' is invoked on does not exist (RFC 7950 §7.15)",
                Map.of()));
      }
      return invoke(request, call.operation(), call.target(), call.input());
    }

    private static boolean exists(ServerContext ctx, YangInstanceIdentifier target) {
      return ctx.datastore().snapshot(DatastoreName.RUNNING).readNode(target).isPresent()
          || ctx.datastore().snapshot(DatastoreName.OPERATIONAL).readNode(target).isPresent();
    }
  }

  /** An rpc of a loaded module, or empty when no module defines one of that name. */
  static Optional<RpcDefinition> rpc(ServerContext ctx, String namespace, String localName) {
    if (namespace == null || namespace.isEmpty()) {
      return Optional.empty();
    }
    try {
      return ctx
          .schema()
          .findModules(org.opendaylight.yangtools.yang.common.XMLNamespace.of(namespace))
          .stream()
          .flatMap(m -> m.getRpcs().stream())
          .filter(r -> r.getQName().getLocalName().equals(localName))
          .findFirst()
          .map(r -> (RpcDefinition) r);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Invokes a module's rpc: its input is the operation element's content. */
  static ReplyBody invokeRpc(Request request, RpcDefinition rpc) throws RpcException {
    var ctx = request.context();
    QName name = rpc.getQName();
    ContainerNode input =
        ctx.editParser()
            .parseInput(
                request.dom(request.operation()),
                rpc.getInput(),
                List.of(name, rpc.getInput().getQName()),
                YangInstanceIdentifier.of());
    return invoke(request, Absolute.of(name), YangInstanceIdentifier.of(), input);
  }

  private static Invoker invoker(Request request) {
    var session = request.session();
    return new Invoker(session.username(), session.id(), "netconf");
  }

  private static ReplyBody invoke(
      Request request, Absolute operation, YangInstanceIdentifier target, ContainerNode input)
      throws RpcException {
    var invoker = invoker(request);
    ContainerNode output =
        request
            .context()
            .datastore()
            .operations()
            .invoke(new OperationRequest(operation, target, input, invoker));
    if (output == null || output.isEmpty()) {
      return ReplyBody.OK;
    }
    var writer = request.context().dataWriter();
    return (RawReplyBody) out -> writer.writeChildren(out, output);
  }
}
