package io.yamano.netconf.client;

import io.yamano.netconf.framing.FrameEncoder;
import io.yamano.netconf.framing.FrameReader;
import io.yamano.netconf.framing.Framing;
import io.yamano.netconf.message.Hello;
import io.yamano.netconf.message.MessageException;
import io.yamano.netconf.message.MessageWriter;
import io.yamano.netconf.message.NetconfNamespaces;
import io.yamano.netconf.message.XmlElement;
import io.yamano.netconf.message.XmlMessageReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;

/**
 * One NETCONF session as a client: connect, hello exchange (base:1.0 and base:1.1, <a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-8.1">RFC 6241 §8.1</a>), requests, close.
 * Thread-safe; requests may be pipelined with {@link #rpcAsync}.
 *
 * <pre>{@code
 * try (var client = NetconfClient.connect("localhost", 830, "admin", "secret")) {
 *   String reply = client.rpc("<get-config><source><running/></source></get-config>");
 * }
 * }</pre>
 */
public final class NetconfClient implements AutoCloseable {
  private static final XmlMessageReader XML = new XmlMessageReader();
  private static final MessageWriter WRITER = new MessageWriter();

  private final SshClient ssh;
  private final boolean ownsSsh;
  private final ClientSession session;
  private final ClientOptions options;
  private final FrameReader reader;
  private final CompletableFuture<Hello> serverHello = new CompletableFuture<>();
  private final Map<String, CompletableFuture<String>> pending = new LinkedHashMap<>();
  private final AtomicLong messageIds = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile ClientChannel channel;
  private volatile FrameEncoder encoder = Framing.END_OF_MESSAGE.encoder();
  private volatile Consumer<String> notifications = n -> {};
  private volatile IOException failure;

  private NetconfClient(
      SshClient ssh, boolean ownsSsh, ClientSession session, ClientOptions options) {
    this.ssh = ssh;
    this.ownsSsh = ownsSsh;
    this.session = session;
    this.options = options;
    this.reader = new FrameReader(options.maxMessageSize());
  }

  /**
   * Connects with its own SSH client (accepting any host key), authenticates with a password and
   * exchanges hellos announcing base:1.0 and base:1.1.
   */
  public static NetconfClient connect(String host, int port, String username, String password)
      throws IOException {
    return connect(host, port, username, password, ClientOptions.DEFAULT);
  }

  /** As {@link #connect(String, int, String, String)}, with options. */
  public static NetconfClient connect(
      String host, int port, String username, String password, ClientOptions options)
      throws IOException {
    return open(NetconfConnector.privateClient(), true, host, port, username, password, options);
  }

  static NetconfClient open(
      SshClient ssh,
      boolean ownsSsh,
      String host,
      int port,
      String username,
      Object credential,
      ClientOptions options)
      throws IOException {
    ClientSession session = null;
    try {
      session = ssh.connect(username, host, port).verify(options.timeout()).getClientSession();
      if (credential instanceof KeyPair key) {
        session.addPublicKeyIdentity(key);
      } else {
        session.addPasswordIdentity((String) credential);
      }
      session.auth().verify(options.timeout());
      var client = new NetconfClient(ssh, ownsSsh, session, options);
      client.start();
      return client;
    } catch (IOException | RuntimeException e) {
      String refusal = null;
      if (session != null) {
        // a refusal (SSH_MSG_DISCONNECT) may race with a failed write: let it arrive
        session.waitFor(List.of(ClientSessionEvent.CLOSED), 1000);
        refusal = session.getAttribute(NetconfConnector.DISCONNECT_REASON);
        session.close(true);
      }
      if (ownsSsh) {
        ssh.stop();
      }
      if (refusal != null) {
        throw new IOException("server refused the session: " + refusal, e);
      }
      throw e;
    }
  }

  private void start() throws IOException {
    var ch = session.createSubsystemChannel("netconf");
    ch.setOut(new Input());
    ch.setErr(OutputStream.nullOutputStream());
    ch.addCloseFutureListener(f -> fail(new IOException("NETCONF session closed by the server")));
    channel = ch;
    ch.open().verify(options.timeout());
    Hello hello = await(serverHello, "the server's hello");
    if (hello.sessionId().isEmpty()) {
      throw new IOException("server hello without session-id");
    }
    boolean base11 =
        hello.has(NetconfNamespaces.BASE_1_1)
            && options.capabilities().contains(NetconfNamespaces.BASE_1_1);
    write(WRITER.hello(Hello.client(options.capabilities())));
    if (base11) {
      encoder = Framing.CHUNKED.encoder();
    }
  }

  /** The server's hello. */
  public Hello serverHello() {
    return serverHello.getNow(null);
  }

  /** The session-id the server gave this session. */
  public long sessionId() {
    return serverHello().sessionId().orElseThrow();
  }

  /** The framing used after the hello. */
  public Framing framing() {
    return encoder.framing();
  }

  /** Receives {@code <notification>} messages (RFC 5277), on an SSH IO thread. */
  public void onNotification(Consumer<String> handler) {
    notifications = handler;
  }

  /**
   * Sends {@code <rpc message-id="N" xmlns="base">innerXml</rpc>} and waits for its reply.
   *
   * @param innerXml the operation element, such as {@code <get/>}; unprefixed elements are in the
   *     NETCONF base namespace
   * @return the whole {@code <rpc-reply>} message
   * @throws IOException if the session fails or the reply does not come within the timeout
   */
  public String rpc(String innerXml) throws IOException {
    return await(rpcAsync(innerXml), "the reply");
  }

  /** Sends a request without waiting: pipelined requests are answered in order. */
  public CompletableFuture<String> rpcAsync(String innerXml) throws IOException {
    String id = Long.toString(messageIds.incrementAndGet());
    var reply = new CompletableFuture<String>();
    synchronized (pending) {
      if (failure != null) {
        throw failure;
      }
      pending.put(id, reply);
    }
    String rpc =
        "<rpc xmlns=\""
            + NetconfNamespaces.BASE
            + "\" message-id=\""
            + id
            + "\">"
            + innerXml
            + "</rpc>";
    write(rpc.getBytes(StandardCharsets.UTF_8));
    return reply;
  }

  /** Sends one raw message (already a complete XML document), for tests of bad input. */
  public void sendRaw(byte[] message) throws IOException {
    write(message);
  }

  /** Waits for the reply to a raw message without message-id: the oldest pending reply. */
  public CompletableFuture<String> expectReply() {
    var reply = new CompletableFuture<String>();
    synchronized (pending) {
      pending.put("#raw-" + messageIds.incrementAndGet(), reply);
    }
    return reply;
  }

  /**
   * Sends {@code <close-session/>} (RFC 6241 §7.8) if the session is still open, then closes the
   * channel and the SSH connection. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (failure == null && channel != null && channel.isOpen()) {
        rpcAsync("<close-session/>").get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (IOException | ExecutionException | TimeoutException e) {
      // closing anyway
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (channel != null) {
        channel.close(false);
      }
      session.close(false).awaitUninterruptibly(options.timeout().toMillis());
      if (ownsSsh) {
        ssh.stop();
      }
    }
  }

  private void write(byte[] message) throws IOException {
    var out = channel.getInvertedIn();
    synchronized (this) {
      encoder.encode(message, out);
      out.flush();
    }
  }

  private <T> T await(CompletableFuture<T> future, String what) throws IOException {
    try {
      return future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for " + what);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      throw new IOException("failed waiting for " + what, e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("no " + what + " within " + options.timeout());
    }
  }

  /** Message from the server, on the IO thread. */
  private void onMessage(byte[] message) throws MessageException {
    if (!serverHello.isDone()) {
      Hello hello = Hello.parse(XML.read(message));
      if (hello.has(NetconfNamespaces.BASE_1_1)
          && options.capabilities().contains(NetconfNamespaces.BASE_1_1)) {
        // RFC 6242 §4.1: the server's next message is chunked
        reader.switchTo(Framing.CHUNKED);
      }
      serverHello.complete(hello);
      return;
    }
    XmlElement root = XML.peekRoot(message);
    String text = new String(message, StandardCharsets.UTF_8);
    if (root.localName().equals("notification")) {
      notifications.accept(text);
      return;
    }
    CompletableFuture<String> reply;
    synchronized (pending) {
      String id = root.attribute("message-id").orElse(null);
      reply = id == null ? null : pending.remove(id);
      if (reply == null) {
        // a reply without (or with an unknown) message-id answers the oldest request
        Iterator<CompletableFuture<String>> oldest = pending.values().iterator();
        if (oldest.hasNext()) {
          reply = oldest.next();
          oldest.remove();
        }
      }
    }
    if (reply != null) {
      reply.complete(text);
    }
  }

  private void fail(IOException cause) {
    List<CompletableFuture<String>> waiting;
    synchronized (pending) {
      if (failure == null) {
        failure = cause;
      }
      waiting = new ArrayList<>(pending.values());
      pending.clear();
    }
    serverHello.completeExceptionally(cause);
    waiting.forEach(f -> f.completeExceptionally(cause));
  }

  /** Receives the channel's data from the SSH client. */
  private final class Input extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        return;
      }
      try {
        reader.feed(b, off, len, NetconfClient.this::onMessage);
      } catch (Exception e) {
        fail(new IOException("bad input from the server: " + e.getMessage(), e));
        channel.close(true);
      }
    }
  }
}
