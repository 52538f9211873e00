package io.yamano.netconf.transport;

import io.yamano.netconf.message.MessageWriter;
import io.yamano.netconf.message.XmlMessageReader;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A NETCONF server over SSH (<a href="https://www.rfc-editor.org/rfc/rfc6242">RFC 6242</a>): an
 * Apache MINA SSHD server (NIO2 transport) whose only service is the {@code netconf} subsystem. No
 * shell, exec or forwarding.
 *
 * <pre>{@code
 * var config = NetconfServerConfig.builder()
 *     .bindAddress("0.0.0.0", 830)
 *     .hostKeyDirectory(Path.of("/var/lib/yamano/ssh"))
 *     .build();
 * try (var server = NetconfSshServer.start(config, users, session -> new MyListener(session))) {
 *   ...
 * }
 * }</pre>
 */
public final class NetconfSshServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetconfSshServer.class);

  /** The subsystem name of RFC 6242 §3. */
  public static final String SUBSYSTEM = "netconf";

  private final NetconfServerConfig config;
  private final NetconfSessionListenerFactory listenerFactory;
  private final SshServer sshd;
  private final ExecutorService workers;
  private final java.util.concurrent.ScheduledExecutorService sweeper;
  private final MessageWriter writer = new MessageWriter();
  private final XmlMessageReader xmlReader;
  private final Map<Long, NetconfSession> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger sessionCount = new AtomicInteger();
  private final AtomicLong lastSessionId = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private NetconfSshServer(
      NetconfServerConfig config,
      UserAuthenticator authenticator,
      NetconfSessionListenerFactory listenerFactory)
      throws IOException {
    this.config = config;
    this.listenerFactory = listenerFactory;
    this.xmlReader = new XmlMessageReader(config.xmlLimits());
    this.workers = newWorkers(config.workerThreads());
    this.sshd = newSshServer(config, authenticator);
    this.sweeper =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              var t = new Thread(r, "netconf-message-timeouts");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(50, Math.min(1000, config.messageTimeout().toMillis() / 4));
    sweeper.scheduleWithFixedDelay(this::closeOverdue, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts a server.
   *
   * @param config where to listen, host keys, limits
   * @param authenticator checks passwords and public keys
   * @param listenerFactory creates the listener of each session after its hello exchange
   * @throws BindException naming the address and port if it cannot be bound (such as already in
   *     use)
   * @throws IOException if the host keys cannot be read or created
   */
  public static NetconfSshServer start(
      NetconfServerConfig config,
      UserAuthenticator authenticator,
      NetconfSessionListenerFactory listenerFactory)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(listenerFactory, "listenerFactory");
    var server = new NetconfSshServer(config, authenticator, listenerFactory);
    try {
      server.sshd.start();
    } catch (IOException e) {
      server.close();
      var address = config.bindAddress();
      var bind =
          new BindException(
              "cannot listen for NETCONF on "
                  + address.getHostString()
                  + " port "
                  + address.getPort()
                  + ": "
                  + e.getMessage());
      bind.initCause(e);
      throw bind;
    }
    LOG.info("NETCONF over SSH listening on {}", server.localAddress());
    return server;
  }

  private SshServer newSshServer(NetconfServerConfig config, UserAuthenticator authenticator)
      throws IOException {
    SshServer server = SshServer.setUpDefaultServer();
    server.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
    server.setHost(config.bindAddress().getHostString());
    server.setPort(config.bindAddress().getPort());
    server.setKeyPairProvider(HostKeys.load(config.hostKeyDirectory()));
    server.setSignatureFactories(
        List.of(
            BuiltinSignatures.ed25519,
            BuiltinSignatures.nistp256,
            BuiltinSignatures.rsaSHA512,
            BuiltinSignatures.rsaSHA256,
            BuiltinSignatures.rsa));
    var limit = new ConnectionLimit();
    server.addSessionListener(limit);
    server.setPasswordAuthenticator(
        (username, password, session) ->
            authenticator.checkPassword(username, password, session.getClientAddress())
                && limit.admit(session));
    server.setPublickeyAuthenticator(
        (username, key, session) ->
            authenticator.authorizedKeys(username).stream()
                    .anyMatch(k -> KeyUtils.compareKeys(k, key))
                && limit.admit(session));
    server.setKeyboardInteractiveAuthenticator(null);
    server.setGSSAuthenticator(null);
    server.setHostBasedAuthenticator(null);
    server.setSubsystemFactories(List.of(new Factory()));
    CoreModuleProperties.IDLE_TIMEOUT.set(server, config.idleTimeout());
    return server;
  }

  private static ExecutorService newWorkers(int threads) {
    var counter = new AtomicInteger();
    var pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              var t = new Thread(r, "netconf-worker-" + counter.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The bound address (with the actual port when the configured one was 0). */
  public InetSocketAddress localAddress() {
    return new InetSocketAddress(config.bindAddress().getAddress(), sshd.getPort());
  }

  /** The bound port. */
  public int port() {
    return sshd.getPort();
  }

  /** The configuration the server runs with. */
  public NetconfServerConfig config() {
    return config;
  }

  /** The sessions open now (for {@code <kill-session>} and monitoring). */
  public List<NetconfSession> sessions() {
    return List.copyOf(sessions.values());
  }

  /** The open session with this id. */
  public Optional<NetconfSession> session(long sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  /** Stops listening, closes every session and stops the workers. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    sweeper.shutdownNow();
    try {
      sshd.stop(false);
    } catch (IOException e) {
      LOG.warn("error while stopping the SSH server", e);
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Closes sessions whose hello or current message is overdue (see messageTimeout). */
  private void closeOverdue() {
    long now = System.nanoTime();
    long limit = config.messageTimeout().toNanos();
    for (var session : sessions.values()) {
      if (session instanceof NetconfSubsystem s) {
        try {
          s.closeIfOverdue(now, limit);
        } catch (RuntimeException e) {
          LOG.warn("{}: cannot check its message timeout", s, e);
        }
      }
    }
  }

  // ---- for the subsystem

  ExecutorService workers() {
    return workers;
  }

  MessageWriter writer() {
    return writer;
  }

  XmlMessageReader xmlReader() {
    return xmlReader;
  }

  NetconfSessionListenerFactory listenerFactory() {
    return listenerFactory;
  }

  /** Admits a session under the limit and gives it a new session-id, or refuses it. */
  OptionalLong register(NetconfSubsystem session) {
    if (sessionCount.incrementAndGet() > config.maxSessions()) {
      sessionCount.decrementAndGet();
      return OptionalLong.empty();
    }
    long id = lastSessionId.incrementAndGet();
    sessions.put(id, session);
    return OptionalLong.of(id);
  }

  void unregister(NetconfSubsystem session) {
    if (sessions.remove(session.sessionId()) != null) {
      sessionCount.decrementAndGet();
    }
  }

  private final class Factory implements SubsystemFactory {
    @Override
    public String getName() {
      return SUBSYSTEM;
    }

    @Override
    public Command createSubsystem(ChannelSession channel) {
      return new NetconfSubsystem(NetconfSshServer.this);
    }
  }

  /**
   * Admits at most {@code maxSessions} authenticated SSH connections. A connection beyond the limit
   * is refused, when its credentials are checked, with SSH_MSG_DISCONNECT "too many connections"
   * and a reason: the client is then waiting for the answer to its authentication request, so it
   * reads the reason instead of losing it to a reset connection.
   */
  private final class ConnectionLimit implements SessionListener {
    private final Set<Session> admitted = ConcurrentHashMap.newKeySet();

    /** True if {@code session} may go on; otherwise disconnects it. */
    boolean admit(Session session) {
      synchronized (admitted) {
        if (admitted.contains(session) || admitted.size() < config.maxSessions()) {
          admitted.add(session);
          return true;
        }
      }
      String reason = "too many sessions (limit " + config.maxSessions() + "), try later";
      LOG.info("refusing SSH connection from {}: {}", session.getRemoteAddress(), reason);
      try {
        session.disconnect(SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS, reason);
      } catch (IOException e) {
        session.close(true);
      }
      return false;
    }

    @Override
    public void sessionClosed(Session session) {
      synchronized (admitted) {
        admitted.remove(session);
      }
    }
  }
}
