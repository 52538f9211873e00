package io.yamano.netconf.framing;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Cuts a byte stream into NETCONF messages (<a
 * href="https://www.rfc-editor.org/rfc/rfc6242#section-4">RFC 6242 §4</a>). Incremental: input may
 * be split anywhere, including inside a delimiter or chunk header.
 *
 * <p>A decoder consumes input only up to the end of one message, so a caller can change the framing
 * between two messages that arrived in the same read (see {@link FrameReader}). Not thread-safe.
 */
public sealed interface FrameDecoder permits EndOfMessageDecoder, ChunkedDecoder {

  /**
   * Consumes bytes from {@code input} until one message is complete or the input is exhausted.
   *
   * @return the message body without framing, or empty if more input is needed; bytes after the
   *     message stay in {@code input}
   * @throws MessageTooLargeException if the message exceeds the limit
   * @throws FramingException if the stream breaks the framing grammar; the decoder is then unusable
   */
  Optional<byte[]> decode(ByteBuffer input) throws FramingException;

  /** The framing this decoder reads. */
  Framing framing();

  /** True if the decoder holds part of a message (the stream ended mid-message). */
  boolean hasPartialMessage();
}
