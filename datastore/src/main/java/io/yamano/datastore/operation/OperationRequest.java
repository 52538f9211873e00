package io.yamano.datastore.operation;

import java.util.Objects;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * One invocation of an rpc or action.
 *
 * @param operation schema path of the rpc ({@code /rpc}) or action ({@code /container/list/action})
 * @param target the data node an action is invoked on (a list entry or container instance); {@link
 *     YangInstanceIdentifier#empty()} for an rpc
 * @param input the parsed, type-checked {@code input} (an empty container when there is none)
 * @param invoker who asked
 */
public record OperationRequest(
    Absolute operation, YangInstanceIdentifier target, ContainerNode input, Invoker invoker) {
  public OperationRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(invoker, "invoker");
  }

  public boolean isAction() {
    return !target.isEmpty();
  }
}
