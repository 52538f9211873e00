package io.yamano.onboarding;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.onboarding.mapping.DeviationLog;
import io.yamano.onboarding.pkg.IntegrityCheck;
import io.yamano.onboarding.pkg.IntegrityReport;
import io.yamano.onboarding.pkg.PackageContent;
import io.yamano.onboarding.pkg.PackageException;
import io.yamano.onboarding.pkg.PackageFormat;
import io.yamano.onboarding.pkg.PackageReader;
import io.yamano.onboarding.pkg.PackageStore;
import io.yamano.onboarding.pkg.ToscaMeta;
import io.yamano.onboarding.pkg.TrustStore;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Onboards packages end to end: read, verify integrity, map each descriptor, validate them together
 * against running, commit, keep the files in the {@link PackageStore} and record the package and
 * its report in operational state ({@code /ypkg:packages}). Nothing is left half-done: a refusal
 * stores nothing, and a failure after the commit removes what was stored.
 */
public final class PackageOnboarding {
  /** The options of one onboarding. */
  public record Options(Mode mode, boolean allowUnsigned, boolean dryRun) {}

  private final Datastore datastore;
  private final Path dataDir;
  private final PackageStore store;
  private final DescriptorImporter importer;
  private final PackageRecords records;

  public PackageOnboarding(Datastore datastore, Path dataDir, Clock clock) {
    this.datastore = datastore;
    this.dataDir = dataDir;
    this.store = new PackageStore(dataDir);
    this.importer = new DescriptorImporter(datastore.context());
    this.records = new PackageRecords(datastore, clock);
  }

  /** Where trusted signing certificates are read from. */
  public Path trustDirectory() {
    return dataDir.resolve("trust");
  }

  /** Onboards one package file; never throws for bad input, the report says what is wrong. */
  public synchronized PackageReport onboard(
      byte[] bytes, String fileName, Options options, String user) {
    String id = packageId(bytes);
    var log = new DeviationLog(options.mode());
    var documents = new ArrayList<PackageReport.Document>();
    var deviations = new ArrayList<PackageReport.FileDeviation>();
    PackageContent content;
    try {
      content = PackageReader.read(bytes, fileName);
    } catch (PackageException e) {
      log.refuse("/", "", e.getMessage());
      return refused(
          id,
          fileName,
          PackageFormat.DESCRIPTOR,
          emptyIntegrity(),
          documents,
          fileName,
          log,
          deviations);
    }
    if (store.exists(id) || records.exists(id)) {
      log.refuse("/", "", "this package is already onboarded as " + id);
      return refused(
          id, fileName, content.format(), emptyIntegrity(), documents, fileName, log, deviations);
    }
    IntegrityReport integrity;
    try {
      integrity =
          new IntegrityCheck(TrustStore.load(trustDirectory()))
              .verify(content, options.allowUnsigned(), log);
    } catch (IOException e) {
      log.refuse("/", "", e.getMessage());
      return refused(
          id, fileName, content.format(), emptyIntegrity(), documents, fileName, log, deviations);
    }
    addAll(deviations, fileName, log);
    var descriptorFiles = descriptorFiles(content);
    if (descriptorFiles.isEmpty()) {
      deviations.add(
          new PackageReport.FileDeviation(
              fileName,
              new Deviation(
                  "/",
                  DeviationKind.REFUSED,
                  "",
                  "",
                  "the package holds no descriptor"
                      + " (CSAR: Entry-Definitions in TOSCA.meta; OSM: a YAML file at the top)")));
    }
    var data = new ArrayList<ContainerNode>();
    for (var file : descriptorFiles) {
      var result = importer.read(content.files().get(file), file, options.mode(), content.files());
      documents.add(new PackageReport.Document(file, result.format(), result.descriptors()));
      for (var deviation : result.deviations()) {
        deviations.add(new PackageReport.FileDeviation(file, deviation));
      }
      result.data().ifPresent(data::add);
    }
    if (data.isEmpty()) {
      return report(id, fileName, content.format(), false, false, integrity, documents, deviations);
    }
    // Validated even when already refused (a bad checksum), so the report lists every problem.
    boolean commit = !options.dryRun() && !refusedAny(deviations);
    var outcome =
        DescriptorOnboarding.apply(
            datastore, data, options.mode(), commit, user, "onboard package " + id);
    String first = descriptorFiles.get(0);
    for (var deviation : outcome.deviations()) {
      deviations.add(new PackageReport.FileDeviation(first, deviation));
    }
    if (outcome.refused() || refusedAny(deviations)) {
      return report(id, fileName, content.format(), false, false, integrity, documents, deviations);
    }
    if (options.dryRun()) {
      return report(id, fileName, content.format(), true, false, integrity, documents, deviations);
    }
    var report =
        report(id, fileName, content.format(), true, true, integrity, documents, deviations);
    try {
      store.store(id, content, report.render());
      records.write(report, options, user);
      return report;
    } catch (IOException | RpcException | RuntimeException e) {
      // Undo: the package is either fully onboarded or not at all.
      removeDescriptors(outcome.stored(), user);
      try {
        store.delete(id);
      } catch (IOException ignored) {
        // The report says the package is refused; a leftover directory is overwritten next time.
      }
      deviations.add(
          new PackageReport.FileDeviation(
              fileName,
              new Deviation(
                  "/",
                  DeviationKind.REFUSED,
                  "",
                  "",
                  "storing the package failed: " + e.getMessage())));
      return report(id, fileName, content.format(), false, false, integrity, documents, deviations);
    }
  }

  /**
   * Deletes a package: its descriptors, its files and its record.
   *
   * @throws RpcException data-missing when there is no such package, or the datastore's refusal (an
   *     NS instance still uses a descriptor)
   */
  public synchronized void delete(String packageId, String user) throws RpcException {
    var descriptors = records.descriptors(packageId);
    if (descriptors.isEmpty() && !store.exists(packageId)) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.DATA_MISSING, null, records.path(packageId), "no package " + packageId));
    }
    try (var session = datastore.openInternalSession(user)) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      for (var path : descriptors.get()) {
        tx.remove(path);
      }
      tx.commit("delete package " + packageId);
    }
    records.delete(packageId, user);
    try {
      store.delete(packageId);
    } catch (IOException e) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.OPERATION_FAILED,
              null,
              null,
              "cannot remove the package files: " + e.getMessage()));
    }
  }

  private void removeDescriptors(List<YangInstanceIdentifier> paths, String user) {
    try (var session = datastore.openInternalSession(user)) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      for (var path : paths) {
        tx.remove(path);
      }
      tx.commit("undo onboarding");
    } catch (RpcException e) {
      // Reported by the caller's refusal; the descriptors stay and can be deleted by hand.
    }
  }

  /** The descriptor files of a package, by the rules of its format. */
  static List<String> descriptorFiles(PackageContent content) {
    var files = content.files();
    if (content.format() == PackageFormat.DESCRIPTOR) {
      return List.copyOf(files.keySet());
    }
    if (content.format() == PackageFormat.SOL004_CSAR) {
      var entry =
          Optional.ofNullable(files.get(ToscaMeta.PATH))
              .map(ToscaMeta::parse)
              .flatMap(ToscaMeta::entryDefinitions);
      if (entry.isPresent()) {
        return List.of(entry.get());
      }
    }
    // OSM packages and CSARs without TOSCA-Metadata: descriptor files at the top.
    return files.keySet().stream()
        .filter(p -> !p.contains("/"))
        .filter(
            p -> {
              String lower = p.toLowerCase(Locale.ROOT);
              return lower.endsWith(".yaml")
                  || lower.endsWith(".yml")
                  || lower.endsWith(".xml")
                  || lower.endsWith(".json");
            })
        .toList();
  }

  static String packageId(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "pkg-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean refusedAny(List<PackageReport.FileDeviation> deviations) {
    return deviations.stream().anyMatch(d -> d.deviation().kind() == DeviationKind.REFUSED);
  }

  private static void addAll(List<PackageReport.FileDeviation> out, String file, DeviationLog log) {
    for (var deviation : log.deviations()) {
      // Integrity deviations name a file inside the package as their path.
      out.add(
          new PackageReport.FileDeviation(
              deviation.path().equals("/") ? file : deviation.path(), deviation));
    }
  }

  private static IntegrityReport emptyIntegrity() {
    return new IntegrityReport(
        IntegrityReport.ChecksumStatus.NONE,
        IntegrityReport.SignatureStatus.UNSIGNED,
        "",
        List.of());
  }

  private static PackageReport refused(
      String id,
      String fileName,
      PackageFormat format,
      IntegrityReport integrity,
      List<PackageReport.Document> documents,
      String file,
      DeviationLog log,
      List<PackageReport.FileDeviation> deviations) {
    addAll(deviations, file, log);
    return report(id, fileName, format, false, false, integrity, documents, deviations);
  }

  private static PackageReport report(
      String id,
      String fileName,
      PackageFormat format,
      boolean accepted,
      boolean stored,
      IntegrityReport integrity,
      List<PackageReport.Document> documents,
      List<PackageReport.FileDeviation> deviations) {
    return new PackageReport(
        id, fileName, format, accepted, stored, integrity, documents, deviations);
  }
}
