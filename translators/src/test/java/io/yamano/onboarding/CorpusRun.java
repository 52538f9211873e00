package io.yamano.onboarding;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.lcm.MemoryLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Imports one corpus file into a fresh datastore, after onboarding (leniently) the descriptors it
 * refers to, and validates it without committing.
 */
final class CorpusRun {
  /** Descriptors an NSD refers to, onboarded first. */
  static final Map<String, String> PREREQUISITES =
      Map.of(
          "osm-descriptors/cirros_nsd_sol006.yaml", "osm-descriptors/cirros_vnfd_sol006.yaml",
          "osm-descriptors/hackfest_charmed_nsd_sol006.yaml",
              "osm-descriptors/hackfest_charmed_vnfd_sol006.yaml",
          "osm-descriptors/vepc_nsd_sol006.yaml", "osm-descriptors/vepc_sol006.yaml",
          "osm-descriptors/etsi_nsd_sol006.yaml",
              "yang/etsi-sol006-v4.3.1/example-data/nfv-vnfd.xml",
          "osm-descriptors/cirros_nsd_im.yaml", "osm-descriptors/cirros_vnfd_im.yaml",
          "osm-descriptors/hackfest_charmed_nsd_im.yaml",
              "osm-descriptors/hackfest_charmed_vnfd_im.yaml",
          "osm-descriptors/vepc_nsd_im.yaml", "osm-descriptors/vepc_im.yaml");

  private CorpusRun() {}

  static ImportResult run(String file, Mode mode) throws Exception {
    var importer = new DescriptorImporter(Models.CONTEXT);
    try (var datastore =
        Datastore.open(
            Models.CONTEXT, new MemoryLog(), new MemoryLog(), IncrementalValidator::forRunning)) {
      var prerequisite = PREREQUISITES.get(file);
      if (prerequisite != null) {
        var first = importer.read(read(prerequisite), prerequisite, Mode.LENIENT, Map.of());
        if (first.accepted()) {
          DescriptorOnboarding.apply(
              datastore, List.of(first.data().get()), Mode.LENIENT, true, "admin", "prerequisite");
        }
      }
      var result = importer.read(read(file), file, mode, Map.of());
      if (!result.accepted()) {
        return result;
      }
      var outcome =
          DescriptorOnboarding.apply(
              datastore, List.of(result.data().get()), mode, false, "admin", "test");
      return result.with(outcome.deviations(), result.data());
    }
  }

  static byte[] read(String file) throws Exception {
    Path path = Corpus.root().resolve(file);
    if (!Files.exists(path)) {
      org.junit.jupiter.api.Assertions.fail("corpus file missing: " + path);
    }
    return Files.readAllBytes(path);
  }
}
