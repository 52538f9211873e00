package io.yamano.netconf.transport;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.netconf.framing.FrameEncoder;
import io.yamano.netconf.framing.FrameReader;
import io.yamano.netconf.framing.Framing;
import io.yamano.netconf.framing.FramingException;
import io.yamano.netconf.framing.MessageTooLargeException;
import io.yamano.netconf.message.Hello;
import io.yamano.netconf.message.MessageException;
import io.yamano.netconf.message.NetconfNamespaces;
import io.yamano.netconf.message.ReplyEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code netconf} subsystem of one SSH channel (RFC 6242 §3): one NETCONF session.
 *
 * <p>Input arrives on the SSH IO thread through {@link #data}: it is only deframed there (and the
 * small client hello parsed, so the framing switch is exact). Everything else — sending the server
 * hello, the listener's work, replies — runs on this session's {@link SerialExecutor}.
 */
final class NetconfSubsystem implements Command, ChannelSessionAware, NetconfSession {
  private static final Logger LOG = LoggerFactory.getLogger(NetconfSubsystem.class);

  private enum Phase {
    AWAITING_HELLO,
    OPEN,
    BROKEN
  }

  private final NetconfSshServer server;
  private final SerialExecutor executor;
  private final FrameReader reader;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();

  private ChannelSession channel;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exitCallback;
  private long sessionId;
  private boolean registered;

  /** Touched on the IO thread only. */
  private volatile Phase phase = Phase.AWAITING_HELLO;

  private volatile FrameEncoder encoder = Framing.END_OF_MESSAGE.encoder();
  private volatile Hello peerHello;
  private volatile Framing framing = Framing.END_OF_MESSAGE;

  /**
   * When the hello or the message being received started ({@link System#nanoTime}), 0 when nothing
   * is pending: a message that takes longer than the message timeout closes the session.
   */
  private volatile long pendingSince;

  /** Set on the executor before the first message is delivered. */
  private NetconfSessionListener listener;

  NetconfSubsystem(NetconfSshServer server) {
    this.server = server;
    this.executor = new SerialExecutor(server.workers());
    this.reader = new FrameReader(server.config().maxMessageSize());
  }

  @Override
  public void setChannelSession(ChannelSession session) {
    this.channel = session;
    // input is pushed to data() on the IO thread instead of through a pipe and a reader thread
    session.setDataReceiver(new Input());
  }

  @Override
  public void setInputStream(InputStream in) {
    // unused: data() receives the input
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exitCallback = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    var id = server.register(this);
    if (id.isEmpty()) {
      String reason =
          "too many NETCONF sessions (limit " + server.config().maxSessions() + "), try later";
      LOG.info("refusing NETCONF session of {}: {}", username(), reason);
      phase = Phase.BROKEN;
      executor.execute(
          () -> {
            try {
              err.write((reason + "\n").getBytes(StandardCharsets.UTF_8));
              err.flush();
            } catch (IOException e) {
              LOG.debug("cannot tell the client why", e);
            }
            exitCallback.onExit(1, reason);
          });
      return;
    }
    registered = true;
    sessionId = id.getAsLong();
    pendingSince = System.nanoTime();
    var hello = Hello.server(server.config().helloCapabilities(), sessionId);
    executor.execute(() -> write(server.writer().hello(hello)));
  }

  /** Bytes from the client, on the IO thread. */
  private int data(byte[] buf, int start, int len) {
    if (phase == Phase.BROKEN) {
      return len;
    }
    try {
      reader.feed(buf, start, len, this::onFrame);
      if (phase == Phase.OPEN) {
        if (!reader.hasPartialMessage()) {
          pendingSince = 0;
        } else if (pendingSince == 0) {
          pendingSince = System.nanoTime();
        }
      }
    } catch (FramingException e) {
      phase = Phase.BROKEN;
      LOG.info("session {}: framing error, closing: {}", sessionId, e.getMessage());
      if (peerHello != null) {
        var tag =
            e instanceof MessageTooLargeException ? ErrorTag.TOO_BIG : ErrorTag.MALFORMED_MESSAGE;
        var error = RpcError.protocol(tag, e.getMessage());
        executor.execute(() -> write(server.writer().errors(ReplyEnvelope.NONE, List.of(error))));
      }
      executor.execute(this::close);
    } catch (Exception e) {
      phase = Phase.BROKEN;
      LOG.warn("session {}: cannot handle input, closing", sessionId, e);
      executor.execute(this::close);
    }
    return len;
  }

  /** Closes the session if its hello or current message has taken longer than {@code limit}. */
  void closeIfOverdue(long now, long limit) {
    long since = pendingSince;
    if (since == 0 || phase == Phase.BROKEN || now - since <= limit) {
      return;
    }
    boolean open = phase == Phase.OPEN;
    phase = Phase.BROKEN;
    LOG.info(
        "session {}: {} not complete after {} ms, closing",
        sessionId,
        open ? "message" : "hello",
        limit / 1_000_000);
    if (open) {
      var error =
          RpcError.protocol(
              ErrorTag.MALFORMED_MESSAGE,
              "the message did not arrive in full within " + limit / 1_000_000 + " ms");
      executor.execute(() -> write(server.writer().errors(ReplyEnvelope.NONE, List.of(error))));
    }
    executor.execute(this::close);
  }

  /** One complete message, still on the IO thread. */
  private void onFrame(byte[] message) {
    if (phase == Phase.OPEN) {
      executor.execute(() -> deliver(message));
      return;
    }
    if (phase != Phase.AWAITING_HELLO) {
      return;
    }
    Hello hello;
    try {
      hello = Hello.parse(server.xmlReader().read(message));
    } catch (MessageException e) {
      refuseHello("bad hello: " + e.getMessage());
      return;
    }
    if (hello.sessionId().isPresent()) {
      // RFC 6241 §8.1: a server receiving a session-id in a client's hello terminates the session
      refuseHello("client hello carries a session-id");
      return;
    }
    boolean base10 = hello.has(NetconfNamespaces.BASE_1_0);
    boolean base11 = server.config().chunkedFraming() && hello.has(NetconfNamespaces.BASE_1_1);
    if (!base10 && !base11) {
      refuseHello("no common base capability in " + hello.capabilities());
      return;
    }
    peerHello = hello;
    phase = Phase.OPEN;
    if (base11) {
      // RFC 6242 §4.1: chunked framing from the next byte on, in both directions
      reader.switchTo(Framing.CHUNKED);
    }
    executor.execute(
        () -> {
          if (base11) {
            framing = Framing.CHUNKED;
            encoder = Framing.CHUNKED.encoder();
          }
          try {
            listener = server.listenerFactory().open(this);
          } catch (RuntimeException e) {
            LOG.warn("session {}: listener factory failed, closing", sessionId, e);
            close();
          }
        });
  }

  private void refuseHello(String reason) {
    LOG.info("session {}: {}, closing", sessionId, reason);
    phase = Phase.BROKEN;
    executor.execute(this::close);
  }

  private void deliver(byte[] message) {
    if (listener == null || closed.get()) {
      return;
    }
    try {
      listener.onMessage(message);
    } catch (Exception e) {
      LOG.warn("session {}: listener failed on a message", sessionId, e);
    }
  }

  private void write(byte[] xml) {
    try {
      send(xml);
    } catch (IOException e) {
      LOG.debug("session {}: write failed, closing", sessionId, e);
      close();
    }
  }

  // ---- NetconfSession

  @Override
  public long sessionId() {
    return sessionId;
  }

  @Override
  public String username() {
    return channel.getSession().getUsername();
  }

  @Override
  public SocketAddress remoteAddress() {
    return channel.getSession().getClientAddress();
  }

  @Override
  public Hello peerHello() {
    return peerHello;
  }

  @Override
  public Framing framing() {
    return framing;
  }

  @Override
  public void send(byte[] xml) throws IOException {
    if (closed.get()) {
      throw new IOException("NETCONF session " + sessionId + " is closed");
    }
    synchronized (this) {
      encoder.encode(xml, out);
      out.flush();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      // graceful: written data is flushed before the channel closes
      channel.close(false);
    }
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && channel.isOpen();
  }

  // ---- end of input and channel teardown

  /** Pushes the channel's input into the session. */
  private final class Input implements ChannelDataReceiver {
    @Override
    public int data(ChannelSession channel, byte[] buf, int start, int len) {
      return NetconfSubsystem.this.data(buf, start, len);
    }

    /** The client sent EOF or the channel closes: answer what is queued, then close. */
    @Override
    public void close() {
      executor.execute(NetconfSubsystem.this::close);
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    closed.set(true);
    if (registered) {
      server.unregister(this);
    }
    executor.execute(
        () -> {
          if (listener != null && ended.compareAndSet(false, true)) {
            try {
              listener.onClose();
            } catch (RuntimeException e) {
              LOG.warn("session {}: listener failed on close", sessionId, e);
            }
          }
        });
  }

  @Override
  public String toString() {
    return "NETCONF session " + sessionId + " of " + username();
  }
}
