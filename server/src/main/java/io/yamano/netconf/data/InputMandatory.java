package io.yamano.netconf.data;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MandatoryAware;

/**
 * The mandatory nodes of an operation's input (RFC 7950 §7.6.5, §7.9.4, §7.14.2): the datastore
 * checks them for configuration, nothing does for an input that is never stored.
 */
final class InputMandatory {
  private InputMandatory() {}

  static void check(
      DataNodeContainer schema,
      DataContainerNode data,
      YangInstanceIdentifier path,
      List<RpcError> errors) {
    for (DataSchemaNode child : schema.getChildNodes()) {
      var id = NodeIdentifier.create(child.getQName());
      var present = data.childByArg(id);
      if (child instanceof ChoiceSchemaNode choice) {
        if (present instanceof ChoiceNode chosen) {
          for (CaseSchemaNode c : choice.getCases()) {
            if (c.getChildNodes().stream()
                .anyMatch(n -> chosen.childByArg(NodeIdentifier.create(n.getQName())) != null)) {
              check(c, chosen, path, errors);
              break;
            }
          }
        } else if (choice.isMandatory()) {
          errors.add(
              new RpcError(
                  ErrorType.APPLICATION,
                  ErrorTag.DATA_MISSING,
                  Optional.of("missing-choice"),
                  Optional.of(path),
                  "input choice '"
                      + choice.getQName().getLocalName()
                      + "' needs one of its cases (RFC 7950 §15.6)",
                  Map.of("missing-choice", choice.getQName().getLocalName())));
        }
      } else if (present == null) {
        if (child instanceof MandatoryAware m && m.isMandatory()) {
          errors.add(
              DataErrors.missingElement(
                  path.node(id),
                  child.getQName().getLocalName(),
                  "input leaf '" + child.getQName().getLocalName() + "' is mandatory"));
        } else if (child instanceof ContainerSchemaNode c && !c.isPresenceContainer()) {
          // a non-presence container exists implicitly: its mandatory leaves still apply
          check(c, emptyOf(c), path.node(id), errors);
        }
      } else if (child instanceof ContainerSchemaNode c && present instanceof DataContainerNode d) {
        check(c, d, path.node(id), errors);
      }
    }
  }

  private static DataContainerNode emptyOf(ContainerSchemaNode c) {
    return org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(NodeIdentifier.create(c.getQName()))
        .build();
  }
}
