package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client trust anchors of {@code tls/client-ca/} and the chains built on them. */
class ClientCertificatesTest {
  @Test
  @DisplayName("no client-ca directory: no anchors, so no certificate request")
  void none(@TempDir Path tls) throws Exception {
    assertFalse(ClientCertificates.load(tls).any());
  }

  @Test
  @DisplayName("a .pem in client-ca that is not a certificate stops the start with its name")
  void garbage(@TempDir Path tls) throws Exception {
    Files.createDirectories(tls.resolve("client-ca"));
    Files.writeString(tls.resolve("client-ca/notes.txt"), "ignored: not a .pem");
    Files.writeString(
        tls.resolve("client-ca/key.pem"),
        "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
            + "-----END PUBLIC KEY-----\n");
    var failure = assertThrows(IOException.class, () -> ClientCertificates.load(tls));
    assertTrue(failure.getMessage().contains("key.pem"), failure.getMessage());
  }

  @Test
  @DisplayName(
      "RFC 7407 §4: the chain runs from the client's certificate to the anchor it chains to")
  void chain(@TempDir Path tls) throws Exception {
    var root = TestPki.ca("CN=Root");
    var other = TestPki.ca("CN=Other");
    root.writePem(tls.resolve("client-ca/root.pem"));
    other.writePem(tls.resolve("client-ca/other.pem"));
    var anchors = ClientCertificates.load(tls);
    assertTrue(anchors.any());
    var client = TestPki.client(root, "CN=c").certificate();
    assertEquals(
        List.of(client, root.certificate()),
        anchors.validatedChain(new X509Certificate[] {client}));
    // a stray certificate after the client's is not on the path
    assertEquals(
        List.of(client, root.certificate()),
        anchors.validatedChain(new X509Certificate[] {client, other.certificate()}));
    // an anchor presented as the client certificate is the whole chain
    assertEquals(
        List.of(other.certificate()),
        anchors.validatedChain(new X509Certificate[] {other.certificate()}));
  }
}
