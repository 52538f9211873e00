package io.yamano.yang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.yang.registry.ModuleSource.Origin;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BundledModulesTest {

  @Test
  void loadsTheIetfModulesNetconfNeeds() throws Exception {
    SchemaRegistry registry = SchemaRegistry.builder().load();

    for (String name :
        List.of(
            "ietf-netconf",
            "ietf-netconf-with-defaults",
            "ietf-yang-library",
            "ietf-netconf-monitoring",
            "ietf-netconf-nmda",
            "ietf-netconf-acm",
            "ietf-datastores",
            "ietf-origin",
            "ietf-inet-types",
            "ietf-yang-types",
            "ietf-yang-metadata",
            "ietf-netconf-notifications",
            "notifications")) {
      assertFalse(registry.context().findModules(name).isEmpty(), name + " is in the context");
      assertEquals(
          Origin.BUNDLED,
          registry.module(name, Optional.empty()).orElseThrow().origin(),
          name + " is recorded as bundled");
    }
    assertTrue(registry.warnings().isEmpty(), registry.warnings().toString());
  }

  @Test
  void servesTheExactTextOfABundledModule() throws Exception {
    SchemaRegistry registry = SchemaRegistry.builder().load();

    String expected;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/yang/ietf-netconf@2011-06-01.yang")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(Optional.of(expected), registry.source("ietf-netconf", Optional.of("2011-06-01")));
    assertEquals(Optional.of(expected), registry.source("ietf-netconf", Optional.empty()));
    assertEquals(Optional.empty(), registry.source("ietf-netconf", Optional.of("1999-01-01")));
  }

  @Test
  void loadsAnIdenticalCopyOfABundledModuleOnce() throws Exception {
    SchemaRegistry registry = SchemaRegistry.builder().addModelDirectory(Corpus.IETF).load();

    long copies =
        registry.sources().stream()
            .filter(s -> s.id().equals("ietf-inet-types@2013-07-15"))
            .count();
    assertEquals(1, copies);
  }

  @Test
  void recordsTheLoadTime() throws Exception {
    SchemaRegistry registry = SchemaRegistry.builder().load();

    assertTrue(registry.loadTime().toNanos() > 0);
  }
}
