package io.yamano.onboarding.pkg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The certificates package signatures must chain to: every {@code .pem}, {@code .crt} or {@code
 * .cer} file in {@code DATA_DIR/trust/} (PEM or DER, several per file allowed). Read at each
 * onboarding, so adding a certificate needs no restart.
 */
public record TrustStore(List<X509Certificate> anchors) {
  public TrustStore {
    anchors = List.copyOf(anchors);
  }

  public static TrustStore empty() {
    return new TrustStore(List.of());
  }

  public static TrustStore load(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return empty();
    }
    var certificates = new ArrayList<X509Certificate>();
    try (Stream<Path> files = Files.list(directory)) {
      for (var file : files.sorted().toList()) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) {
          try {
            var factory = CertificateFactory.getInstance("X.509");
            for (var certificate :
                factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))) {
              certificates.add((X509Certificate) certificate);
            }
          } catch (GeneralSecurityException e) {
            throw new IOException(
                "trusted certificate file " + file + " is unreadable: " + e.getMessage(), e);
          }
        }
      }
    }
    return new TrustStore(certificates);
  }
}
