package io.yamano.datastore.operation;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * The registry of rpc and action handlers, one per operation schema path. A second registration for
 * the same operation fails loudly: two providers answering one action would be a wiring bug.
 */
public final class Operations {
  private final Map<Absolute, OperationHandler> handlers = new ConcurrentHashMap<>();

  /**
   * Registers {@code handler} for {@code operation}; closing the returned registration removes it.
   *
   * @throws IllegalStateException if another handler serves that operation
   */
  public AutoCloseable register(Absolute operation, OperationHandler handler) {
    var previous = handlers.putIfAbsent(operation, handler);
    if (previous != null) {
      throw new IllegalStateException("a handler for " + operation + " is already registered");
    }
    return () -> handlers.remove(operation, handler);
  }

  public Optional<OperationHandler> handler(Absolute operation) {
    return Optional.ofNullable(handlers.get(operation));
  }

  /**
   * Invokes the registered handler. The caller has already checked that the operation exists in the
   * schema, parsed its input and, for an action, that the target node exists (RFC 7950 §7.15.2).
   *
   * @throws RpcException {@code operation-not-supported} when the schema has the operation but
   *     nothing implements it, or whatever the handler raises
   */
  public ContainerNode invoke(OperationRequest request) throws RpcException {
    var handler = handlers.get(request.operation());
    if (handler == null) {
      throw new RpcException(
          RpcError.protocol(
              ErrorTag.OPERATION_NOT_SUPPORTED,
              "no implementation of "
                  + request.operation().lastNodeIdentifier().getLocalName()
                  + " is loaded"));
    }
    return handler.invoke(request);
  }
}
