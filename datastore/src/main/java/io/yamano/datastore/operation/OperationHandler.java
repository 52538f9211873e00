package io.yamano.datastore.operation;

import io.yamano.error.RpcException;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Carries out one YANG rpc or action. Handlers return promptly: long work (an LCM operation) is
 * started and reported through operational state and notifications, and the output says how to
 * follow it.
 */
@FunctionalInterface
public interface OperationHandler {
  /**
   * @return the {@code output} container (its identifier is the operation's output QName); an empty
   *     container when the operation defines no output
   * @throws RpcException with the error that front ends render (RFC 6241 Appendix A tags)
   */
  ContainerNode invoke(OperationRequest request) throws RpcException;
}
