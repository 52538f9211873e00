package io.yamano.yang.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;

class ModelParseTest {
  private static final Revision REVISION = Revision.of("2026-11-24");
  private final EffectiveModelContext context = Models.yamano();

  @Test
  void everyModuleIsOurs() {
    Set<String> ours =
        context.getModules().stream()
            .filter(m -> m.getNamespace().toString().startsWith(Models.YAMANO_NS))
            .map(Module::getName)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "yamano-nfv",
            "yamano-vnfd",
            "yamano-nsd",
            "yamano-pnfd",
            "yamano-vim",
            "yamano-ns",
            "yamano-aaa",
            "yamano-packages",
            "yamano-vnf-lifecycle"),
        ours);
    for (String name : ours) {
      Module module = context.findModules(name).iterator().next();
      assertEquals(Models.YAMANO_NS + name, module.getNamespace().toString());
      assertEquals(REVISION, module.getRevision().orElseThrow(), name);
      assertEquals("Yamano", module.getOrganization().orElseThrow(), name);
    }
  }

  @Test
  void descriptorCatalogueHasSol006Core() {
    ListSchemaNode vnfd = list(node("yamano-nfv", "nfv"), "vnfd");
    assertEquals(List.of("id"), keys(vnfd));
    for (String child :
        List.of(
            "provider",
            "product-name",
            "software-version",
            "version",
            "vnfm-info",
            "vdu",
            "virtual-compute-desc",
            "virtual-storage-desc",
            "sw-image-desc",
            "int-virtual-link-desc",
            "ext-cpd",
            "df")) {
      assertTrue(vnfd.dataChildByName(q("yamano-nfv", child)) != null, child);
    }
    ListSchemaNode vdu = list(vnfd, "vdu");
    for (String child :
        List.of("int-cpd", "virtual-compute-desc", "virtual-storage-desc", "sw-image-desc")) {
      assertTrue(vdu.dataChildByName(q("yamano-nfv", child)) != null, child);
    }
    ListSchemaNode df = list(vnfd, "df");
    for (String child :
        List.of(
            "vdu-profile",
            "virtual-link-profile",
            "instantiation-level",
            "scaling-aspect",
            "affinity-or-anti-affinity-group",
            "lcm-operations-configuration")) {
      assertTrue(df.dataChildByName(q("yamano-nfv", child)) != null, child);
    }
    ListSchemaNode nsd = list(node("yamano-nfv", "nfv"), "nsd");
    for (String child : List.of("vnfd-id", "pnfd-id", "virtual-link-desc", "sapd", "df")) {
      assertTrue(nsd.dataChildByName(q("yamano-nfv", child)) != null, child);
    }
    ListSchemaNode nsDf = list(nsd, "df");
    for (String child :
        List.of(
            "vnf-profile",
            "pnf-profile",
            "virtual-link-profile",
            "ns-instantiation-level",
            "scaling-aspect")) {
      assertTrue(nsDf.dataChildByName(q("yamano-nfv", child)) != null, child);
    }
    assertEquals(List.of("id"), keys(list(node("yamano-nfv", "nfv"), "pnfd")));
  }

  @Test
  void vimAccountsSeparateDesiredFromObservedState() {
    ListSchemaNode account = list(node("yamano-vim", "vim-accounts"), "vim-account");
    assertEquals(List.of("name"), keys(account));
    assertTrue(account.isConfiguration());
    DataSchemaNode state = account.dataChildByName(q("yamano-vim", "state"));
    assertFalse(state.isConfiguration());
  }

  @Test
  void nsInstanceCarriesLifecycleActions() {
    ListSchemaNode instance = list(node("yamano-ns", "ns-instances"), "ns-instance");
    assertEquals(List.of("name"), keys(instance));
    Set<String> actions =
        instance.getActions().stream()
            .map(ActionDefinition::getQName)
            .map(QName::getLocalName)
            .collect(Collectors.toSet());
    assertEquals(Set.of("instantiate", "scale", "heal", "terminate", "update"), actions);
    for (ActionDefinition action : instance.getActions()) {
      DataNodeContainer output = action.getOutput();
      assertTrue(output.dataChildByName(q("yamano-ns", "lcm-operation-id")) != null);
      assertTrue(output.dataChildByName(q("yamano-ns", "plan")) != null);
      assertTrue(action.getInput().dataChildByName(q("yamano-ns", "dry-run")) != null);
    }
    ContainerSchemaNode state =
        assertInstanceOf(
            ContainerSchemaNode.class, instance.dataChildByName(q("yamano-ns", "state")));
    assertFalse(state.isConfiguration());
    assertTrue(state.dataChildByName(q("yamano-ns", "lcm-operation")) != null);
    Module ns = context.findModules("yamano-ns").iterator().next();
    assertEquals(
        Set.of("lcm-operation-state-change"),
        ns.getNotifications().stream()
            .map(n -> n.getQName().getLocalName())
            .collect(Collectors.toSet()));
  }

  private DataSchemaNode node(String module, String name) {
    return context.dataChildByName(q(module, name));
  }

  private static ListSchemaNode list(DataSchemaNode parent, String name) {
    QName qname = QName.create(parent.getQName(), name);
    return assertInstanceOf(
        ListSchemaNode.class, ((DataNodeContainer) parent).dataChildByName(qname), name);
  }

  private static List<String> keys(ListSchemaNode list) {
    return list.getKeyDefinition().stream().map(QName::getLocalName).toList();
  }

  private static QName q(String module, String name) {
    return QName.create(QNameModule.of(XMLNamespace.of(Models.YAMANO_NS + module), REVISION), name);
  }
}
