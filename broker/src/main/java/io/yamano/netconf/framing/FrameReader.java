package io.yamano.netconf.framing;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Feeds reads of a byte stream to the current {@link FrameDecoder} and hands each complete message
 * to a {@link MessageSink}. The sink may {@linkplain #switchTo switch the framing} while it handles
 * a message: the bytes after that message, even from the same read, then go to the new decoder.
 * This is how the switch to chunked framing after the hello is exact (<a
 * href="https://www.rfc-editor.org/rfc/rfc6242#section-4.1">RFC 6242 §4.1</a>). Not thread-safe:
 * one reader per session, fed from one thread at a time.
 */
public final class FrameReader {

  /** Receives complete messages, in stream order. */
  @FunctionalInterface
  public interface MessageSink {
    /** One complete message without its framing. */
    void onMessage(byte[] message) throws Exception;
  }

  private final long maxMessageSize;
  private FrameDecoder decoder;

  /** A reader starting in end-of-message framing, as every session does. */
  public FrameReader(long maxMessageSize) {
    this(Framing.END_OF_MESSAGE, maxMessageSize);
  }

  /** A reader starting in {@code framing}. */
  public FrameReader(Framing framing, long maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
    this.decoder = framing.newDecoder(maxMessageSize);
  }

  /**
   * Decodes {@code length} bytes of {@code bytes} from {@code offset}, calling {@code sink} for
   * every message completed.
   *
   * @throws FramingException if the stream breaks the framing; the reader is then unusable
   * @throws Exception whatever the sink throws; undelivered bytes of this read are dropped
   */
  public void feed(byte[] bytes, int offset, int length, MessageSink sink) throws Exception {
    feed(ByteBuffer.wrap(bytes, offset, length), sink);
  }

  /** Decodes the remaining bytes of {@code input}, calling {@code sink} for every message. */
  public void feed(ByteBuffer input, MessageSink sink) throws Exception {
    Objects.requireNonNull(sink);
    while (input.hasRemaining()) {
      var message = decoder.decode(input);
      if (message.isEmpty()) {
        return;
      }
      sink.onMessage(message.get());
    }
  }

  /**
   * Uses {@code framing} from the next byte on. Call it between messages, typically from the sink
   * while it handles the hello.
   *
   * @throws IllegalStateException if part of a message is buffered
   */
  public void switchTo(Framing framing) {
    if (decoder.hasPartialMessage()) {
      throw new IllegalStateException("cannot switch framing in the middle of a message");
    }
    if (decoder.framing() != framing) {
      decoder = framing.newDecoder(maxMessageSize);
    }
  }

  /** The framing of the next message. */
  public Framing framing() {
    return decoder.framing();
  }

  /** True if the reader holds part of a message. */
  public boolean hasPartialMessage() {
    return decoder.hasPartialMessage();
  }
}
