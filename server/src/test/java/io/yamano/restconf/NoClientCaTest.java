package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without {@code tls/client-ca/}, RESTCONF does not ask for client certificates at all. */
class NoClientCaTest {
  @Test
  @DisplayName("RFC 8040 §2.5: no client CA configured, no certificate request; HTTP Basic only")
  void noCertificateRequest(@TempDir Path dataDir) throws Exception {
    // an empty directory is no trust anchor either
    Files.createDirectories(dataDir.resolve("tls").resolve(ClientCertificates.DIRECTORY));
    try (var fixture = RestconfFixture.start(dataDir)) {
      var ca = TestPki.ca("CN=Some CA");
      var asked = new AtomicBoolean();
      var http =
          HttpClient.newBuilder()
              .sslContext(
                  TestPki.clientContext(
                      dataDir.resolve("tls").resolve(TlsCertificate.CERTIFICATE),
                      TestPki.client(ca, "CN=admin"),
                      asked))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      var reply =
          http.send(
              HttpRequest.newBuilder(URI.create(fixture.base + "/restconf/yang-library-version"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(401, reply.statusCode());
      assertFalse(asked.get(), "the server asked for a client certificate");
      assertFalse(reply.body().contains("client certificate"), reply.body());
      assertTrue(reply.body().contains("HTTP Basic"), reply.body());
    }
  }
}
