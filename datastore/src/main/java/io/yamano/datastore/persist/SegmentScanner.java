package io.yamano.datastore.persist;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads one journal segment frame by frame and decides where its valid part ends.
 *
 * <p>The rule that keeps acknowledged data safe: an append is one write of one whole frame at the
 * end of the last segment, so a crash can only leave a <em>prefix</em> of the last frame (or, after
 * a power loss, that prefix followed by zeros or stale blocks). A damaged frame is therefore a torn
 * tail only if it is in the last segment and no whole, checksum-valid frame starts anywhere after
 * it. Anything else, including a damaged frame in an earlier segment, is damage to data that was
 * acknowledged, and recovery refuses to go on.
 */
final class SegmentScanner {
  /** Receives each valid frame in file order. */
  @FunctionalInterface
  interface FrameVisitor {
    void frame(long offset, int size, JournalRecord record) throws IOException;
  }

  /**
   * Where the valid frames of a segment end.
   *
   * @param firstSequence the first sequence from the segment header
   * @param validEnd the offset just after the last valid frame
   * @param tornTail why the bytes from {@code validEnd} on are a torn write, or {@code null} if the
   *     segment ends cleanly
   */
  record Result(long firstSequence, long validEnd, String tornTail) {}

  private final Path file;

  private SegmentScanner(Path file) {
    this.file = file;
  }

  /**
   * Scans {@code file}, passing each valid frame to {@code visitor}.
   *
   * @param last whether this is the newest segment, the only one that may end in a torn write
   * @throws CorruptStoreException if the header or a frame is damaged other than by a torn write
   * @throws UnsupportedStoreVersionException if a newer Yamano wrote the segment
   */
  static Result scan(Path file, boolean last, FrameVisitor visitor) throws IOException {
    return new SegmentScanner(file).scan(last, visitor);
  }

  private Result scan(boolean last, FrameVisitor visitor) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long firstSequence = readHeader(channel, size);
      var in =
          new DataInputStream(
              new BufferedInputStream(
                  Channels.newInputStream(channel.position(JournalFormat.HEADER_BYTES)), 1 << 16));
      long offset = JournalFormat.HEADER_BYTES;
      while (offset < size) {
        long remaining = size - offset;
        String problem = null;
        JournalRecord record = null;
        int frameSize = 0;
        if (remaining < 8) {
          problem = "only " + remaining + " bytes of a frame header";
        } else {
          int marker = in.readInt();
          int length = in.readInt();
          if (marker != JournalFormat.FRAME_MARKER) {
            problem = "no frame marker (0x" + Integer.toHexString(marker) + ")";
          } else if (length <= 0) {
            problem = "frame length " + length;
          } else if ((long) length + JournalFormat.FRAME_OVERHEAD > remaining) {
            problem = "a frame of " + length + " bytes runs past the end of the file";
          } else {
            frameSize = length + JournalFormat.FRAME_OVERHEAD;
            byte[] frame = new byte[frameSize];
            ByteBuffer.wrap(frame).putInt(marker).putInt(length);
            in.readFully(frame, 8, length + 4);
            int stored = ByteBuffer.wrap(frame, frameSize - 4, 4).getInt();
            if (stored != JournalFormat.crc(frame, 0, frameSize - 4)) {
              problem = "frame fails its CRC-32C checksum";
            } else {
              record = decode(offset, frame, length);
            }
          }
        }
        if (problem != null) {
          String where = "frame at offset " + offset + ": " + problem;
          if (!last) {
            throw corrupt(where + ", in a segment that is not the last one");
          }
          long later = nextWholeFrame(channel, offset + 1, size);
          if (later >= 0) {
            throw corrupt(
                where
                    + ", yet a whole frame follows at offset "
                    + later
                    + ": damage inside the journal, not a torn last write");
          }
          return new Result(firstSequence, offset, where);
        }
        visitor.frame(offset, frameSize, record);
        offset += frameSize;
      }
      return new Result(firstSequence, offset, null);
    } catch (EOFException e) {
      // the size was checked before each read: the file shrank under us
      throw corrupt("it ended while being read: " + e);
    }
  }

  private long readHeader(FileChannel channel, long size) throws IOException {
    if (size < JournalFormat.HEADER_BYTES) {
      // a segment is created complete (written aside, then renamed), so this is not a crash
      throw corrupt("it is " + size + " bytes, shorter than a segment header");
    }
    ByteBuffer header = ByteBuffer.allocate(JournalFormat.HEADER_BYTES);
    while (header.hasRemaining()) {
      if (channel.read(header, header.position()) < 0) {
        throw corrupt("its header cannot be read");
      }
    }
    header.flip();
    int magic = header.getInt();
    int version = header.get() & 0xFF;
    long firstSequence = header.getLong();
    int stored = header.getInt();
    if (magic != JournalFormat.SEGMENT_MAGIC) {
      throw corrupt(
          "it is not a Yamano journal segment (magic 0x" + Integer.toHexString(magic) + ")");
    }
    if (stored != JournalFormat.crc(header.array(), 0, JournalFormat.HEADER_BYTES - 4)) {
      throw corrupt("its header fails its CRC-32C checksum");
    }
    if (version > JournalFormat.FORMAT_VERSION) {
      throw new UnsupportedStoreVersionException(file, version, JournalFormat.FORMAT_VERSION);
    }
    if (version != JournalFormat.FORMAT_VERSION) {
      throw corrupt("unknown segment format " + version);
    }
    return firstSequence;
  }

  private JournalRecord decode(long offset, byte[] frame, int length) throws IOException {
    byte[] payload = new byte[length];
    System.arraycopy(frame, 8, payload, 0, length);
    try {
      return JournalRecord.decode(payload);
    } catch (IOException | RuntimeException e) {
      // the checksum matched, so these bytes were written as they are: not a torn write
      throw corrupt("frame at offset " + offset + " passes its checksum but cannot be read: " + e);
    }
  }

  /** The offset of the first whole, checksum-valid frame at or after {@code from}, or -1. */
  private static long nextWholeFrame(FileChannel channel, long from, long size) throws IOException {
    if (size - from < JournalFormat.FRAME_OVERHEAD + 1) {
      return -1;
    }
    // mapped, not read: the region may be large when a length field near the start is damaged
    long span = Math.min(size - from, Integer.MAX_VALUE - 8);
    MappedByteBuffer tail = channel.map(FileChannel.MapMode.READ_ONLY, from, span);
    int limit = tail.limit();
    for (int at = 0; at + JournalFormat.FRAME_OVERHEAD < limit; at++) {
      if (tail.getInt(at) != JournalFormat.FRAME_MARKER) {
        continue;
      }
      int length = tail.getInt(at + 4);
      long end = (long) at + JournalFormat.FRAME_OVERHEAD + length;
      if (length <= 0 || end > limit) {
        continue;
      }
      var crc = new CRC32C();
      crc.update(tail.slice(at, JournalFormat.FRAME_OVERHEAD - 4 + length));
      if ((int) crc.getValue() == tail.getInt((int) end - 4)) {
        return from + at;
      }
    }
    return -1;
  }

  private CorruptStoreException corrupt(String reason) {
    return new CorruptStoreException(file, reason, null);
  }
}
