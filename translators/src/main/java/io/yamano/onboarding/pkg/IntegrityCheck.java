package io.yamano.onboarding.pkg;

import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.mapping.DeviationLog;
import io.yamano.onboarding.pkg.IntegrityReport.Artifact;
import io.yamano.onboarding.pkg.IntegrityReport.ChecksumStatus;
import io.yamano.onboarding.pkg.IntegrityReport.SignatureStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a package's checksums (SOL004 manifest: SHA-256/384/512; Tacker's TOSCA.meta blocks;
 * OSM's {@code checksums.txt}: MD5) and signatures (SOL004 §5.2: the manifest's CMS signature, or
 * one CMS signature per artifact). Every problem is a refusal naming the file and what is wrong. A
 * package with no signature is refused unless unsigned packages are allowed.
 */
public final class IntegrityCheck {
  private final CmsVerifier verifier;

  public IntegrityCheck(TrustStore trust) {
    this.verifier = new CmsVerifier(trust);
  }

  public IntegrityReport verify(PackageContent content, boolean allowUnsigned, DeviationLog log) {
    var files = content.files();
    var checksumOk = new HashMap<String, Boolean>();
    var signed = new HashSet<String>();
    var housekeeping = new HashSet<String>();
    boolean anyChecksum = false;
    boolean failedChecksum = false;
    SignatureStatus signature = SignatureStatus.UNSIGNED;
    String signer = "";

    if (content.format() == PackageFormat.SOL004_CSAR) {
      var meta = Optional.ofNullable(files.get(ToscaMeta.PATH)).map(ToscaMeta::parse);
      housekeeping.add(ToscaMeta.PATH);
      var manifestPath = meta.flatMap(ToscaMeta::entryManifest).or(() -> rootFile(files, ".mf"));
      var certificatePath =
          meta.flatMap(ToscaMeta::entryCertificate).or(() -> rootFile(files, ".cert"));
      certificatePath.ifPresent(housekeeping::add);
      Optional<byte[]> packageCertificate = certificatePath.map(files::get);
      if (manifestPath.isPresent()) {
        housekeeping.add(manifestPath.get());
        byte[] manifestBytes = files.get(manifestPath.get());
        if (manifestBytes == null) {
          log.refuse(
              manifestPath.get(),
              "",
              "TOSCA.meta names this manifest, but the package does not hold it");
          failedChecksum = true;
        } else {
          Manifest manifest;
          try {
            manifest = Manifest.parse(manifestBytes);
          } catch (PackageException e) {
            log.refuse(manifestPath.get(), "", e.getMessage());
            return new IntegrityReport(
                ChecksumStatus.FAILED,
                SignatureStatus.FAILED,
                "",
                artifacts(files, checksumOk, signed));
          }
          for (var entry : manifest.entries()) {
            anyChecksum |= entry.hash().isPresent();
            if (!checkEntry(
                files, entry.source(), entry.algorithm(), entry.hash(), checksumOk, log)) {
              failedChecksum = true;
            }
            if (entry.signature().isPresent()) {
              housekeeping.add(entry.signature().get());
              entry.certificate().ifPresent(housekeeping::add);
              var artifactSignature = files.get(entry.signature().get());
              byte[] artifact = files.get(entry.source());
              if (artifactSignature == null) {
                log.refuse(
                    entry.signature().get(),
                    "",
                    "the manifest names this signature of "
                        + entry.source()
                        + ", but the package does not hold it");
                signature = SignatureStatus.FAILED;
              } else if (artifact != null) {
                var verdict =
                    verifier.verify(
                        artifact,
                        artifactSignature,
                        entry.certificate().map(files::get).or(() -> packageCertificate));
                if (verdict.valid()) {
                  signed.add(entry.source());
                  signer = verdict.detail();
                } else {
                  log.refuse(
                      entry.source(),
                      "",
                      "artifact signature " + entry.signature().get() + ": " + verdict.detail());
                  signature = SignatureStatus.FAILED;
                }
              }
            }
          }
          if (manifest.signature().isPresent() && signature != SignatureStatus.FAILED) {
            var verdict =
                verifier.verify(
                    manifest.signedPart(), manifest.signature().get(), packageCertificate);
            if (verdict.valid()) {
              signature = SignatureStatus.VERIFIED;
              signer = verdict.detail();
              for (var entry : manifest.entries()) {
                if (Boolean.TRUE.equals(checksumOk.get(entry.source()))) {
                  signed.add(entry.source());
                }
              }
            } else {
              log.refuse(manifestPath.get(), "", "manifest signature: " + verdict.detail());
              signature = SignatureStatus.FAILED;
            }
          } else if (signature != SignatureStatus.FAILED && !signed.isEmpty()) {
            // Without a manifest signature the package is signed only if every listed artifact is.
            boolean all = manifest.entries().stream().allMatch(e -> signed.contains(e.source()));
            signature = all ? SignatureStatus.VERIFIED : SignatureStatus.UNSIGNED;
          }
        }
      }
      for (var block : meta.map(ToscaMeta::artifacts).orElse(java.util.List.of())) {
        var name = block.get("Name");
        if (name != null && block.containsKey("Hash")) {
          anyChecksum = true;
          if (!checkEntry(
              files,
              name,
              Optional.ofNullable(block.get("Algorithm")),
              Optional.of(block.get("Hash")),
              checksumOk,
              log)) {
            failedChecksum = true;
          }
        }
      }
    } else if (content.format() == PackageFormat.OSM_TAR_GZ && files.containsKey("checksums.txt")) {
      housekeeping.add("checksums.txt");
      for (String line :
          new String(files.get("checksums.txt"), StandardCharsets.UTF_8).split("\r?\n")) {
        String[] parts = line.strip().split("\\s+", 2);
        if (parts.length == 2 && !parts[0].isEmpty()) {
          anyChecksum = true;
          if (!checkEntry(
              files,
              parts[1].strip(),
              Optional.of("MD5"),
              Optional.of(parts[0]),
              checksumOk,
              log)) {
            failedChecksum = true;
          }
        }
      }
    }
    if (anyChecksum) {
      for (var path : files.keySet()) {
        if (!checksumOk.containsKey(path) && !housekeeping.contains(path)) {
          log.add(
              path,
              DeviationKind.KEPT_AS_EXTENSION,
              "",
              "",
              "the file is not listed with a checksum; kept in the package store unverified");
        }
      }
    }
    if (signature == SignatureStatus.UNSIGNED && !allowUnsigned) {
      log.refuse(
          "/",
          "",
          "the package is not signed and unsigned packages are not allowed (set allow-unsigned to"
              + " accept it)");
    }
    var status =
        failedChecksum
            ? ChecksumStatus.FAILED
            : anyChecksum ? ChecksumStatus.VERIFIED : ChecksumStatus.NONE;
    return new IntegrityReport(status, signature, signer, artifacts(files, checksumOk, signed));
  }

  private static Optional<String> rootFile(Map<String, byte[]> files, String suffix) {
    return files.keySet().stream().filter(p -> !p.contains("/") && p.endsWith(suffix)).findFirst();
  }

  private static boolean checkEntry(
      Map<String, byte[]> files,
      String source,
      Optional<String> algorithm,
      Optional<String> hash,
      Map<String, Boolean> checksumOk,
      DeviationLog log) {
    if (source.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      // An external artifact (SOL004 §4.3.6) is fetched at deployment time, not held here.
      return true;
    }
    byte[] content = files.get(source);
    if (content == null) {
      log.refuse(source, "", "listed in the manifest, but the package does not hold it");
      return false;
    }
    if (hash.isEmpty()) {
      checksumOk.putIfAbsent(source, false);
      return true;
    }
    String name = algorithm.orElse("SHA-256").toUpperCase(Locale.ROOT).replace("_", "-");
    if (!Set.of("SHA-256", "SHA-384", "SHA-512", "MD5").contains(name)) {
      log.refuse(
          source,
          "",
          "checksum algorithm "
              + algorithm.orElse("")
              + " is not supported (SHA-256, SHA-384, SHA-512)");
      checksumOk.put(source, false);
      return false;
    }
    String actual = hex(digest(name, content));
    if (!actual.equalsIgnoreCase(hash.get().strip())) {
      log.refuse(
          source,
          hash.get().strip(),
          actual,
          name
              + " of the content does not match the listed checksum: the file was altered or"
              + " damaged");
      checksumOk.put(source, false);
      return false;
    }
    checksumOk.put(source, true);
    return true;
  }

  private static java.util.List<Artifact> artifacts(
      Map<String, byte[]> files, Map<String, Boolean> checksumOk, Set<String> signed) {
    var out = new ArrayList<Artifact>();
    for (var entry : files.entrySet()) {
      out.add(
          new Artifact(
              entry.getKey(),
              entry.getValue().length,
              hex(digest("SHA-256", entry.getValue())),
              Boolean.TRUE.equals(checksumOk.get(entry.getKey())),
              signed.contains(entry.getKey())));
    }
    return out;
  }

  static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from the JDK", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
