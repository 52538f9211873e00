package io.yamano.netconf.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.client.ClientOptions;
import io.yamano.netconf.client.NetconfClient;
import io.yamano.netconf.client.NetconfConnector;
import io.yamano.netconf.framing.Framing;
import io.yamano.netconf.message.NetconfNamespaces;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NETCONF SSH server and client over loopback, for real. */
class NetconfSshLoopbackTest {
  private static final String USER = "admin";
  private static final String PASSWORD = "secret";
  private static final KeyPair USER_KEY = rsaKey();

  @TempDir static Path hostKeys;

  private static NetconfSshServer server;
  private static final Map<Long, EchoListener> listeners = new ConcurrentHashMap<>();

  private static final UserAuthenticator USERS =
      new UserAuthenticator() {
        @Override
        public boolean checkPassword(String username, String password) {
          return USER.equals(username) && PASSWORD.equals(password);
        }

        @Override
        public Collection<PublicKey> authorizedKeys(String username) {
          return USER.equals(username) ? List.of(USER_KEY.getPublic()) : List.of();
        }
      };

  @BeforeAll
  static void startServer() throws IOException {
    server = start(b -> b.maxSessions(300));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static NetconfSshServer start(Consumer<NetconfServerConfig.Builder> settings)
      throws IOException {
    var builder =
        NetconfServerConfig.builder().bindAddress("127.0.0.1", 0).hostKeyDirectory(hostKeys);
    settings.accept(builder);
    return NetconfSshServer.start(
        builder.build(),
        USERS,
        session -> {
          var listener = new EchoListener(session);
          listeners.put(session.sessionId(), listener);
          return listener;
        });
  }

  private static KeyPair rsaKey() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static NetconfClient connect(ClientOptions options) throws IOException {
    return NetconfClient.connect("127.0.0.1", server.port(), USER, PASSWORD, options);
  }

  @Test
  void helloInBase11SwitchesToChunkedFraming() throws Exception {
    try (var client = connect(ClientOptions.DEFAULT)) {
      assertEquals(Framing.CHUNKED, client.framing());
      assertTrue(client.serverHello().has(NetconfNamespaces.BASE_1_1));
      assertTrue(client.sessionId() > 0);
      String reply = client.rpc("<echo>hi &amp; bye</echo>");
      assertTrue(reply.contains("<echo>hi &amp; bye</echo>"), reply);
      assertTrue(reply.contains("message-id=\"1\""), reply);
      assertEquals(Framing.CHUNKED, server.session(client.sessionId()).orElseThrow().framing());
    }
  }

  @Test
  void helloInBase10OnlyKeepsEndOfMessageFraming() throws Exception {
    var options = ClientOptions.DEFAULT.withCapabilities(List.of(NetconfNamespaces.BASE_1_0));
    try (var client = connect(options)) {
      assertEquals(Framing.END_OF_MESSAGE, client.framing());
      assertTrue(client.rpc("<get/>").contains("<ok/>"));
      var session = server.session(client.sessionId()).orElseThrow();
      assertEquals(Framing.END_OF_MESSAGE, session.framing());
      assertEquals(USER, session.username());
    }
  }

  @Test
  void hundredPipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (var client = connect(ClientOptions.DEFAULT)) {
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 1; i <= 100; i++) {
        replies.add(client.rpcAsync("<echo>" + i + "</echo>"));
      }
      var seq = Pattern.compile("<seq>(\\d+)</seq>");
      for (int i = 1; i <= 100; i++) {
        String reply = replies.get(i - 1).get(10, TimeUnit.SECONDS);
        assertTrue(reply.contains("<echo>" + i + "</echo>"), reply);
        var m = seq.matcher(reply);
        assertTrue(m.find(), reply);
        assertEquals(i, Integer.parseInt(m.group(1)), "request " + i + " handled out of order");
      }
    }
  }

  @Test
  void closeSessionEndsTheSession() throws Exception {
    var client = connect(ClientOptions.DEFAULT);
    long id = client.sessionId();
    client.close();
    var listener = listeners.get(id);
    for (int i = 0; i < 100 && (!listener.closed || server.session(id).isPresent()); i++) {
      Thread.sleep(20);
    }
    assertTrue(listener.closed);
    assertTrue(server.session(id).isEmpty());
  }

  @Test
  void wrongPasswordIsRefused() {
    var e =
        assertThrows(
            IOException.class,
            () ->
                NetconfClient.connect(
                    "127.0.0.1",
                    server.port(),
                    USER,
                    "wrong",
                    ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(10))));
    assertTrue(e.getMessage().toLowerCase().contains("auth"), e.getMessage());
  }

  @Test
  void publicKeyAuthentication() throws Exception {
    try (var connector = NetconfConnector.trustingAnyHost(ClientOptions.DEFAULT);
        var client = connector.connect("127.0.0.1", server.port(), USER, USER_KEY)) {
      assertTrue(client.rpc("<get/>").contains("<ok/>"));
    }
    try (var connector = NetconfConnector.trustingAnyHost(ClientOptions.DEFAULT)) {
      assertThrows(
          IOException.class, () -> connector.connect("127.0.0.1", server.port(), USER, rsaKey()));
    }
  }

  @Test
  void rpcWithoutMessageIdGetsMissingAttribute() throws Exception {
    try (var client = connect(ClientOptions.DEFAULT)) {
      var reply = client.expectReply();
      client.sendRaw(
          ("<rpc xmlns=\"" + NetconfNamespaces.BASE + "\"><get/></rpc>").getBytes("UTF-8"));
      String xml = reply.get(10, TimeUnit.SECONDS);
      assertTrue(xml.contains("<error-tag>missing-attribute</error-tag>"), xml);
      assertTrue(xml.contains("<bad-attribute>message-id</bad-attribute>"), xml);
      // the session goes on
      assertTrue(client.rpc("<get/>").contains("<ok/>"));
    }
  }

  @Test
  void tooLargeMessageIsAnsweredAndTheSessionClosed() throws Exception {
    try (var small = start(b -> b.maxMessageSize(4096));
        var client =
            NetconfClient.connect(
                "127.0.0.1", small.port(), USER, PASSWORD, ClientOptions.DEFAULT)) {
      String reply =
          client.rpcAsync("<echo>" + "x".repeat(10_000) + "</echo>").get(10, TimeUnit.SECONDS);
      assertTrue(reply.contains("<error-tag>too-big</error-tag>"), reply);
      assertThrows(IOException.class, () -> client.rpc("<get/>"));
    }
  }

  @Test
  void sessionsBeyondTheLimitAreRefusedWithAReason() throws Exception {
    try (var limited = start(b -> b.maxSessions(2));
        var connector = NetconfConnector.trustingAnyHost(ClientOptions.DEFAULT);
        var first = connector.connect("127.0.0.1", limited.port(), USER, PASSWORD);
        var second = connector.connect("127.0.0.1", limited.port(), USER, PASSWORD)) {
      var e =
          assertThrows(
              IOException.class,
              () -> connector.connect("127.0.0.1", limited.port(), USER, PASSWORD));
      assertTrue(e.getMessage().contains("too many sessions"), e.getMessage());
      assertTrue(first.rpc("<get/>").contains("<ok/>"));
      second.close();
      // a freed place can be taken again
      CompletableFuture<NetconfClient> third = new CompletableFuture<>();
      for (int i = 0; i < 50 && !third.isDone(); i++) {
        try {
          third.complete(connector.connect("127.0.0.1", limited.port(), USER, PASSWORD));
        } catch (IOException retry) {
          Thread.sleep(50);
        }
      }
      try (var again = third.get(1, TimeUnit.SECONDS)) {
        assertTrue(again.rpc("<get/>").contains("<ok/>"));
      }
    }
  }

  @Test
  void twoHundredConcurrentSessions() throws Exception {
    int n = 200;
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try (var connector = NetconfConnector.trustingAnyHost(ClientOptions.DEFAULT)) {
      var allOpen = new CountDownLatch(n);
      var release = new CountDownLatch(1);
      Set<Long> ids = ConcurrentHashMap.newKeySet();
      List<Future<?>> done = new ArrayList<>();
      List<NetconfClient> clients = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int i = 0; i < n; i++) {
        int k = i;
        done.add(
            pool.submit(
                () -> {
                  var client = connector.connect("127.0.0.1", server.port(), USER, PASSWORD);
                  clients.add(client);
                  ids.add(client.sessionId());
                  String reply = client.rpc("<echo>" + k + "</echo>");
                  assertTrue(reply.contains("<echo>" + k + "</echo>"), reply);
                  allOpen.countDown();
                  return null;
                }));
      }
      assertTrue(allOpen.await(120, TimeUnit.SECONDS), "not all sessions opened");
      for (var f : done) {
        f.get();
      }
      assertEquals(n, ids.size());
      assertTrue(server.sessions().size() >= n);
      release.countDown();
      List<Future<?>> closing = new ArrayList<>();
      for (var c : clients) {
        closing.add(pool.submit(c::close));
      }
      for (var f : closing) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void bindingAPortInUseNamesThePort() throws Exception {
    var e =
        assertThrows(
            BindException.class, () -> start(b -> b.bindAddress("127.0.0.1", server.port())));
    assertTrue(e.getMessage().contains("port " + server.port()), e.getMessage());
  }

  @Test
  void idleSessionsAreClosed() throws Exception {
    try (var idle = start(b -> b.idleTimeout(Duration.ofMillis(800)));
        var client =
            NetconfClient.connect(
                "127.0.0.1", idle.port(), USER, PASSWORD, ClientOptions.DEFAULT)) {
      long id = client.sessionId();
      assertTrue(idle.session(id).isPresent());
      for (int i = 0; i < 100 && idle.session(id).isPresent(); i++) {
        Thread.sleep(50);
      }
      assertFalse(idle.session(id).isPresent(), "idle session still open");
      assertThrows(IOException.class, () -> client.rpc("<get/>"));
    }
  }

  @Test
  void rsaHostKeyIsOfferedAsSshRsaForLibssh2Clients() throws Exception {
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.setSignatureFactories(List.of(BuiltinSignatures.rsa));
    ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    ssh.start();
    try (var session =
        ssh.connect(USER, "127.0.0.1", server.port()).verify(10_000).getClientSession()) {
      session.addPasswordIdentity(PASSWORD);
      session.auth().verify(10_000);
      assertEquals("ssh-rsa", session.getNegotiatedKexParameter(KexProposalOption.SERVERKEYS));
      assertEquals("RSA", session.getServerKey().getAlgorithm());
      assertEquals(
          3072,
          ((java.security.interfaces.RSAPublicKey) session.getServerKey())
              .getModulus()
              .bitLength());
    } finally {
      ssh.stop();
    }
  }

  @Test
  void hostKeysPersistAcrossRestarts() throws Exception {
    byte[] rsa = Files.readAllBytes(hostKeys.resolve(HostKeys.RSA_FILE));
    byte[] ed25519 = Files.readAllBytes(hostKeys.resolve(HostKeys.ED25519_FILE));
    try (var again = start(b -> {})) {
      assertArrayEquals(rsa, Files.readAllBytes(hostKeys.resolve(HostKeys.RSA_FILE)));
      assertArrayEquals(ed25519, Files.readAllBytes(hostKeys.resolve(HostKeys.ED25519_FILE)));
    }
  }
}
