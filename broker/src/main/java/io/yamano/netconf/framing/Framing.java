package io.yamano.netconf.framing;

/**
 * The two framing mechanisms of <a href="https://www.rfc-editor.org/rfc/rfc6242#section-4">RFC 6242
 * §4</a>.
 */
public enum Framing {
  /** {@code ]]>]]>} after each message (§4.3); used for the hello and for base:1.0 sessions. */
  END_OF_MESSAGE,
  /** Chunked framing (§4.2), used after the hello when both peers announce base:1.1. */
  CHUNKED;

  /** A new decoder for this framing that refuses messages longer than {@code maxMessageSize}. */
  public FrameDecoder newDecoder(long maxMessageSize) {
    return this == END_OF_MESSAGE
        ? new EndOfMessageDecoder(maxMessageSize)
        : new ChunkedDecoder(maxMessageSize);
  }

  /** The encoder for this framing, with the default chunk size for {@link #CHUNKED}. */
  public FrameEncoder encoder() {
    return this == END_OF_MESSAGE ? EndOfMessageEncoder.INSTANCE : ChunkedEncoder.DEFAULT;
  }
}
