package io.yamano.netconf.framing;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable byte array for the message being assembled. */
final class ByteAccumulator {
  private byte[] bytes = new byte[256];
  private int size;

  void add(byte b) {
    ensure(size + 1);
    bytes[size++] = b;
  }

  void add(ByteBuffer source, int length) {
    ensure(size + length);
    source.get(bytes, size, length);
    size += length;
  }

  int size() {
    return size;
  }

  /** The first {@code length} bytes, and resets the accumulator. */
  byte[] take(int length) {
    byte[] result = Arrays.copyOf(bytes, length);
    size = 0;
    if (bytes.length > 64 * 1024) {
      bytes = new byte[256];
    }
    return result;
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }
}
