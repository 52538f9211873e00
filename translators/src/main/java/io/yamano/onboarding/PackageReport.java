package io.yamano.onboarding;

import io.yamano.onboarding.mapping.MappedDocument.DescriptorId;
import io.yamano.onboarding.pkg.IntegrityReport;
import io.yamano.onboarding.pkg.PackageFormat;
import java.util.List;

/**
 * The full outcome of onboarding one package.
 *
 * @param packageId the package's id ({@code pkg-} and 16 hex digits of its SHA-256)
 * @param fileName the package's file name
 * @param format how it arrived
 * @param accepted whether it was (or, in a dry run, would be) stored
 * @param stored whether it was stored (false in a dry run or when refused)
 * @param integrity checksums, signature and files
 * @param documents each descriptor file read, with its format and descriptors
 * @param deviations every deviation, with the file it is about
 */
public record PackageReport(
    String packageId,
    String fileName,
    PackageFormat format,
    boolean accepted,
    boolean stored,
    IntegrityReport integrity,
    List<Document> documents,
    List<FileDeviation> deviations) {
  public PackageReport {
    documents = List.copyOf(documents);
    deviations = List.copyOf(deviations);
  }

  /** One descriptor file of the package. */
  public record Document(String file, DescriptorFormat format, List<DescriptorId> descriptors) {
    public Document {
      descriptors = List.copyOf(descriptors);
    }
  }

  /** A deviation and the file inside the package it is about. */
  public record FileDeviation(String file, Deviation deviation) {
    @Override
    public String toString() {
      return file + ": " + deviation;
    }
  }

  public List<DescriptorId> descriptors() {
    return documents.stream().flatMap(d -> d.descriptors().stream()).toList();
  }

  public long count(DeviationKind kind) {
    return deviations.stream().filter(d -> d.deviation().kind() == kind).count();
  }

  /** The report as text, one deviation a line, as the CLI prints it and the store keeps it. */
  public String render() {
    var out = new StringBuilder();
    out.append("package ")
        .append(packageId)
        .append(" (")
        .append(fileName)
        .append(", ")
        .append(format.yangName())
        .append("): ")
        .append(accepted ? (stored ? "onboarded" : "would be onboarded") : "refused")
        .append('\n');
    out.append("checksums: ")
        .append(integrity.checksums().yangName())
        .append(", signature: ")
        .append(integrity.signature().yangName());
    if (!integrity.signer().isEmpty()) {
      out.append(" by ").append(integrity.signer());
    }
    out.append('\n');
    for (var document : documents) {
      out.append("descriptor file ")
          .append(document.file())
          .append(" (")
          .append(document.format().yangName())
          .append("): ")
          .append(document.descriptors())
          .append('\n');
    }
    for (var kind : DeviationKind.values()) {
      long n = count(kind);
      if (n > 0) {
        out.append(n).append(' ').append(kind.yangName()).append('\n');
      }
    }
    for (var deviation : deviations) {
      out.append("  ").append(deviation).append('\n');
    }
    return out.toString();
  }
}
