package io.yamano.yang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * OSM's 20 augment modules over SOL006 v2.6.1. {@code kdu.yang} puts {@code uses} directly under an
 * augment of the choice {@code cp-connection}, which RFC 7950 §7.9.2 does not allow.
 */
class OsmAugmentsTest {
  private static final Path KDU = Corpus.OSM_AUGMENTS.resolve("kdu.yang");

  private static SchemaRegistry.Builder osm() {
    return SchemaRegistry.builder()
        .addModelDirectory(Corpus.SOL006_V261)
        .addModelDirectory(Corpus.IETF)
        .addModelDirectory(Corpus.OSM_AUGMENTS);
  }

  @Test
  void strictLoadNamesTheRealProblemInKdu() {
    ModelLoadException e = assertThrows(ModelLoadException.class, () -> osm().load());

    assertEquals(1, e.problems().size(), e.getMessage());
    ModelProblem problem = e.problems().get(0);
    assertEquals(KDU.toString(), problem.location().file());
    assertEquals(166, problem.location().line());
    assertEquals(9, problem.location().column());
    assertEquals(
        "RFC 7950 §7.9.2: 'uses' cannot be a shorthand case under augment of choice"
            + " 'cp-connection'; wrap it in a 'case' statement (or load with --lenient-models)",
        problem.message());
  }

  @Test
  void lenientLoadRepairsKduWithAWarning() throws Exception {
    SchemaRegistry registry = osm().lenient(true).load();

    assertEquals(1, registry.warnings().size(), registry.warnings().toString());
    ModelWarning warning = registry.warnings().get(0);
    assertEquals(new SourceLocation(KDU.toString(), 166, 9), warning.location());
    assertTrue(warning.message().contains("case extended-ext-cpd"), warning.message());
  }

  @Test
  void lenientLoadHasAllOsmAugmentModulesAndTheirNodes() throws Exception {
    EffectiveModelContext context = osm().lenient(true).load().context();

    try (Stream<Path> files = Files.list(Corpus.OSM_AUGMENTS)) {
      files.forEach(
          f -> {
            String name = f.getFileName().toString().replace(".yang", "");
            assertFalse(context.findModules(name).isEmpty(), name);
          });
    }
    QNameModule vnfd = context.findModules("etsi-nfv-vnfd").iterator().next().getQNameModule();
    QNameModule kdu = context.findModules("kdu").iterator().next().getQNameModule();
    DataNodeContainer vnfdRoot =
        (DataNodeContainer) context.findDataTreeChild(QName.create(vnfd, "vnfd")).orElseThrow();
    assertTrue(
        vnfdRoot.findDataChildByName(QName.create(kdu, "kdu")).orElseThrow()
            instanceof ListSchemaNode,
        "kdu list augmented into /vnfd");
    ListSchemaNode extCpd =
        (ListSchemaNode) vnfdRoot.findDataChildByName(QName.create(vnfd, "ext-cpd")).orElseThrow();
    ChoiceSchemaNode cpConnection =
        (ChoiceSchemaNode)
            extCpd.findDataChildByName(QName.create(vnfd, "cp-connection")).orElseThrow();
    assertTrue(
        cpConnection
            .findCaseNode(QName.create(kdu, "extended-ext-cpd"))
            .flatMap(c -> c.findDataChildByName(QName.create(kdu, "k8s-cluster-net")))
            .isPresent(),
        "k8s-cluster-net in the implicit case");
  }

  @Test
  void lenientRepairNeverTouchesTheFile() throws Exception {
    String before = Files.readString(KDU);

    SchemaRegistry registry = osm().lenient(true).load();

    assertEquals(before, Files.readString(KDU));
    ModuleSource kdu = registry.module("kdu", Optional.empty()).orElseThrow();
    assertTrue(kdu.repaired());
    assertTrue(kdu.text().contains("case extended-ext-cpd { uses extended-ext-cpd; }"), kdu.text());
    assertFalse(registry.module("scaling", Optional.empty()).orElseThrow().repaired());
  }
}
