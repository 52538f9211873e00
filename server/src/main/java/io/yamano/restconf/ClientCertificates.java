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
   * The chain the handshake validated: what the client presented, then the anchor that issued its
   * last certificate (clients seldom send the root itself, yet RFC 7407 §4 lets an entry name the
   * root's fingerprint).
   */
  List<X509Certificate> validatedChain(X509Certificate[] presented) {
    var chain = new ArrayList<>(Arrays.asList(presented));
    if (chain.isEmpty()) {
      return chain;
    }
    X509Certificate last = chain.get(chain.size() - 1);
    if (anchors.contains(last)) {
      return chain;
    }
    for (X509Certificate anchor : anchors) {
      if (anchor.getSubjectX500Principal().equals(last.getIssuerX500Principal())
          && signs(anchor, last)) {
        chain.add(anchor);
        break;
      }
    }
    return chain;
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
