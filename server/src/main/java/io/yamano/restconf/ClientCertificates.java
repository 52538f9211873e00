package io.yamano.restconf;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * The trust anchors for TLS client certificates: every certificate in the {@code *.pem} files of
 * {@code client-ca/} in the TLS directory. When there is none, the listener does not ask clients
 * for a certificate at all.
 */
public final class ClientCertificates {
  /** The directory, inside the TLS directory, that holds the client CA certificates. */
  public static final String DIRECTORY = "client-ca";

  private final List<X509Certificate> anchors;

  private ClientCertificates(List<X509Certificate> anchors) {
    this.anchors = List.copyOf(anchors);
  }

  /**
   * Reads {@code tlsDirectory/client-ca/*.pem}.
   *
   * @throws IOException when a file cannot be read or holds something that is not a certificate
   */
  public static ClientCertificates load(Path tlsDirectory) throws IOException {
    Path dir = tlsDirectory.resolve(DIRECTORY);
    var anchors = new ArrayList<X509Certificate>();
    if (!Files.isDirectory(dir)) {
      return new ClientCertificates(anchors);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".pem")).sorted().toList();
    }
    var converter = new JcaX509CertificateConverter();
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
          var pem = new PEMParser(reader)) {
        for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
          if (!(o instanceof X509CertificateHolder holder)) {
            throw new IOException("TLS: " + file + " holds something else than certificates");
          }
          anchors.add(converter.getCertificate(holder));
        }
      } catch (GeneralSecurityException e) {
        throw new IOException("TLS: cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return new ClientCertificates(anchors);
  }

  /** Whether there is any trust anchor, i.e. whether clients are asked for a certificate. */
  public boolean any() {
    return !anchors.isEmpty();
  }

  /** The anchors as a trust store for the TLS handshake. */
  KeyStore trustStore() throws IOException {
    try {
      var store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < anchors.size(); i++) {
        store.setCertificateEntry("client-ca-" + i, anchors.get(i));
      }
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS: cannot build the client trust store: " + e.getMessage(), e);
    }
  }

  /**
   * The chain the handshake validated: from the client's certificate, each issuer among the
   * presented certificates and the anchors, up to an anchor (clients seldom send the root itself,
   * yet RFC 7407 §4 lets an entry name the root's fingerprint). Other presented certificates are
   * left out: anyone can append a CA certificate they do not hold the key of, and an entry with
   * that CA's fingerprint must not match them.
   */
  List<X509Certificate> validatedChain(X509Certificate[] presented) {
    var chain = new ArrayList<X509Certificate>();
    if (presented.length == 0) {
      return chain;
    }
    var candidates = new ArrayList<>(Arrays.asList(presented).subList(1, presented.length));
    candidates.addAll(anchors);
    X509Certificate current = presented[0];
    chain.add(current);
    while (!anchors.contains(current) && chain.size() <= presented.length + anchors.size()) {
      X509Certificate issuer = null;
      for (X509Certificate candidate : candidates) {
        if (!chain.contains(candidate)
            && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
            && signs(candidate, current)) {
          issuer = candidate;
          break;
        }
      }
      if (issuer == null) {
        // no path to an anchor of ours: only the certificate the client holds the key of counts
        return List.of(presented[0]);
      }
      chain.add(issuer);
      current = issuer;
    }
    return anchors.contains(current) ? chain : List.of(presented[0]);
  }

  private static boolean signs(X509Certificate issuer, X509Certificate certificate) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
