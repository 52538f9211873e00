package io.yamano.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every descriptor of the third-party corpus, in both modes: the outcome and how many deviations of
 * each kind, then a few deviations in detail. NSDs are checked against a datastore holding the
 * VNFDs they use (onboarded leniently first), so cross-descriptor leafrefs are part of the check.
 */
class CorpusImportTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // file, mode, accepted, mapped, coerced, defaulted, kept-as-extension, dropped, refused
    "yang/etsi-sol006-v2.6.1/example-data/complex-vnfd.xml, STRICT, false, 11, 0, 0, 0, 0, 4",
    "yang/etsi-sol006-v2.6.1/example-data/complex-vnfd.xml, LENIENT, true, 11, 0, 4, 0, 0, 0",
    "yang/etsi-sol006-v2.6.1/example-data/nfv-nsd.xml, STRICT, false, 3, 0, 0, 0, 0, 2",
    "yang/etsi-sol006-v2.6.1/example-data/nfv-nsd.xml, LENIENT, true, 3, 0, 2, 0, 0, 0",
    "yang/etsi-sol006-v2.6.1/example-data/nfv-pnfd.xml, STRICT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v2.6.1/example-data/nfv-pnfd.xml, LENIENT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v2.6.1/example-data/nfv-vnfd.xml, STRICT, false, 2, 0, 0, 0, 0, 2",
    "yang/etsi-sol006-v2.6.1/example-data/nfv-vnfd.xml, LENIENT, true, 2, 0, 2, 0, 0, 0",
    "yang/etsi-sol006-v2.6.1/example-data/nfv.xml, STRICT, false, 4, 0, 0, 0, 0, 7",
    "yang/etsi-sol006-v2.6.1/example-data/nfv.xml, LENIENT, true, 4, 0, 4, 3, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/complex-vnfd.xml, STRICT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/complex-vnfd.xml, LENIENT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/nfv-nsd.xml, STRICT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/nfv-nsd.xml, LENIENT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/nfv-pnfd.xml, STRICT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/nfv-pnfd.xml, LENIENT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/nfv-vnfd.xml, STRICT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/nfv-vnfd.xml, LENIENT, true, 0, 0, 0, 0, 0, 0",
    "yang/etsi-sol006-v4.3.1/example-data/nfv.xml, STRICT, false, 0, 0, 0, 0, 0, 1",
    "yang/etsi-sol006-v4.3.1/example-data/nfv.xml, LENIENT, true, 0, 0, 0, 0, 1, 0",
    "osm-descriptors/alternative_image_im.yaml, STRICT, false, 1, 0, 0, 0, 0, 22",
    "osm-descriptors/alternative_image_im.yaml, LENIENT, true, 1, 8, 8, 6, 0, 0",
    "osm-descriptors/alternative_image_sol006.yaml, STRICT, false, 1, 0, 0, 0, 0, 16",
    "osm-descriptors/alternative_image_sol006.yaml, LENIENT, true, 1, 0, 11, 5, 0, 0",
    "osm-descriptors/cirros_heal_vnfd_sol006.yaml, STRICT, false, 1, 0, 0, 0, 0, 12",
    "osm-descriptors/cirros_heal_vnfd_sol006.yaml, LENIENT, true, 1, 1, 7, 4, 0, 0",
    "osm-descriptors/cirros_nsd_im.yaml, STRICT, false, 0, 0, 0, 0, 0, 21",
    "osm-descriptors/cirros_nsd_im.yaml, LENIENT, true, 0, 4, 10, 7, 0, 0",
    "osm-descriptors/cirros_nsd_sol006.yaml, STRICT, false, 0, 0, 0, 0, 0, 12",
    "osm-descriptors/cirros_nsd_sol006.yaml, LENIENT, true, 0, 0, 10, 2, 0, 0",
    "osm-descriptors/cirros_vnfd_im.yaml, STRICT, false, 1, 0, 0, 0, 0, 22",
    "osm-descriptors/cirros_vnfd_im.yaml, LENIENT, true, 1, 10, 7, 5, 0, 0",
    "osm-descriptors/cirros_vnfd_sol006.yaml, STRICT, false, 1, 0, 0, 0, 0, 11",
    "osm-descriptors/cirros_vnfd_sol006.yaml, LENIENT, true, 1, 1, 7, 3, 0, 0",
    "osm-descriptors/epa_im.yaml, STRICT, false, 1, 0, 0, 0, 0, 59",
    "osm-descriptors/epa_im.yaml, LENIENT, true, 1, 25, 7, 27, 0, 0",
    "osm-descriptors/epa_sol006.yaml, STRICT, false, 1, 0, 0, 0, 0, 31",
    "osm-descriptors/epa_sol006.yaml, LENIENT, true, 1, 0, 7, 24, 0, 0",
    "osm-descriptors/etsi_complex_vnfd_sol006.yaml, STRICT, false, 10, 0, 0, 0, 0, 50",
    "osm-descriptors/etsi_complex_vnfd_sol006.yaml, LENIENT, true, 10, 46, 4, 0, 0, 0",
    "osm-descriptors/etsi_nsd_sol006.yaml, STRICT, false, 0, 0, 0, 0, 0, 4",
    "osm-descriptors/etsi_nsd_sol006.yaml, LENIENT, true, 0, 4, 0, 0, 0, 0",
    "osm-descriptors/hackfest_charmed_nsd_im.yaml, STRICT, false, 0, 0, 0, 0, 0, 30",
    "osm-descriptors/hackfest_charmed_nsd_im.yaml, LENIENT, true, 0, 4, 15, 11, 0, 0",
    "osm-descriptors/hackfest_charmed_nsd_sol006.yaml, STRICT, false, 0, 0, 0, 0, 0, 18",
    "osm-descriptors/hackfest_charmed_nsd_sol006.yaml, LENIENT, true, 0, 0, 15, 3, 0, 0",
    "osm-descriptors/hackfest_charmed_vnfd_im.yaml, STRICT, false, 2, 0, 0, 0, 0, 47",
    "osm-descriptors/hackfest_charmed_vnfd_im.yaml, LENIENT, true, 2, 17, 9, 21, 0, 0",
    "osm-descriptors/hackfest_charmed_vnfd_sol006.yaml, STRICT, false, 2, 0, 0, 0, 0, 23",
    "osm-descriptors/hackfest_charmed_vnfd_sol006.yaml, LENIENT, true, 2, 0, 9, 14, 0, 0",
    "osm-descriptors/magma_knf_im.yaml, STRICT, false, 0, 0, 0, 0, 0, 13",
    "osm-descriptors/magma_knf_im.yaml, LENIENT, false, 0, 4, 2, 5, 0, 2",
    "osm-descriptors/magma_knf_sol006.yaml, STRICT, false, 0, 0, 0, 0, 0, 12",
    "osm-descriptors/magma_knf_sol006.yaml, LENIENT, false, 0, 0, 4, 5, 0, 3",
    "osm-descriptors/vepc_im.yaml, STRICT, false, 2, 0, 0, 0, 0, 52",
    "osm-descriptors/vepc_im.yaml, LENIENT, true, 2, 23, 11, 18, 0, 0",
    "osm-descriptors/vepc_nsd_im.yaml, STRICT, false, 0, 0, 0, 0, 0, 39",
    "osm-descriptors/vepc_nsd_im.yaml, LENIENT, true, 0, 5, 18, 15, 1, 0",
    "osm-descriptors/vepc_nsd_sol006.yaml, STRICT, false, 0, 0, 0, 0, 0, 26",
    "osm-descriptors/vepc_nsd_sol006.yaml, LENIENT, false, 0, 0, 18, 7, 1, 7",
    "osm-descriptors/vepc_sol006.yaml, STRICT, false, 2, 0, 0, 0, 0, 25",
    "osm-descriptors/vepc_sol006.yaml, LENIENT, false, 2, 0, 13, 12, 1, 1",
    "osm-descriptors/vnfd_im.yaml, STRICT, false, 0, 0, 0, 0, 0, 38",
    "osm-descriptors/vnfd_im.yaml, LENIENT, true, 0, 11, 13, 14, 0, 0",
    "osm-descriptors/vnfd_sol006.yaml, STRICT, false, 0, 0, 0, 0, 0, 22",
    "osm-descriptors/vnfd_sol006.yaml, LENIENT, true, 0, 0, 13, 9, 0, 0",
    "osm-descriptors/vnfd_sol006_k8s_scale.yaml, STRICT, false, 0, 0, 0, 0, 0, 14",
    "osm-descriptors/vnfd_sol006_k8s_scale.yaml, LENIENT, false, 0, 0, 5, 5, 0, 4",
  })
  void corpusFile(
      String file,
      Mode mode,
      boolean accepted,
      long mapped,
      long coerced,
      long defaulted,
      long kept,
      long dropped,
      long refused)
      throws Exception {
    var result = CorpusRun.run(file, mode);
    long[] expected = {mapped, coerced, defaulted, kept, dropped, refused};
    long[] actual = Arrays.stream(DeviationKind.values()).mapToLong(result::count).toArray();
    assertEquals(
        Arrays.toString(expected),
        Arrays.toString(actual),
        "deviations by kind (mapped, coerced, defaulted, kept-as-extension, dropped, refused):\n"
            + String.join("\n", result.deviations().stream().map(Deviation::toString).toList()));
    assertEquals(accepted, result.accepted(), "outcome");
  }

  @Test
  void v261StorageMovesIntoBlockStorageData() throws Exception {
    var result = CorpusRun.run("yang/etsi-sol006-v2.6.1/example-data/nfv-vnfd.xml", Mode.LENIENT);
    assertTrue(
        result
            .deviations()
            .contains(
                new Deviation(
                    "/nfv/vnfd[id='ASA']/virtual-storage-desc[id='asa-vsd']/type-of-storage",
                    DeviationKind.MAPPED,
                    "nfv:root-storage",
                    "block",
                    "identity root-storage of SOL006 v2.x is block since v3.3.1")),
        result.deviations().toString());
  }

  @Test
  void whenWithWrongIdentityCaseDropsL3DataOnlyInLenientMode() throws Exception {
    var lenient = CorpusRun.run("yang/etsi-sol006-v4.3.1/example-data/nfv.xml", Mode.LENIENT);
    var drop =
        lenient.deviations().stream().filter(d -> d.kind() == DeviationKind.DROPPED).findFirst();
    assertEquals(
        "/nfv/vnfd[id='ASA']/df[id='normal']/virtual-link-profile[id='inside-vl'][flavour='1g']"
            + "/virtual-link-protocol-data/l3-protocol-data",
        drop.orElseThrow().path());
    var strict = CorpusRun.run("yang/etsi-sol006-v4.3.1/example-data/nfv.xml", Mode.STRICT);
    assertFalse(strict.accepted());
    assertEquals(drop.get().path(), strict.deviations().get(0).path());
  }

  @Test
  void osmYamlKeepsScalarTextAndReportsEachChange() throws Exception {
    var result = CorpusRun.run("osm-descriptors/cirros_vnfd_sol006.yaml", Mode.LENIENT);
    var paths =
        result.deviations().stream().map(d -> d.kind().yangName() + " " + d.path()).toList();
    assertTrue(
        paths.contains("kept-as-extension /nfv/vnfd[id='cirros_vnfd']/mgmt-cp"), paths.toString());
    assertTrue(paths.contains("defaulted /nfv/vnfd[id='cirros_vnfd']/vnfm-info"), paths.toString());
    var memory =
        result.deviations().stream()
            .filter(d -> d.path().endsWith("virtual-memory/size"))
            .findFirst()
            .orElseThrow();
    assertEquals(DeviationKind.COERCED, memory.kind());
    assertEquals("0.25", memory.before());
    assertEquals("0.3", memory.after());
    var mgmt =
        result.deviations().stream()
            .filter(d -> d.path().endsWith("/mgmt-cp"))
            .findFirst()
            .orElseThrow();
    assertEquals("\"eth0-ext\"", mgmt.before());
  }

  @Test
  void nsdWithoutItsVnfdIsRefusedWithTheLeafrefPath() throws Exception {
    var result = CorpusRun.run("osm-descriptors/vepc_nsd_sol006.yaml", Mode.LENIENT);
    assertTrue(
        result.deviations().stream()
            .anyMatch(
                d ->
                    d.kind() == DeviationKind.REFUSED
                        && d.path().equals("/nfv/nsd[id='vEPC_nsd']/vnfd-id[.='vEPC_vnfd']")
                        && d.reason().contains("instance-required")),
        result.deviations().toString());
  }

  @Test
  void osmImVnfdIsConvertedWithOsmNamingAndItsNsdConnectsToIt() throws Exception {
    var vnfd = CorpusRun.run("osm-descriptors/hackfest_charmed_vnfd_im.yaml", Mode.LENIENT);
    var paths = vnfd.deviations().stream().map(d -> d.kind().yangName() + " " + d.path()).toList();
    assertTrue(
        paths.contains("coerced /nfv/vnfd[id='hackfest3charmed-vnf']/vdu[id='mgmtVM']/boot-data"),
        paths.toString());
    assertTrue(
        paths.contains(
            "coerced /nfv/vnfd[id='hackfest3charmed-vnf']/int-virtual-link-desc[id='internal']"),
        paths.toString());
    assertTrue(
        paths.contains("kept-as-extension /nfv/vnfd[id='hackfest3charmed-vnf']/vnf-configuration"),
        paths.toString());
    var memory =
        vnfd.deviations().stream()
            .filter(d -> d.path().endsWith("virtual-compute-desc[id='mgmtVM-compute']"))
            .findFirst()
            .orElseThrow();
    assertTrue(memory.before().contains("\"memory-mb\": \"1024\""), memory.toString());

    var nsd = CorpusRun.run("osm-descriptors/hackfest_charmed_nsd_im.yaml", Mode.LENIENT);
    assertTrue(nsd.accepted(), nsd.deviations().toString());
  }
}
