package io.yamano.datastore.operation;

import io.yamano.datastore.nacm.AccessControl;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * The registry of rpc and action handlers, one per operation schema path. A second registration for
 * the same operation fails loudly: two providers answering one action would be a wiring bug.
 */
public final class Operations {
  private final Map<Absolute, OperationHandler> handlers = new ConcurrentHashMap<>();
  private final AccessControl accessControl;

  /** A registry whose invocations are checked by {@code accessControl} (RFC 8341 §3.4.4). */
  public Operations(AccessControl accessControl) {
    this.accessControl = accessControl;
  }

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
   * Whether {@code invoker} may execute the operation (RFC 8341 §3.4.4 for rpcs, §3.4.5 for
   * actions), checked before anything else is said about the request: a front end calls this before
   * telling whether an action's target exists, so that a denied user learns nothing of the data.
   * Invokers of front end {@code internal} are recovery sessions and are not checked.
   *
   * @param target the action's data node, or empty for an rpc
   * @throws RpcException {@code access-denied}
   */
  public void checkAccess(Absolute operation, YangInstanceIdentifier target, Invoker invoker)
      throws RpcException {
    if (invoker.frontEnd().equals("internal")) {
      return;
    }
    var access = accessControl.forUser(invoker.user());
    var name = operation.lastNodeIdentifier();
    if (!target.isEmpty()) {
      access.checkAction(target, name, invoker.frontEnd());
    } else {
      access.checkExec(name, invoker.frontEnd());
    }
  }

  /**
   * Invokes the registered handler. The caller has already checked that the operation exists in the
   * schema, parsed its input and, for an action, that the target node exists (RFC 7950 §7.15.2).
   *
   * <p>First checks that the invoker may execute it (RFC 8341 §3.4.4 for rpcs, §3.4.5 for actions);
   * invokers of front end {@code internal} are recovery sessions and are not checked.
   *
   * @throws RpcException {@code access-denied} when access control denies it; {@code
   *     operation-not-supported} when the schema has the operation but nothing implements it, or
   *     whatever the handler raises
   */
  public ContainerNode invoke(OperationRequest request) throws RpcException {
    checkAccess(request.operation(), request.target(), request.invoker());
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
