package io.yamano.netconf.framing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Frames outgoing messages (<a href="https://www.rfc-editor.org/rfc/rfc6242#section-4">RFC 6242
 * §4</a>). Stateless and thread-safe.
 */
public sealed interface FrameEncoder permits EndOfMessageEncoder, ChunkedEncoder {

  /**
   * Writes {@code message} with its framing to {@code out} (without flushing).
   *
   * @throws IllegalArgumentException if the message cannot be framed (empty, or containing the
   *     end-of-message delimiter)
   */
  void encode(byte[] message, OutputStream out) throws IOException;

  /** The framing this encoder writes. */
  Framing framing();

  /** The framed bytes of {@code message}. */
  default byte[] encode(byte[] message) {
    var out = new ByteArrayOutputStream(message.length + 32);
    try {
      encode(message, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
