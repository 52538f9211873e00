package io.yamano.yang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * RFC 7950 §7.9.2 on any model, not only OSM's: the target choice sits in a grouping used by a
 * list, so finding it takes grouping expansion across modules.
 */
class ChoiceShorthandRuleTest {
  private static final Path DIR = Corpus.FIXTURES.resolve("choice-shorthand");
  private static final Path EXTENSION = DIR.resolve("example-extension.yang");

  @Test
  void strictLoadRefusesUsesUnderAugmentOfChoice() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class, () -> SchemaRegistry.builder().addModelDirectory(DIR).load());

    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(new SourceLocation(EXTENSION.toString(), 18, 5), e.problems().get(0).location());
    assertTrue(
        e.problems().get(0).message().contains("augment of choice 'attachment'"), e.getMessage());
  }

  @Test
  void lenientLoadWrapsTheUsesInACaseNamedAfterTheGrouping() throws Exception {
    SchemaRegistry registry = SchemaRegistry.builder().addModelDirectory(DIR).lenient(true).load();

    EffectiveModelContext context = registry.context();
    QNameModule base = context.findModules("example-base").iterator().next().getQNameModule();
    QNameModule ext = context.findModules("example-extension").iterator().next().getQNameModule();
    ContainerSchemaNode endpoints =
        (ContainerSchemaNode)
            context.findDataTreeChild(QName.create(base, "endpoints")).orElseThrow();
    ListSchemaNode endpoint =
        (ListSchemaNode)
            endpoints.findDataChildByName(QName.create(base, "endpoint")).orElseThrow();
    ChoiceSchemaNode attachment =
        (ChoiceSchemaNode)
            endpoint.findDataChildByName(QName.create(base, "attachment")).orElseThrow();
    assertTrue(
        attachment
            .findCaseNode(QName.create(ext, "radio-link"))
            .flatMap(c -> c.findDataChildByName(QName.create(ext, "channel")))
            .isPresent());
    assertTrue(attachment.findCaseNode(QName.create(ext, "satellite")).isPresent());
    assertEquals(1, registry.warnings().size());
    assertEquals(
        new SourceLocation(EXTENSION.toString(), 18, 5), registry.warnings().get(0).location());
  }
}
