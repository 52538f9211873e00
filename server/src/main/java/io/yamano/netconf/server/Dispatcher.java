package io.yamano.netconf.server;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Finds the handler of an operation by its qualified name. An operation element that no handler
 * serves is answered per RFC 6241 Appendix A: {@code unknown-namespace} if no module has its
 * namespace, {@code operation-not-supported} if a module defines it as an RPC, {@code
 * unknown-element} otherwise.
 */
final class Dispatcher {
  private final Map<QName, OperationHandler> handlers;
  private final EffectiveModelContext schema;
  private final Map<QName, Optional<org.opendaylight.yangtools.yang.common.QName>> rpcNames =
      new java.util.concurrent.ConcurrentHashMap<>();

  Dispatcher(Map<QName, OperationHandler> handlers, EffectiveModelContext schema) {
    this.handlers = Map.copyOf(handlers);
    this.schema = schema;
  }

  ReplyBody dispatch(Request request) throws RpcException {
    var op = request.operation();
    var name = new QName(op.namespace(), op.localName());
    var handler = handlers.get(name);
    if (handler != null) {
      // RFC 8341 §3.4.4: every protocol operation is checked for exec access before it runs
      var rpc = rpcNames.computeIfAbsent(name, this::schemaName);
      if (rpc.isPresent()) {
        request.datastore().access().checkExec(rpc.get(), "netconf");
      }
      return handler.handle(request);
    }
    var rpc = YangOperations.rpc(request.context(), op.namespace(), op.localName());
    if (rpc.isPresent()) {
      return YangOperations.invokeRpc(request, rpc.get());
    }
    throw new RpcException(unknown(op.namespace(), op.localName()));
  }

  /** The rpc's name in the schema (with its module's revision), if a loaded module defines it. */
  private Optional<org.opendaylight.yangtools.yang.common.QName> schemaName(QName name) {
    if (name.getNamespaceURI().isEmpty()) {
      return Optional.empty();
    }
    return schema.findModules(XMLNamespace.of(name.getNamespaceURI())).stream()
        .findFirst()
        .map(
            m ->
                org.opendaylight.yangtools.yang.common.QName.create(
                    m.getQNameModule(), name.getLocalPart()));
  }

  private RpcError unknown(String namespace, String localName) {
    var modules =
        namespace.isEmpty()
            ? java.util.List.<org.opendaylight.yangtools.yang.model.api.Module>of()
            : schema.findModules(XMLNamespace.of(namespace)).stream().toList();
    if (modules.isEmpty()) {
      return new RpcError(
          ErrorType.RPC,
          ErrorTag.UNKNOWN_NAMESPACE,
          Optional.empty(),
          Optional.empty(),
          "no module of this server has the namespace '" + namespace + "' of <" + localName + ">",
          Map.of("bad-element", localName, "bad-namespace", namespace));
    }
    boolean isRpc =
        modules.stream()
            .flatMap(m -> m.getRpcs().stream())
            .anyMatch(r -> r.getQName().getLocalName().equals(localName));
    if (isRpc) {
      return new RpcError(
          ErrorType.PROTOCOL,
          ErrorTag.OPERATION_NOT_SUPPORTED,
          Optional.empty(),
          Optional.empty(),
          "the operation <" + localName + "> is not supported by this server",
          Map.of());
    }
    return new RpcError(
        ErrorType.RPC,
        ErrorTag.UNKNOWN_ELEMENT,
        Optional.empty(),
        Optional.empty(),
        "<" + localName + "> is not an operation of namespace " + namespace,
        Map.of("bad-element", localName));
  }
}
