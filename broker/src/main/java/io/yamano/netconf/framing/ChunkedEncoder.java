package io.yamano.netconf.framing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a message as chunks of at most {@link #maxChunkSize()} bytes followed by end-of-chunks (<a
 * href="https://www.rfc-editor.org/rfc/rfc6242#section-4.2">RFC 6242 §4.2</a>).
 */
public final class ChunkedEncoder implements FrameEncoder {
  /** 64 KiB chunks. */
  public static final ChunkedEncoder DEFAULT = new ChunkedEncoder(64 * 1024);

  private static final byte[] END_OF_CHUNKS = {'\n', '#', '#', '\n'};

  private final int maxChunkSize;

  /** An encoder cutting messages into chunks of at most {@code maxChunkSize} bytes. */
  public ChunkedEncoder(int maxChunkSize) {
    if (maxChunkSize < 1) {
      throw new IllegalArgumentException("maxChunkSize must be positive: " + maxChunkSize);
    }
    this.maxChunkSize = maxChunkSize;
  }

  /** The largest chunk this encoder writes. */
  public int maxChunkSize() {
    return maxChunkSize;
  }

  @Override
  public void encode(byte[] message, OutputStream out) throws IOException {
    if (message.length == 0) {
      throw new IllegalArgumentException("an empty message cannot be chunked (RFC 6242 §4.2)");
    }
    for (int start = 0; start < message.length; start += maxChunkSize) {
      int length = Math.min(maxChunkSize, message.length - start);
      out.write(("\n#" + length + "\n").getBytes(StandardCharsets.US_ASCII));
      out.write(message, start, length);
    }
    out.write(END_OF_CHUNKS);
  }

  @Override
  public Framing framing() {
    return Framing.CHUNKED;
  }
}
