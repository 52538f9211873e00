package io.yamano.netconf.framing;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The end-of-message framing of <a href="https://www.rfc-editor.org/rfc/rfc6242#section-4.3">RFC
 * 6242 §4.3</a>: each message ends with {@code ]]>]]>}. The delimiter is matched incrementally (it
 * may be split across reads). Messages that are only white space (such as a line break a peer sends
 * after the delimiter) are skipped.
 */
public final class EndOfMessageDecoder implements FrameDecoder {
  static final byte[] DELIMITER = {']', ']', '>', ']', ']', '>'};

  /** KMP failure function of {@link #DELIMITER}. */
  private static final int[] FALLBACK = failureFunction(DELIMITER);

  private final long maxMessageSize;
  private final ByteAccumulator message = new ByteAccumulator();
  private int matched;
  private long offset;

  /** A decoder refusing messages longer than {@code maxMessageSize} bytes. */
  public EndOfMessageDecoder(long maxMessageSize) {
    if (maxMessageSize < 1) {
      throw new IllegalArgumentException("maxMessageSize must be positive: " + maxMessageSize);
    }
    this.maxMessageSize = maxMessageSize;
  }

  @Override
  public Optional<byte[]> decode(ByteBuffer input) throws FramingException {
    while (input.hasRemaining()) {
      byte b = input.get();
      offset++;
      message.add(b);
      while (matched > 0 && b != DELIMITER[matched]) {
        matched = FALLBACK[matched - 1];
      }
      if (b == DELIMITER[matched]) {
        matched++;
      }
      if (matched == DELIMITER.length) {
        matched = 0;
        byte[] body = message.take(message.size() - DELIMITER.length);
        if (!isBlank(body)) {
          return Optional.of(body);
        }
      } else if (message.size() - matched > maxMessageSize) {
        throw new MessageTooLargeException(offset - 1, maxMessageSize);
      }
    }
    return Optional.empty();
  }

  @Override
  public Framing framing() {
    return Framing.END_OF_MESSAGE;
  }

  @Override
  public boolean hasPartialMessage() {
    return message.size() > 0;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static int[] failureFunction(byte[] pattern) {
    int[] fail = new int[pattern.length];
    int k = 0;
    for (int i = 1; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = fail[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      fail[i] = k;
    }
    return fail;
  }
}
