package io.yamano.restconf;

import io.yamano.server.ServeOptions;
import io.yamano.server.YamanoServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Yamano (datastore, NETCONF, RESTCONF over HTTPS on a free port) in a temporary data
 * directory, and a {@link HttpClient} that trusts exactly the certificate the server generated.
 */
final class RestconfFixture implements AutoCloseable {
  static final String USER = "admin";
  static final String PASSWORD = "secret";
  static final String JSON = "application/yang-data+json";
  static final String XML = "application/yang-data+xml";

  final YamanoServer server;
  final HttpClient http;
  final String base;

  private RestconfFixture(YamanoServer server, HttpClient http, String base) {
    this.server = server;
    this.http = http;
    this.base = base;
  }

  static RestconfFixture start(Path dataDir) throws Exception {
    var models = Path.of(RestconfFixture.class.getResource("/restconf/models").toURI());
    var options =
        new ServeOptions(
            dataDir, List.of(models), false, InetAddress.getLoopbackAddress(), 0, 0, 0);
    var server =
        YamanoServer.start(
            options,
            Map.of("YAMANO_ADMIN_PASSWORD", PASSWORD),
            new PrintStream(java.io.OutputStream.nullOutputStream()));
    try {
      var certificates = CertificateFactory.getInstance("X.509");
      var trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      try (InputStream in = Files.newInputStream(dataDir.resolve("tls").resolve("server.crt"))) {
        trust.setCertificateEntry("yamano", certificates.generateCertificate(in));
      }
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      var ssl = SSLContext.getInstance("TLS");
      ssl.init(null, factory.getTrustManagers(), null);
      var http =
          HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
      return new RestconfFixture(server, http, "https://127.0.0.1:" + server.restconfPort());
    } catch (Exception e) {
      server.close();
      throw e;
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    var request = request(path);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        request(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
