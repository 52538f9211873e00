package io.yamano.yang.registry;

import java.nio.file.Path;

/** Third-party models the tests load in place (read, never copied into the repository). */
final class Corpus {
  static final Path YANG = Path.of("../../shared/corpus/yang");
  static final Path SOL006_V261 = YANG.resolve("etsi-sol006-v2.6.1/src/yang");
  static final Path SOL006_V431 = YANG.resolve("etsi-sol006-v4.3.1/src/yang");
  static final Path IETF = YANG.resolve("ietf");
  static final Path OSM_AUGMENTS = YANG.resolve("osm-im/models/augments");
  static final Path FIXTURES = Path.of("src/test/resources/registry");

  private Corpus() {}
}
