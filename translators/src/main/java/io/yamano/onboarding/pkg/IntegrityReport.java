package io.yamano.onboarding.pkg;

import java.util.List;

/**
 * What the integrity checks of a package found.
 *
 * @param checksums whether the listed checksums were verified
 * @param signature whether the package is signed and the signature verified
 * @param signer the signer's subject, or ""
 * @param artifacts every file of the package and what was verified of it
 */
public record IntegrityReport(
    ChecksumStatus checksums, SignatureStatus signature, String signer, List<Artifact> artifacts) {
  public IntegrityReport {
    artifacts = List.copyOf(artifacts);
  }

  /** The state of a package's checksums. */
  public enum ChecksumStatus {
    /** Every listed checksum matched. */
    VERIFIED("verified"),
    /** The package lists no checksums (a lone descriptor, a CSAR without manifest). */
    NONE("none"),
    /** At least one checksum did not match or a listed file is missing. */
    FAILED("failed");

    private final String yangName;

    ChecksumStatus(String yangName) {
      this.yangName = yangName;
    }

    public String yangName() {
      return yangName;
    }
  }

  /** The state of a package's signature. */
  public enum SignatureStatus {
    /**
     * The manifest signature (or every artifact's) verified and chains to a trusted certificate.
     */
    VERIFIED("verified"),
    /** No signature at all. */
    UNSIGNED("unsigned"),
    /** A signature is present and does not verify. */
    FAILED("failed");

    private final String yangName;

    SignatureStatus(String yangName) {
      this.yangName = yangName;
    }

    public String yangName() {
      return yangName;
    }
  }

  /**
   * One file of the package.
   *
   * @param path its path inside the package
   * @param size its size in bytes
   * @param sha256 its SHA-256, hex
   * @param checksumVerified whether a listed checksum matched it
   * @param signatureVerified whether a signature covering it verified (the manifest's covers all
   *     listed files)
   */
  public record Artifact(
      String path, long size, String sha256, boolean checksumVerified, boolean signatureVerified) {}
}
