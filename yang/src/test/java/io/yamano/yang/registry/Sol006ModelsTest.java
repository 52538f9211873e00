package io.yamano.yang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.Revision;

/** ETSI NFV SOL006 loads unmodified: a YANG-first MANO must take the standard as published. */
class Sol006ModelsTest {
  private static final List<String> MODULES =
      List.of("etsi-nfv-descriptors", "etsi-nfv-vnfd", "etsi-nfv-nsd", "etsi-nfv-pnfd");

  @Test
  void loadsV261Unmodified() throws Exception {
    SchemaRegistry registry = SchemaRegistry.builder().addModelDirectory(Corpus.SOL006_V261).load();

    for (String name : MODULES) {
      assertEquals(1, registry.context().findModules(name).size(), name);
    }
    assertTrue(
        registry
            .context()
            .findModule("etsi-nfv-descriptors", Revision.of("2019-04-25"))
            .isPresent());
    assertTrue(registry.source("etsi-nfv-vnf", Optional.empty()).isPresent(), "submodule text");
    assertTrue(registry.warnings().isEmpty(), registry.warnings().toString());
  }

  @Test
  void loadsV431Unmodified() throws Exception {
    SchemaRegistry registry = SchemaRegistry.builder().addModelDirectory(Corpus.SOL006_V431).load();

    for (String name : MODULES) {
      assertEquals(1, registry.context().findModules(name).size(), name);
    }
    assertTrue(
        registry
            .context()
            .findModule("etsi-nfv-descriptors", Revision.of("2022-03-08"))
            .isPresent());
    assertTrue(registry.warnings().isEmpty(), registry.warnings().toString());
  }

  /**
   * Both versions declare different revisions, but their modules include the submodules without a
   * revision-date, so two revisions of each submodule cannot be told apart: refused, and said so.
   */
  @Test
  void refusesV261AndV431TogetherNamingTheAmbiguousInclude() {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                SchemaRegistry.builder()
                    .addModelDirectory(Corpus.SOL006_V261)
                    .addModelDirectory(Corpus.SOL006_V431)
                    .load());

    assertTrue(
        e.problems().stream()
            .anyMatch(
                p ->
                    p.location().file().endsWith("etsi-nfv-descriptors.yang")
                        && p.location().line() > 0
                        && p.message()
                            .startsWith("submodule etsi-nfv-common is loaded in 2 revisions")
                        && p.message().contains("ambiguous")),
        e.getMessage());
  }
}
