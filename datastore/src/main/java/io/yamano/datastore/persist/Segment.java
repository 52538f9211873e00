package io.yamano.datastore.persist;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the entries of one journal segment are: their sequences are contiguous from {@link
 * #firstSequence()}, so the n-th entry is the one of sequence {@code firstSequence + n}.
 */
final class Segment {
  private final Path file;
  private final long firstSequence;
  private long[] offsets = new long[64];
  private int[] sizes = new int[64];
  private int count;

  Segment(Path file, long firstSequence) {
    this.file = file;
    this.firstSequence = firstSequence;
  }

  Path file() {
    return file;
  }

  long firstSequence() {
    return firstSequence;
  }

  /** The sequence the next entry of this segment must have. */
  long nextSequence() {
    return firstSequence + count;
  }

  boolean isEmpty() {
    return count == 0;
  }

  boolean contains(long sequence) {
    return sequence >= firstSequence && sequence < nextSequence();
  }

  void add(long offset, int size) {
    if (count == offsets.length) {
      offsets = Arrays.copyOf(offsets, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    offsets[count] = offset;
    sizes[count] = size;
    count++;
  }

  long offset(long sequence) {
    return offsets[index(sequence)];
  }

  int size(long sequence) {
    return sizes[index(sequence)];
  }

  /** Bytes of the frames of entries above {@code sequence}. */
  long bytesAfter(long sequence) {
    long total = 0;
    for (long seq = Math.max(sequence + 1, firstSequence); seq < nextSequence(); seq++) {
      total += sizes[index(seq)];
    }
    return total;
  }

  private int index(long sequence) {
    if (!contains(sequence)) {
      throw new IllegalArgumentException(file + " does not hold sequence " + sequence);
    }
    return (int) (sequence - firstSequence);
  }
}
