package io.yamano.datastore.nacm;

import io.yamano.datastore.operation.OperationHandler;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.datastore.operation.Operations;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.Optional;
import java.util.TreeSet;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * The {@code yamano-aaa:explain} rpc: which rule allows or denies a user's access, as {@link
 * AccessControl#explain} says. It is marked {@code nacm:default-deny-all}: only users whose rules
 * permit it (the {@code admin} group) may ask about others.
 */
public final class ExplainOperation implements OperationHandler {
  private final AccessControl accessControl;
  private final QNameModule module;

  private ExplainOperation(AccessControl accessControl, QNameModule module) {
    this.accessControl = accessControl;
    this.module = module;
  }

  /** Registers the rpc if the schema has it; the returned handle removes it. */
  public static Optional<AutoCloseable> register(
      EffectiveModelContext context, AccessControl accessControl, Operations operations) {
    var module = context.findModules("yamano-aaa").stream().findFirst();
    if (module.isEmpty()) {
      return Optional.empty();
    }
    var qnameModule = module.get().getQNameModule();
    var rpc = QName.create(qnameModule, "explain");
    if (module.get().getRpcs().stream().noneMatch(r -> r.getQName().equals(rpc))) {
      return Optional.empty();
    }
    return Optional.of(
        operations.register(Absolute.of(rpc), new ExplainOperation(accessControl, qnameModule)));
  }

  @Override
  public ContainerNode invoke(OperationRequest request) throws RpcException {
    var input = request.input();
    var user = leaf(input, "user");
    var access =
        Access.of(leaf(input, "access-operation"))
            .orElseThrow(
                () -> invalid("access-operation is one of create read update delete exec"));
    Decision decision;
    try {
      decision = accessControl.explain(user, access, leaf(input, "path"));
    } catch (IllegalArgumentException e) {
      throw invalid("path: " + e.getMessage());
    }
    var output = QName.create(module, "output");
    var b =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(output))
            .withChild(
                ImmutableNodes.leafNode(
                    QName.create(module, "action"), decision.permitted() ? "permit" : "deny"))
            .withChild(ImmutableNodes.leafNode(QName.create(module, "reason"), decision.reason()));
    decision
        .ruleList()
        .ifPresent(l -> b.withChild(ImmutableNodes.leafNode(QName.create(module, "rule-list"), l)));
    decision
        .rule()
        .ifPresent(r -> b.withChild(ImmutableNodes.leafNode(QName.create(module, "rule"), r)));
    var groups = new TreeSet<>(accessControl.forUser(user).groups());
    if (!groups.isEmpty()) {
      var group = QName.create(module, "group");
      var set =
          ImmutableNodes.<String>newSystemLeafSetBuilder()
              .withNodeIdentifier(new NodeIdentifier(group));
      for (var g : groups) {
        set.withChild(
            ImmutableNodes.<String>newLeafSetEntryBuilder()
                .withNodeIdentifier(new NodeWithValue<>(group, g))
                .withValue(g)
                .build());
      }
      b.withChild(set.build());
    }
    return b.build();
  }

  private String leaf(ContainerNode input, String name) throws RpcException {
    var node = input.childByArg(new NodeIdentifier(QName.create(module, name)));
    if (node instanceof LeafNode<?> l) {
      return String.valueOf(l.body());
    }
    throw new RpcException(
        RpcError.application(ErrorTag.MISSING_ELEMENT, null, null, "explain needs " + name));
  }

  private static RpcException invalid(String message) {
    return new RpcException(RpcError.application(ErrorTag.INVALID_VALUE, null, null, message));
  }
}
