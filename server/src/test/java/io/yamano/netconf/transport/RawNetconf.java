package io.yamano.netconf.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A NETCONF subsystem channel that sends exactly the bytes a test gives it, for hostile input: no
 * framing, no XML checks. Everything the server sends is collected; {@link #closed} tells whether
 * the server ended the channel.
 */
public final class RawNetconf implements AutoCloseable {
  public static final String HELLO_11 =
      "<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><capabilities>"
          + "<capability>urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>"
          + "]]>]]>";

  private final SshClient client;
  private final ClientSession session;
  private final ClientChannel channel;
  private final OutputStream toServer;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private volatile boolean eof;

  private RawNetconf(SshClient client, ClientSession session, ClientChannel channel) {
    this.client = client;
    this.session = session;
    this.channel = channel;
    this.toServer = channel.getInvertedIn();
    InputStream fromServer = channel.getInvertedOut();
    var reader =
        new Thread(
            () -> {
              var buf = new byte[8192];
              try {
                for (int n; (n = fromServer.read(buf)) >= 0; ) {
                  synchronized (received) {
                    received.write(buf, 0, n);
                  }
                }
              } catch (IOException e) {
                // the channel went away
              }
              eof = true;
            },
            "raw-netconf-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens the {@code netconf} subsystem with a password login; sends nothing. */
  public static RawNetconf open(int port, String user, String password) throws IOException {
    var client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    try {
      var session =
          client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession();
      session.addPasswordIdentity(password);
      session.auth().verify(Duration.ofSeconds(10));
      var channel = session.createSubsystemChannel("netconf");
      channel.open().verify(Duration.ofSeconds(10));
      return new RawNetconf(client, session, channel);
    } catch (IOException | RuntimeException e) {
      client.stop();
      throw e;
    }
  }

  /** Opens a session and completes the hello exchange in base:1.1 (chunked framing from now). */
  public static RawNetconf chunked(int port, String user, String password) throws Exception {
    var raw = open(port, user, password);
    raw.await("]]>]]>", Duration.ofSeconds(10));
    raw.send(HELLO_11);
    return raw;
  }

  /** One chunked-framed message (RFC 6242 §4.2). */
  public static byte[] frame(String xml) {
    return frame(xml.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] frame(byte[] xml) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(("\n#" + xml.length + "\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(xml);
    out.writeBytes("\n##\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  public void send(byte[] bytes) throws IOException {
    toServer.write(bytes);
    toServer.flush();
  }

  /** Everything received so far, as text. */
  public String received() {
    synchronized (received) {
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits until the received text contains {@code text}; false on timeout. */
  public boolean await(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (received().contains(text)) {
        return true;
      }
      Thread.sleep(10);
    }
    return received().contains(text);
  }

  /** Waits until the server has closed the channel; false on timeout. */
  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    // the reader thread reaching end of stream means everything sent before the close was read
    while (System.nanoTime() < deadline) {
      if (eof) {
        return true;
      }
      Thread.sleep(10);
    }
    return eof || channel.isClosed();
  }

  public boolean isOpen() {
    return !eof && channel.isOpen();
  }

  @Override
  public void close() {
    try {
      channel.close(true);
      session.close(true);
    } finally {
      client.stop();
    }
  }
}
