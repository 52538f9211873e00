package io.yamano.onboarding.pkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SOL004 manifest ({@code .mf}, ETSI GS NFV-SOL 004 §5.3 and §5.4): metadata, one block per
 * artifact ({@code Source}, {@code Algorithm}, {@code Hash} and optionally {@code Signature} and
 * {@code Certificate}) and, at the end, the manifest's own CMS signature in PEM armour covering
 * every byte before it.
 *
 * @param metadata the {@code metadata:} keys
 * @param entries the artifact blocks, in order
 * @param signedPart the bytes the manifest signature covers
 * @param signature the DER CMS signature of the manifest, if any
 */
public record Manifest(
    Map<String, String> metadata,
    List<Entry> entries,
    byte[] signedPart,
    Optional<byte[]> signature) {

  /** One artifact block. */
  public record Entry(
      String source,
      Optional<String> algorithm,
      Optional<String> hash,
      Optional<String> signature,
      Optional<String> certificate) {}

  static final String BEGIN_CMS = "-----BEGIN CMS-----";
  static final String END_CMS = "-----END CMS-----";

  public static Manifest parse(byte[] bytes) throws PackageException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN_CMS);
    byte[] signedPart = bytes;
    Optional<byte[]> signature = Optional.empty();
    if (begin >= 0) {
      int end = text.indexOf(END_CMS, begin);
      if (end < 0) {
        throw new PackageException("the manifest's CMS signature has no " + END_CMS + " line");
      }
      signedPart = text.substring(0, begin).getBytes(StandardCharsets.UTF_8);
      String base64 = text.substring(begin + BEGIN_CMS.length(), end).replaceAll("\\s", "");
      try {
        signature = Optional.of(Base64.getDecoder().decode(base64));
      } catch (IllegalArgumentException e) {
        throw new PackageException("the manifest's CMS signature is not valid base64", e);
      }
      text = text.substring(0, begin);
    }
    var metadata = new LinkedHashMap<String, String>();
    var entries = new ArrayList<Entry>();
    String source = null;
    String algorithm = null;
    String hash = null;
    String sig = null;
    String cert = null;
    boolean inMetadata = false;
    for (String raw : text.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (key.equals("metadata")) {
        inMetadata = true;
        continue;
      }
      boolean indented = Character.isWhitespace(raw.charAt(0));
      if (inMetadata && indented) {
        metadata.put(key, value);
        continue;
      }
      inMetadata = false;
      switch (key) {
        case "Source" -> {
          if (source != null) {
            entries.add(entry(source, algorithm, hash, sig, cert));
          }
          source = value;
          algorithm = null;
          hash = null;
          sig = null;
          cert = null;
        }
        case "Algorithm" -> algorithm = value;
        case "Hash" -> hash = value;
        case "Signature" -> sig = value;
        case "Certificate" -> cert = value;
        default -> {
          // non_mano_artifact_sets and other blocks name artifacts listed elsewhere.
        }
      }
    }
    if (source != null) {
      entries.add(entry(source, algorithm, hash, sig, cert));
    }
    return new Manifest(metadata, entries, signedPart, signature);
  }

  private static Entry entry(
      String source, String algorithm, String hash, String sig, String cert) {
    return new Entry(
        source,
        Optional.ofNullable(algorithm),
        Optional.ofNullable(hash),
        Optional.ofNullable(sig),
        Optional.ofNullable(cert));
  }
}
