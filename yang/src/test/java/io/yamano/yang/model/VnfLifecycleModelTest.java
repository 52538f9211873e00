package io.yamano.yang.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.yang.registry.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/** yamano-vnf-lifecycle: VNF lifecycle metadata on the VNFD, execute-primitive on VNF instances. */
class VnfLifecycleModelTest {
  private static final Revision REV = Revision.of("2026-11-24");

  private static QName q(String module, String name) {
    return QName.create(XMLNamespace.of("urn:yamano:params:xml:ns:yang:" + module), REV, name);
  }

  @Test
  void loadsThroughTheSchemaRegistryWithoutWarnings() throws Exception {
    var registry = SchemaRegistry.builder().load();
    assertFalse(registry.context().findModules("yamano-vnf-lifecycle").isEmpty());
    assertTrue(registry.warnings().isEmpty(), registry.warnings().toString());
  }

  @Test
  void catalogueVnfdCarriesALifecycleInlineOrByReference() {
    var context = Models.yamano();
    var lifecycle =
        assertInstanceOf(
            ContainerSchemaNode.class,
            context
                .findDataTreeChild(
                    q("yamano-nfv", "nfv"),
                    q("yamano-nfv", "vnfd"),
                    q("yamano-vnf-lifecycle", "lifecycle"))
                .orElseThrow());
    var source =
        assertInstanceOf(
            ChoiceSchemaNode.class, lifecycle.dataChildByName(q("yamano-vnf-lifecycle", "source")));
    assertEquals(2, source.getCases().size());
    var inline =
        assertInstanceOf(
            ContainerSchemaNode.class,
            context
                .findDataTreeChild(
                    q("yamano-nfv", "nfv"),
                    q("yamano-nfv", "vnfd"),
                    q("yamano-vnf-lifecycle", "lifecycle"),
                    q("yamano-vnf-lifecycle", "inline"))
                .orElseThrow());
    var transition =
        assertInstanceOf(
            ListSchemaNode.class, inline.dataChildByName(q("yamano-vnf-lifecycle", "transition")));
    assertTrue(transition.isUserOrdered(), "the first matching transition wins: order matters");
    var action =
        assertInstanceOf(
            ListSchemaNode.class, transition.dataChildByName(q("yamano-vnf-lifecycle", "action")));
    var kind =
        assertInstanceOf(
            ChoiceSchemaNode.class, action.dataChildByName(q("yamano-vnf-lifecycle", "kind")));
    for (String k :
        new String[] {
          "netconf-edit",
          "netconf-rpc",
          "rest-call",
          "plugin-call",
          "primitive",
          "health-check",
          "wait",
          "pause"
        }) {
      assertTrue(kind.getCases().stream().anyMatch(c -> c.getQName().getLocalName().equals(k)), k);
    }
    // the VNFD document container gets the same lifecycle
    assertTrue(
        context
            .findDataTreeChild(q("yamano-vnfd", "vnfd"), q("yamano-vnf-lifecycle", "lifecycle"))
            .isPresent());
  }

  @Test
  void executePrimitiveIsAnActionOfTheOperationalVnfInstance() {
    var context = Models.yamano();
    var action =
        context.findSchemaTreeNode(
            ActionDefinition.class,
            Absolute.of(
                q("yamano-ns", "ns-instances"),
                q("yamano-ns", "ns-instance"),
                q("yamano-ns", "state"),
                q("yamano-ns", "vnf-instance"),
                q("yamano-vnf-lifecycle", "execute-primitive")));
    assertTrue(action.isPresent());
    assertTrue(
        action.get().getInput().dataChildByName(q("yamano-vnf-lifecycle", "primitive")) != null);
    assertTrue(
        action.get().getOutput().dataChildByName(q("yamano-vnf-lifecycle", "lcm-operation-id"))
            != null);
  }
}
