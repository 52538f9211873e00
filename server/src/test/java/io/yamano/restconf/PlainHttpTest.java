package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.server.ServeOptions;
import io.yamano.server.YamanoServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --restconf-plain-http}: plain HTTP when asked for, and no certificate is made. */
class PlainHttpTest {
  @Test
  @DisplayName("plain HTTP serves RESTCONF with Basic authentication, and generates no certificate")
  void plainHttp(@TempDir Path dataDir) throws Exception {
    var options =
        new ServeOptions(
            dataDir, List.of(), false, InetAddress.getLoopbackAddress(), 0, 0, 0, true);
    try (var server =
        YamanoServer.start(
            options,
            Map.of("YAMANO_ADMIN_PASSWORD", "secret"),
            new PrintStream(java.io.OutputStream.nullOutputStream()))) {
      assertEquals("http", server.restconfScheme());
      var http = HttpClient.newHttpClient();
      var uri =
          URI.create(
              "http://127.0.0.1:" + server.restconfPort() + "/restconf/yang-library-version");
      var anonymous =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, anonymous.statusCode());
      var auth =
          "Basic "
              + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));
      var ok =
          http.send(
              HttpRequest.newBuilder(uri).header("Authorization", auth).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode());
      assertTrue(ok.body().contains("2019-01-04"), ok.body());
      assertFalse(Files.exists(dataDir.resolve("tls").resolve(TlsCertificate.CERTIFICATE)));
    }
  }
}
