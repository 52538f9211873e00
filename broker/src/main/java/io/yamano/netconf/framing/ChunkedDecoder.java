package io.yamano.netconf.framing;

import io.yamano.netconf.framing.FramingException.Reason;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The chunked framing of <a href="https://www.rfc-editor.org/rfc/rfc6242#section-4.2">RFC 6242
 * §4.2</a>, with its grammar enforced strictly:
 *
 * <pre>
 * chunked-message = 1*chunk end-of-chunks
 * chunk           = LF HASH chunk-size LF chunk-data
 * chunk-size      = 1*DIGIT1 0*DIGIT   ; 1..4294967295
 * end-of-chunks   = LF HASH HASH LF
 * </pre>
 *
 * Nothing may appear between messages.
 */
public final class ChunkedDecoder implements FrameDecoder {
  /** Largest chunk-size the grammar allows. */
  public static final long MAX_CHUNK_SIZE = 4_294_967_295L;

  private enum State {
    /** Expecting the LF that starts a chunk header or end-of-chunks. */
    LF,
    /** Expecting the first HASH. */
    HASH,
    /** After LF HASH: a second HASH (end) or the first digit. */
    HASH_OR_SIZE,
    /** The chunk-size began with '0': whatever follows is an error, this says which. */
    AFTER_ZERO,
    /** Reading further digits of the chunk-size, or its closing LF. */
    SIZE,
    /** Expecting the LF of end-of-chunks. */
    END_LF,
    /** Reading chunk-data. */
    DATA
  }

  private final long maxMessageSize;
  private final ByteAccumulator message = new ByteAccumulator();
  private State state = State.LF;
  private long chunkSize;
  private int sizeDigits;
  private long remaining;
  private long offset;
  private boolean sawChunk;

  /** A decoder refusing messages longer than {@code maxMessageSize} bytes. */
  public ChunkedDecoder(long maxMessageSize) {
    if (maxMessageSize < 1 || maxMessageSize > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxMessageSize out of range: " + maxMessageSize);
    }
    this.maxMessageSize = maxMessageSize;
  }

  @Override
  public Optional<byte[]> decode(ByteBuffer input) throws FramingException {
    while (input.hasRemaining()) {
      if (state == State.DATA) {
        int n = (int) Math.min(remaining, input.remaining());
        message.add(input, n);
        offset += n;
        remaining -= n;
        if (remaining == 0) {
          state = State.LF;
        }
        continue;
      }
      byte b = input.get();
      long at = offset++;
      switch (state) {
        case LF -> expect(b, '\n', at, State.HASH);
        case HASH -> expect(b, '#', at, State.HASH_OR_SIZE);
        case HASH_OR_SIZE -> {
          if (b == '#') {
            if (!sawChunk) {
              throw new FramingException(
                  Reason.EMPTY_MESSAGE, at, "end-of-chunks before any chunk");
            }
            state = State.END_LF;
          } else if (b == '0') {
            state = State.AFTER_ZERO;
          } else if (b >= '1' && b <= '9') {
            chunkSize = b - '0';
            sizeDigits = 1;
            state = State.SIZE;
          } else {
            throw new FramingException(
                Reason.BAD_CHUNK_HEADER, at, "expected a digit or '#' after LF #, got " + show(b));
          }
        }
        case AFTER_ZERO -> {
          if (b == '\n') {
            throw new FramingException(Reason.CHUNK_SIZE_ZERO, at - 1, "chunk-size 0");
          } else if (b >= '0' && b <= '9') {
            throw new FramingException(
                Reason.LEADING_ZERO, at - 1, "chunk-size with a leading zero");
          }
          throw new FramingException(
              Reason.BAD_CHUNK_HEADER, at, "bad chunk-size: '0' followed by " + show(b));
        }
        case SIZE -> {
          if (b >= '0' && b <= '9') {
            chunkSize = chunkSize * 10 + (b - '0');
            if (++sizeDigits > 10 || chunkSize > MAX_CHUNK_SIZE) {
              throw new FramingException(
                  Reason.CHUNK_SIZE_OUT_OF_RANGE, at, "chunk-size above " + MAX_CHUNK_SIZE);
            }
          } else if (b == '\n') {
            if (message.size() + chunkSize > maxMessageSize) {
              throw new MessageTooLargeException(at, maxMessageSize);
            }
            remaining = chunkSize;
            sawChunk = true;
            state = State.DATA;
          } else {
            throw new FramingException(
                Reason.BAD_CHUNK_HEADER,
                at,
                "expected a digit or LF in chunk-size, got " + show(b));
          }
        }
        case END_LF -> {
          if (b != '\n') {
            throw new FramingException(
                Reason.BAD_CHUNK_HEADER, at, "expected LF after ##, got " + show(b));
          }
          state = State.LF;
          sawChunk = false;
          return Optional.of(message.take(message.size()));
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
    return Optional.empty();
  }

  @Override
  public Framing framing() {
    return Framing.CHUNKED;
  }

  @Override
  public boolean hasPartialMessage() {
    return state != State.LF || sawChunk;
  }

  private void expect(byte b, char wanted, long at, State next) throws FramingException {
    if (b != wanted) {
      throw new FramingException(
          Reason.BAD_CHUNK_HEADER,
          at,
          "expected " + show((byte) wanted) + " in chunk header, got " + show(b));
    }
    state = next;
  }

  private static String show(byte b) {
    if (b == '\n') {
      return "LF";
    }
    if (b >= 0x21 && b < 0x7f) {
      return "'" + (char) b + "'";
    }
    return String.format("0x%02x", b & 0xff);
  }
}
