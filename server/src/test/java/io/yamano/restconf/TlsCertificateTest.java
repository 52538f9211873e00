package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server certificate: generated once, reused, or the operator's own pair. */
class TlsCertificateTest {
  static final char[] PASSWORD = "p".toCharArray();

  @Test
  @DisplayName("first start generates a self-signed pair for localhost and the listen address")
  void generatesOnce(@TempDir Path dir) throws Exception {
    var first = TlsCertificate.load(dir, List.of("192.0.2.7"), PASSWORD);
    var cert = (X509Certificate) first.getCertificate("restconf");
    assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
    var names = cert.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
    assertTrue(names.containsAll(List.of("localhost", "127.0.0.1", "192.0.2.7")), names.toString());
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(dir.resolve(TlsCertificate.KEY)));
    var second = TlsCertificate.load(dir, List.of(), PASSWORD);
    assertArrayEquals(cert.getEncoded(), second.getCertificate("restconf").getEncoded());
  }

  @Test
  @DisplayName("a certificate without its key is refused with a message naming the missing file")
  void halfAPairIsRefused(@TempDir Path dir) throws Exception {
    TlsCertificate.load(dir, List.of(), PASSWORD);
    Files.delete(dir.resolve(TlsCertificate.KEY));
    var e = assertThrows(IOException.class, () -> TlsCertificate.load(dir, List.of(), PASSWORD));
    assertTrue(e.getMessage().contains(TlsCertificate.KEY), e.getMessage());
  }

  @Test
  @DisplayName("a file that is not PEM is refused")
  void garbageIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(TlsCertificate.CERTIFICATE), "not a certificate");
    Files.writeString(dir.resolve(TlsCertificate.KEY), "not a key");
    assertThrows(IOException.class, () -> TlsCertificate.load(dir, List.of(), PASSWORD));
  }
}
