package io.yamano.netconf.framing;

import java.io.IOException;
import java.util.Objects;

/**
 * The byte stream breaks the framing grammar of <a
 * href="https://www.rfc-editor.org/rfc/rfc6242#section-4.2">RFC 6242 §4.2</a> or a message is too
 * long. After this exception the decoder is unusable: the session has to be closed, since the
 * message boundaries are lost.
 */
public class FramingException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What was wrong. */
  public enum Reason {
    /** A chunk header or end-of-chunks marker does not start with {@code LF #}. */
    BAD_CHUNK_HEADER,
    /** The chunk-size is {@code 0}, which the grammar does not allow. */
    CHUNK_SIZE_ZERO,
    /** The chunk-size has a leading zero. */
    LEADING_ZERO,
    /** The chunk-size is above 4294967295 or has more than ten digits. */
    CHUNK_SIZE_OUT_OF_RANGE,
    /** An end-of-chunks marker came before any chunk: a chunked message has at least one chunk. */
    EMPTY_MESSAGE,
    /** The message is longer than the configured limit. */
    MESSAGE_TOO_LARGE
  }

  private final Reason reason;
  private final long offset;

  /**
   * @param reason what was wrong
   * @param offset the position in the stream (bytes since the decoder was created) of the offending
   *     byte
   * @param detail a human-readable explanation
   */
  public FramingException(Reason reason, long offset, String detail) {
    super(detail + " (at stream offset " + offset + ")");
    this.reason = Objects.requireNonNull(reason);
    this.offset = offset;
  }

  /** What was wrong. */
  public Reason reason() {
    return reason;
  }

  /** Position of the offending byte, counted from the first byte the decoder saw. */
  public long offset() {
    return offset;
  }
}
