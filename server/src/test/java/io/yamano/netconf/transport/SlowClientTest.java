package io.yamano.netconf.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.client.ClientOptions;
import io.yamano.netconf.client.NetconfClient;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris: clients that open a hello or a message and then trickle bytes are closed after the
 * message timeout, while a healthy session on the same server keeps being answered.
 */
class SlowClientTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @TempDir static Path hostKeys;
  static NetconfSshServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        NetconfSshServer.start(
            NetconfServerConfig.builder()
                .bindAddress("127.0.0.1", 0)
                .hostKeyDirectory(hostKeys)
                .messageTimeout(TIMEOUT)
                .build(),
            new UserAuthenticator() {
              @Override
              public boolean checkPassword(String username, String password) {
                return "admin".equals(username) && "secret".equals(password);
              }

              @Override
              public Collection<PublicKey> authorizedKeys(String username) {
                return List.of();
              }
            },
            EchoListener::new);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static NetconfClient healthy() throws Exception {
    return NetconfClient.connect(
        "127.0.0.1", server.port(), "admin", "secret", ClientOptions.DEFAULT);
  }

  /** A message started and then trickled one byte at a time is cut off with malformed-message. */
  @Test
  void tricklingMessageIsClosed() throws Exception {
    try (var good = healthy();
        var slow = RawNetconf.chunked(server.port(), "admin", "secret")) {
      slow.send(
          "\n#1000\n<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\">");
      long end = System.nanoTime() + TIMEOUT.multipliedBy(4).toNanos();
      int answered = 0;
      while (slow.isOpen() && System.nanoTime() < end) {
        slow.send("<");
        assertTrue(good.rpc("<echo>ok</echo>").contains("ok"));
        answered++;
        Thread.sleep(100);
      }
      assertTrue(slow.awaitClosed(TIMEOUT.multipliedBy(3)), "the slow session is still open");
      assertTrue(slow.received().contains("malformed-message"), slow.received());
      assertTrue(answered > 0);
      assertTrue(good.rpc("<echo>still</echo>").contains("still"));
    }
  }

  /** A client that never completes its hello is closed. */
  @Test
  void missingHelloIsClosed() throws Exception {
    try (var good = healthy();
        var silent = RawNetconf.open(server.port(), "admin", "secret")) {
      silent.send("<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">");
      assertTrue(silent.awaitClosed(TIMEOUT.multipliedBy(4)), "the session without hello is open");
      assertTrue(good.rpc("<echo>ok</echo>").contains("ok"));
    }
  }

  /** A client that waits between complete messages is not a slow client. */
  @Test
  void idleBetweenMessagesIsFine() throws Exception {
    try (var client = healthy()) {
      Thread.sleep(TIMEOUT.multipliedBy(2).toMillis());
      assertTrue(client.rpc("<echo>later</echo>").contains("later"));
      assertFalse(client.rpc("<echo>x</echo>").isEmpty());
    }
  }
}
