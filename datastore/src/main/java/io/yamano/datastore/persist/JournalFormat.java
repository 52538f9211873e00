package io.yamano.datastore.persist;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of {@link JournalFileCommitLog}: file names, the segment header and the record
 * frame. All integers are big-endian.
 *
 * <pre>
 * segment journal-&lt;first sequence&gt;.log:
 *   header: magic "YJSG" (int) | format version (byte) | first sequence (long) | CRC-32C (int)
 *   frames: marker "YREC" (int) | payload length (int) | payload | CRC-32C of marker..payload (int)
 * </pre>
 *
 * <p>The payload is a {@link JournalRecord}. The marker lets recovery look for whole frames after a
 * damaged one, which is how damage in the middle is told apart from a torn last write.
 */
final class JournalFormat {
  /** "YJSG": a journal segment. */
  static final int SEGMENT_MAGIC = 0x594A5347;

  /** "YREC": the start of a frame. */
  static final int FRAME_MARKER = 0x59524543;

  /** The newest segment and snapshot file format this code writes and reads. */
  static final int FORMAT_VERSION = 1;

  static final int HEADER_BYTES = 4 + 1 + 8 + 4;

  /** Marker, length and CRC around the payload. */
  static final int FRAME_OVERHEAD = 4 + 4 + 4;

  private static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{1,20})\\.log");
  private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot-(\\d{1,20})\\.bin");

  /** Suffix of files being written; one left behind by a crash is deleted at open. */
  static final String TEMP_SUFFIX = ".tmp";

  private JournalFormat() {}

  static String segmentName(long firstSequence) {
    // zero-padded so that a directory listing sorts in journal order
    return String.format("journal-%020d.log", firstSequence);
  }

  static String snapshotName(long sequence) {
    return String.format("snapshot-%020d.bin", sequence);
  }

  static OptionalLong segmentSequence(Path file) {
    return number(SEGMENT_NAME.matcher(file.getFileName().toString()));
  }

  static OptionalLong snapshotSequence(Path file) {
    return number(SNAPSHOT_NAME.matcher(file.getFileName().toString()));
  }

  private static OptionalLong number(Matcher matcher) {
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(matcher.group(1)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Whether {@code file} is a segment or snapshot being written (or left behind by a crash). */
  static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(TEMP_SUFFIX)) {
      return false;
    }
    Path finalName = file.resolveSibling(name.substring(0, name.length() - TEMP_SUFFIX.length()));
    return segmentSequence(finalName).isPresent() || snapshotSequence(finalName).isPresent();
  }

  static ByteBuffer segmentHeader(long firstSequence) {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    header.putInt(SEGMENT_MAGIC).put((byte) FORMAT_VERSION).putLong(firstSequence);
    header.putInt(crc(header.array(), 0, HEADER_BYTES - 4));
    return header.flip();
  }

  /** The frame around {@code payload}, ready for one write. */
  static ByteBuffer frame(byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(FRAME_OVERHEAD + payload.length);
    frame.putInt(FRAME_MARKER).putInt(payload.length).put(payload);
    frame.putInt(crc(frame.array(), 0, frame.position()));
    return frame.flip();
  }

  static int crc(byte[] bytes, int offset, int length) {
    var crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
