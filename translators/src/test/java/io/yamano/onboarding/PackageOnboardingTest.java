package io.yamano.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.lcm.MemoryLog;
import io.yamano.onboarding.PackageOnboarding.Options;
import io.yamano.onboarding.pkg.IntegrityReport.ChecksumStatus;
import io.yamano.onboarding.pkg.IntegrityReport.SignatureStatus;
import io.yamano.onboarding.pkg.PackageFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;

/**
 * SOL004 CSARs and OSM packages end to end: integrity (ETSI GS NFV-SOL 004 §5: manifest checksums,
 * CMS signature of the manifest or of each artifact, trusted certificates), descriptor mapping,
 * commit, package store and the operational record; refusals leave nothing behind.
 */
class PackageOnboardingTest {
  private static final String VNFD = "yang/etsi-sol006-v4.3.1/example-data/nfv-vnfd.xml";
  private static final byte[] IMAGE =
      "pretend this is a qcow2 image".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  Datastore datastore;
  PackageOnboarding onboarding;
  TestPki pki;

  @BeforeEach
  void setUp() throws Exception {
    datastore =
        Datastore.open(
            Models.CONTEXT, new MemoryLog(), new MemoryLog(), IncrementalValidator::forRunning);
    onboarding = new PackageOnboarding(datastore, dataDir, Clock.systemUTC());
    pki = new TestPki("vendor");
    Files.createDirectories(dataDir.resolve("trust"));
    Files.writeString(
        dataDir.resolve("trust/vendor-ca.pem"), TestPki.pem("CERTIFICATE", pki.ca.getEncoded()));
  }

  @AfterEach
  void tearDown() throws Exception {
    datastore.close();
  }

  /** A CSAR with TOSCA.meta, a manifest listing both files, and optionally its CMS signature. */
  private Map<String, byte[]> csar(boolean signManifest) throws Exception {
    byte[] descriptor = CorpusRun.read(VNFD);
    var files = new LinkedHashMap<String, byte[]>();
    files.put(
        "TOSCA-Metadata/TOSCA.meta",
        ("TOSCA-Meta-File-Version: 1.0\nCSAR-Version: 1.1\nCreated-By: test\n"
                + "Entry-Definitions: Definitions/asa.xml\nETSI-Entry-Manifest: asa.mf\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put("Definitions/asa.xml", descriptor);
    files.put("Files/images/asa.qcow2", IMAGE);
    String manifest =
        "metadata:\n  vnf_provider_id: My Company\n  vnf_product_name: ASAv\n"
            + "  vnf_release_date_time: 2026-11-24T00:00:00+00:00\n  vnf_package_version: 1.0\n\n"
            + "Source: Definitions/asa.xml\nAlgorithm: SHA-256\nHash: "
            + TestPackages.hex("SHA-256", descriptor)
            + "\n\n"
            + "Source: Files/images/asa.qcow2\nAlgorithm: SHA-512\nHash: "
            + TestPackages.hex("SHA-512", IMAGE)
            + "\n";
    byte[] signedPart = manifest.getBytes(StandardCharsets.UTF_8);
    String full =
        signManifest ? manifest + "\n" + TestPki.pem("CMS", pki.sign(signedPart)) : manifest;
    if (signManifest) {
      // The signature covers everything before its BEGIN line, including the blank line.
      full = manifest + TestPki.pem("CMS", pki.sign((manifest).getBytes(StandardCharsets.UTF_8)));
    }
    files.put("asa.mf", full.getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private PackageReport onboard(byte[] bytes, String name, boolean allowUnsigned) {
    return onboarding.onboard(bytes, name, new Options(Mode.STRICT, allowUnsigned, false), "admin");
  }

  private boolean vnfdStored(String id) {
    var nfv = QName.create(io.yamano.onboarding.mapping.Sol006.NFV_MODULE, "nfv");
    var vnfd = QName.create(nfv, "vnfd");
    return datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(
            YangInstanceIdentifier.of(
                new NodeIdentifier(nfv),
                new NodeIdentifier(vnfd),
                NodeIdentifierWithPredicates.of(vnfd, QName.create(nfv, "id"), id)))
        .isPresent();
  }

  @Test
  void signedCsarIsOnboardedStoredAndRecorded() throws Exception {
    var report = onboard(TestPackages.zip(csar(true)), "asa.csar", false);

    assertTrue(report.accepted(), report.render());
    assertTrue(report.stored());
    assertEquals(PackageFormat.SOL004_CSAR, report.format());
    assertEquals(ChecksumStatus.VERIFIED, report.integrity().checksums());
    assertEquals(SignatureStatus.VERIFIED, report.integrity().signature());
    assertTrue(
        report.integrity().signer().contains("CN=vendor signer"), report.integrity().signer());
    assertEquals("[vnfd ASA]", report.descriptors().toString());
    assertTrue(vnfdStored("ASA"));
    Path stored = dataDir.resolve("packages").resolve(report.packageId());
    assertTrue(Files.isRegularFile(stored.resolve("Files/images/asa.qcow2")));
    assertTrue(
        Files.readString(stored.resolve("onboarding-report.txt")).contains("signature: verified"));
    assertTrue(new PackageRecords(datastore, Clock.systemUTC()).exists(report.packageId()));
  }

  @Test
  void tamperedArtifactOfSignedCsarIsRefusedNamingTheFile() throws Exception {
    var files = csar(true);
    files.put(
        "Files/images/asa.qcow2", "pretend this is a qcow2 imagE".getBytes(StandardCharsets.UTF_8));

    var report = onboard(TestPackages.zip(files), "asa.csar", false);

    assertFalse(report.accepted());
    var refusal =
        report.deviations().stream()
            .filter(d -> d.deviation().kind() == DeviationKind.REFUSED)
            .findFirst()
            .orElseThrow();
    assertEquals("Files/images/asa.qcow2", refusal.deviation().path());
    assertTrue(
        refusal.deviation().reason().startsWith("SHA-512 of the content does not match"),
        refusal.toString());
    assertEquals(ChecksumStatus.FAILED, report.integrity().checksums());
    assertFalse(vnfdStored("ASA"), "nothing committed");
    assertFalse(
        Files.exists(dataDir.resolve("packages").resolve(report.packageId())), "nothing stored");
  }

  @Test
  void tamperedManifestBreaksItsSignature() throws Exception {
    var files = csar(true);
    String manifest = new String(files.get("asa.mf"), StandardCharsets.UTF_8);
    files.put(
        "asa.mf",
        manifest
            .replace("vnf_product_name: ASAv", "vnf_product_name: ASAw")
            .getBytes(StandardCharsets.UTF_8));

    var report = onboard(TestPackages.zip(files), "asa.csar", false);

    assertFalse(report.accepted());
    assertEquals(SignatureStatus.FAILED, report.integrity().signature());
    assertTrue(
        report.deviations().stream()
            .anyMatch(
                d ->
                    d.deviation().path().equals("asa.mf")
                        && d.deviation().reason().contains("altered after signing")),
        report.render());
  }

  @Test
  void perArtifactSignaturesAreVerifiedAndATamperedArtifactIsRefused() throws Exception {
    var files = csar(false);
    byte[] descriptor = files.get("Definitions/asa.xml");
    files.put("Definitions/asa.xml.cms", pki.sign(descriptor));
    files.put(
        "Files/images/asa.qcow2.cms",
        TestPki.pem("CMS", pki.sign(IMAGE)).getBytes(StandardCharsets.UTF_8));
    String manifest =
        "metadata:\n  vnf_product_name: ASAv\n\n"
            + "Source: Definitions/asa.xml\nAlgorithm: SHA-256\nHash: "
            + TestPackages.hex("SHA-256", descriptor)
            + "\nSignature: Definitions/asa.xml.cms\n\n"
            + "Source: Files/images/asa.qcow2\nAlgorithm: SHA-256\nHash: "
            + TestPackages.hex("SHA-256", IMAGE)
            + "\nSignature: Files/images/asa.qcow2.cms\n";
    files.put("asa.mf", manifest.getBytes(StandardCharsets.UTF_8));

    var good =
        onboarding.onboard(
            TestPackages.zip(files), "asa.csar", new Options(Mode.STRICT, false, true), "admin");
    assertTrue(good.accepted(), good.render());
    assertEquals(SignatureStatus.VERIFIED, good.integrity().signature());

    // The attacker also fixes the manifest hash, but cannot re-sign the artifact.
    byte[] evil = "evil image".getBytes(StandardCharsets.UTF_8);
    files.put("Files/images/asa.qcow2", evil);
    files.put(
        "asa.mf",
        manifest
            .replace(TestPackages.hex("SHA-256", IMAGE), TestPackages.hex("SHA-256", evil))
            .getBytes(StandardCharsets.UTF_8));
    var bad = onboard(TestPackages.zip(files), "asa.csar", false);
    assertFalse(bad.accepted());
    var refusal =
        bad.deviations().stream()
            .filter(d -> d.deviation().kind() == DeviationKind.REFUSED)
            .findFirst()
            .orElseThrow();
    assertEquals("Files/images/asa.qcow2", refusal.deviation().path());
    assertTrue(
        refusal.deviation().reason().contains("does not match the content"), refusal.toString());
  }

  @Test
  void signerThatDoesNotChainToTrustedCertificateIsRefused() throws Exception {
    var other = new TestPki("other");
    Files.writeString(
        dataDir.resolve("trust/vendor-ca.pem"), TestPki.pem("CERTIFICATE", other.ca.getEncoded()));

    var report = onboard(TestPackages.zip(csar(true)), "asa.csar", true);

    assertFalse(report.accepted(), "allow-unsigned does not excuse a bad signature");
    assertTrue(
        report.render().contains("does not chain to a trusted certificate"), report.render());
  }

  @Test
  void unsignedCsarIsRefusedUnlessAllowed() throws Exception {
    byte[] csar = TestPackages.zip(csar(false));

    var refused = onboard(csar, "asa.csar", false);
    assertFalse(refused.accepted());
    assertTrue(refused.render().contains("not signed"), refused.render());

    var allowed = onboard(csar, "asa.csar", true);
    assertTrue(allowed.accepted(), allowed.render());
    assertEquals(SignatureStatus.UNSIGNED, allowed.integrity().signature());
    assertEquals(ChecksumStatus.VERIFIED, allowed.integrity().checksums());
  }

  @Test
  void samePackageTwiceIsRefusedAndDeleteRemovesEverything() throws Exception {
    byte[] csar = TestPackages.zip(csar(true));
    var first = onboard(csar, "asa.csar", false);
    assertTrue(first.accepted(), first.render());

    var again = onboard(csar, "asa.csar", false);
    assertFalse(again.accepted());
    assertTrue(again.render().contains("already onboarded as " + first.packageId()));

    onboarding.delete(first.packageId(), "admin");
    assertFalse(vnfdStored("ASA"));
    assertFalse(Files.exists(dataDir.resolve("packages").resolve(first.packageId())));
    assertFalse(new PackageRecords(datastore, Clock.systemUTC()).exists(first.packageId()));
  }

  @Test
  void osmPackageWithChecksumsIsOnboardedAndATamperedCloudInitRefused() throws Exception {
    byte[] descriptor = CorpusRun.read("osm-descriptors/cirros_vnfd_sol006.yaml");
    byte[] cloudInit = "#cloud-config\npassword: osm4u\n".getBytes(StandardCharsets.UTF_8);
    var files = new LinkedHashMap<String, byte[]>();
    files.put("cirros_vnfd.yaml", descriptor);
    files.put("cloud_init/cloud-config.txt", cloudInit);
    files.put("icons/cirros-64.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    files.put(
        "checksums.txt",
        (TestPackages.hex("MD5", descriptor)
                + "\tcirros_vnfd.yaml\n"
                + TestPackages.hex("MD5", cloudInit)
                + "\tcloud_init/cloud-config.txt\n"
                + TestPackages.hex("MD5", files.get("icons/cirros-64.png"))
                + "\ticons/cirros-64.png\n")
            .getBytes(StandardCharsets.UTF_8));
    var options = new Options(Mode.LENIENT, true, false);

    var report =
        onboarding.onboard(
            TestPackages.tarGz("cirros_vnf", files), "cirros_vnf.tar.gz", options, "admin");
    assertTrue(report.accepted(), report.render());
    assertEquals(PackageFormat.OSM_TAR_GZ, report.format());
    assertEquals(ChecksumStatus.VERIFIED, report.integrity().checksums());
    assertEquals(SignatureStatus.UNSIGNED, report.integrity().signature());
    assertTrue(
        Files.isRegularFile(
            dataDir
                .resolve("packages")
                .resolve(report.packageId())
                .resolve("cloud_init/cloud-config.txt")));
    assertTrue(vnfdStored("cirros_vnfd"));

    onboarding.delete(report.packageId(), "admin");
    files.put(
        "cloud_init/cloud-config.txt",
        "#cloud-config\npassword: hacked\n".getBytes(StandardCharsets.UTF_8));
    var tampered =
        onboarding.onboard(
            TestPackages.tarGz("cirros_vnf", files), "cirros_vnf.tar.gz", options, "admin");
    assertFalse(tampered.accepted());
    assertTrue(
        tampered.deviations().stream()
            .anyMatch(
                d ->
                    d.deviation().kind() == DeviationKind.REFUSED
                        && d.deviation().path().equals("cloud_init/cloud-config.txt")),
        tampered.render());
  }

  @Test
  void archiveEntryOutsideThePackageIsRefused() throws Exception {
    var report =
        onboard(TestPackages.zip(Map.of("../../etc/passwd", new byte[] {1})), "evil.csar", true);
    assertFalse(report.accepted());
    assertTrue(report.render().contains("points outside the package"), report.render());
  }
}
