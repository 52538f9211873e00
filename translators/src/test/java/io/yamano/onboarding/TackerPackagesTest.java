package io.yamano.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.lcm.MemoryLog;
import io.yamano.onboarding.pkg.PackageFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tacker's SOL001 packages (each sample tree zipped as a CSAR, unsigned, dry run): the best-effort
 * TOSCA conversion, TOSCA.meta/manifest checksums, and the outcome with its deviations by kind.
 */
class TackerPackagesTest {
  @TempDir Path dataDir;

  private PackageReport onboard(String name, Mode mode) throws Exception {
    var files = TestPackages.tree(Corpus.tacker(name));
    try (var datastore =
        Datastore.open(
            Models.CONTEXT, new MemoryLog(), new MemoryLog(), IncrementalValidator::forRunning)) {
      return new PackageOnboarding(datastore, dataDir, Clock.systemUTC())
          .onboard(
              TestPackages.zip(files),
              name + ".csar",
              new PackageOnboarding.Options(mode, true, true),
              "admin");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // package, mode, accepted, mapped, coerced, defaulted, kept-as-extension, dropped, refused
    "free5gc_cnf_package, STRICT, false, 0, 0, 0, 0, 0, 39",
    "free5gc_cnf_package, LENIENT, false, 0, 13, 2, 10, 0, 14",
    "getting_started_sample_vnf_package_csar, STRICT, false, 0, 0, 0, 0, 0, 11",
    "getting_started_sample_vnf_package_csar, LENIENT, false, 0, 6, 3, 0, 0, 2",
    "helloworld3_vnf_package, STRICT, false, 0, 0, 0, 0, 0, 20",
    "helloworld3_vnf_package, LENIENT, false, 0, 13, 2, 4, 0, 1",
    "kubernetes_mgmt_vnf_package, STRICT, false, 0, 0, 0, 0, 0, 60",
    "kubernetes_mgmt_vnf_package, LENIENT, false, 0, 19, 6, 32, 0, 3",
    "practical_vnf_package, STRICT, false, 0, 0, 0, 0, 0, 36",
    "practical_vnf_package, LENIENT, true, 0, 23, 6, 7, 0, 0",
    "test_cnf_scale, STRICT, false, 0, 0, 0, 0, 0, 20",
    "test_cnf_scale, LENIENT, false, 0, 3, 4, 11, 0, 2",
  })
  void tackerPackage(
      String name,
      Mode mode,
      boolean accepted,
      long mapped,
      long coerced,
      long defaulted,
      long kept,
      long dropped,
      long refused)
      throws Exception {
    var report = onboard(name, mode);
    assertEquals(PackageFormat.SOL004_CSAR, report.format());
    long[] expected = {mapped, coerced, defaulted, kept, dropped, refused};
    long[] actual = Arrays.stream(DeviationKind.values()).mapToLong(report::count).toArray();
    assertEquals(Arrays.toString(expected), Arrays.toString(actual), report.render());
    assertEquals(accepted, report.accepted(), report.render());
  }

  @Test
  void practicalPackageBecomesAVnfdWithTwoFlavours() throws Exception {
    var report = onboard("practical_vnf_package", Mode.LENIENT);
    assertEquals("[vnfd 75aaa9fa-9c79-dcf5-bda2-5b98a08c9f54]", report.descriptors().toString());
    assertTrue(
        report.deviations().stream()
            .anyMatch(
                d ->
                    d.deviation().kind() == DeviationKind.DEFAULTED
                        && d.deviation()
                            .path()
                            .equals(
                                "/nfv/vnfd[id='75aaa9fa-9c79-dcf5-bda2-5b98a08c9f54']"
                                    + "/df[id='scalable']/default-instantiation-level")),
        report.render());
  }

  @Test
  void tackerChecksumsThatDoNotMatchTheFilesAreRefusedByName() throws Exception {
    var report = onboard("free5gc_cnf_package", Mode.LENIENT);
    assertTrue(
        report.deviations().stream()
            .anyMatch(
                d ->
                    d.deviation().kind() == DeviationKind.REFUSED
                        && d.deviation().path().equals("Files/kubernetes/free5gc-amf.yaml")
                        && d.deviation().reason().startsWith("SHA-256 of the content")),
        report.render());
  }

  @Test
  void vnfWithoutExternalConnectionPointIsRefusedWithTheSol006Rule() throws Exception {
    var report = onboard("getting_started_sample_vnf_package_csar", Mode.LENIENT);
    assertTrue(
        report
            .render()
            .contains(
                "refused /nfv/vnfd[id='b1bb0ce7-ebca-4fa7-95ed-4840d70a1177']/ext-cpd: at least 1"),
        report.render());
  }
}
