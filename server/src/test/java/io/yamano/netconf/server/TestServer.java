package io.yamano.netconf.server;

import io.yamano.netconf.client.NetconfClient;
import io.yamano.server.ServeOptions;
import io.yamano.server.YamanoServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Yamano server on a free loopback port with a temporary data dir and the test model {@code
 * example-ops}, for tests that talk NETCONF over SSH to it.
 */
final class TestServer implements AutoCloseable {
  static final String USER = "admin";
  static final String PASSWORD = "test-secret";
  static final String OPS = "urn:example:ops";

  private static final AtomicInteger KEYS = new AtomicInteger();

  final YamanoServer server;
  final Path dataDir;

  private TestServer(YamanoServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  static TestServer start(Path dataDir) {
    try {
      var models = Path.of(TestServer.class.getResource("/netconf/server/models").toURI());
      var options =
          new ServeOptions(
              dataDir, List.of(models), false, InetAddress.getLoopbackAddress(), 0, 0, 0);
      var server =
          YamanoServer.start(
              options,
              Map.of("YAMANO_ADMIN_PASSWORD", PASSWORD),
              new PrintStream(java.io.OutputStream.nullOutputStream()));
      return new TestServer(server, dataDir);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the test server: " + e.getMessage(), e);
    }
  }

  NetconfClient connect() {
    try {
      return NetconfClient.connect("127.0.0.1", server.netconfPort(), USER, PASSWORD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  NetconfClient connect(String user, String password) {
    try {
      return NetconfClient.connect("127.0.0.1", server.netconfPort(), user, password);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path files() throws IOException {
    return Files.createDirectories(dataDir.resolve("files"));
  }

  /** A key unique in this test run, so tests sharing a server do not meet. */
  static String unique(String prefix) {
    return prefix + "-" + KEYS.incrementAndGet();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
