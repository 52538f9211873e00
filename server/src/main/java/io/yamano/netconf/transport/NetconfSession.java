package io.yamano.netconf.transport;

import io.yamano.netconf.framing.Framing;
import io.yamano.netconf.message.Hello;
import java.io.IOException;
import java.net.SocketAddress;

/**
 * One NETCONF session after a successful hello exchange (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-8.1">RFC 6241 §8.1</a>). Thread-safe.
 */
public interface NetconfSession {

  /** The session-id announced in the server's hello: unique among this server's sessions, ≥ 1. */
  long sessionId();

  /** The SSH user the session was authenticated as. */
  String username();

  /** The client's address. */
  SocketAddress remoteAddress();

  /** The client's hello. */
  Hello peerHello();

  /** The framing of this session after the hello (chunked if both peers announced base:1.1). */
  Framing framing();

  /**
   * Frames and sends one message (an {@code <rpc-reply>} or a {@code <notification>}). Blocks while
   * the peer's SSH window is full; messages sent from one thread arrive in call order. Do not call
   * from an SSH IO thread.
   *
   * @throws IOException if the session is closed or the write fails
   */
  void send(byte[] xml) throws IOException;

  /**
   * Closes the session after the messages already sent are written (for {@code <close-session>} and
   * {@code <kill-session>}, RFC 6241 §7.8 and §7.9). Idempotent.
   */
  void close();

  /** False once the session is closing or closed. */
  boolean isOpen();
}
