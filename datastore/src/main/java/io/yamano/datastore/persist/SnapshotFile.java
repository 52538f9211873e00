package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * A {@code snapshot-<sequence>.bin} file: every datastore root and every property as of one
 * sequence, in one checksummed file that is written aside and renamed into place.
 *
 * <pre>
 * magic "YSNF" (int) | format version (byte) | sequence (long) |
 * root count (int) | per root: length (int) | {@link RecordCodec} snapshot record |
 * property count (int) | per property: key (int length | UTF-8) | value (int length | bytes) |
 * CRC-32C of all previous bytes (int)
 * </pre>
 *
 * @param sequence the last journal entry the roots include
 * @param roots the datastore roots; a datastore absent here is empty
 * @param properties every property as of the snapshot
 */
record SnapshotFile(
    long sequence, Map<DatastoreName, NormalizedNode> roots, Map<String, byte[]> properties) {
  /** "YSNF": a snapshot file. */
  static final int MAGIC = 0x59534E46;

  SnapshotFile {
    roots = Map.copyOf(roots);
    Map<String, byte[]> copy = new HashMap<>();
    properties.forEach((key, value) -> copy.put(key, value.clone()));
    properties = Map.copyOf(copy);
  }

  /**
   * Writes the file durably: to a temporary file, forced, renamed over {@code target}, then the
   * directory forced so that the rename survives a crash.
   */
  void write(Path target) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + JournalFormat.TEMP_SUFFIX);
    byte[] bytes = encode();
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(target.getParent());
  }

  private byte[] encode() throws IOException {
    var bytes = new ByteArrayOutputStream(4096);
    var out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeByte(JournalFormat.FORMAT_VERSION);
    out.writeLong(sequence);
    out.writeInt(roots.size());
    for (Map.Entry<DatastoreName, NormalizedNode> root : roots.entrySet()) {
      byte[] record = RecordCodec.encodeSnapshot(sequence, root.getKey(), root.getValue());
      out.writeInt(record.length);
      out.write(record);
    }
    out.writeInt(properties.size());
    for (Map.Entry<String, byte[]> property : properties.entrySet()) {
      writeBytes(out, property.getKey().getBytes(StandardCharsets.UTF_8));
      writeBytes(out, property.getValue());
    }
    out.flush();
    out.writeInt(JournalFormat.crc(bytes.toByteArray(), 0, bytes.size()));
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * Reads and checks a snapshot file. With {@code withRoots} false the trees are checked by
   * checksum only, not decoded (enough to open the log quickly).
   *
   * @throws CorruptStoreException naming {@code file} if it cannot be read back faithfully
   * @throws UnsupportedStoreVersionException if a newer Yamano wrote it
   */
  static SnapshotFile read(Path file, boolean withRoots) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < 4 + 1 + 8 + 4 + 4 + 4) {
      throw corrupt(file, "it is truncated (" + bytes.length + " bytes)");
    }
    int body = bytes.length - 4;
    if (ByteBuffer.wrap(bytes, body, 4).getInt() != JournalFormat.crc(bytes, 0, body)) {
      throw corrupt(file, "it fails its CRC-32C checksum");
    }
    var in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
    try {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw corrupt(
            file, "it is not a Yamano snapshot (magic 0x" + Integer.toHexString(magic) + ")");
      }
      int version = in.readUnsignedByte();
      if (version > JournalFormat.FORMAT_VERSION) {
        throw new UnsupportedStoreVersionException(file, version, JournalFormat.FORMAT_VERSION);
      }
      long sequence = in.readLong();
      Map<DatastoreName, NormalizedNode> roots = new EnumMap<>(DatastoreName.class);
      int rootCount = in.readInt();
      for (int i = 0; i < rootCount; i++) {
        byte[] record = readBytes(in);
        if (withRoots) {
          RecordCodec.Snapshot root = decodeRoot(file, record, sequence);
          roots.put(root.datastore(), root.root());
        }
      }
      Map<String, byte[]> properties = new HashMap<>();
      int propertyCount = in.readInt();
      for (int i = 0; i < propertyCount; i++) {
        properties.put(new String(readBytes(in), StandardCharsets.UTF_8), readBytes(in));
      }
      if (in.available() != 0) {
        throw corrupt(file, in.available() + " unexpected bytes at its end");
      }
      return new SnapshotFile(sequence, roots, properties);
    } catch (CorruptStoreException | UnsupportedStoreVersionException e) {
      throw e;
    } catch (IOException e) {
      throw new CorruptStoreException(file, "its contents cannot be read: " + e, e);
    }
  }

  private static RecordCodec.Snapshot decodeRoot(Path file, byte[] record, long sequence)
      throws IOException {
    Optional<Integer> newer = RecordCodec.newerVersion(record);
    if (newer.isPresent()) {
      throw new UnsupportedStoreVersionException(
          file, newer.orElseThrow(), RecordCodec.FORMAT_VERSION);
    }
    try {
      RecordCodec.Snapshot root = RecordCodec.decodeSnapshot(record);
      if (root.sequence() != sequence) {
        throw corrupt(
            file,
            "the root of "
                + root.datastore()
                + " is as of "
                + root.sequence()
                + ", not "
                + sequence);
      }
      return root;
    } catch (RecordCodec.BadRecordException e) {
      throw new CorruptStoreException(file, e.getMessage(), e);
    }
  }

  /** Makes renames and deletions in {@code dir} durable (POSIX: fsync of the directory). */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value.length);
    out.write(value);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("length " + length + " out of bounds");
    }
    return in.readNBytes(length);
  }

  private static CorruptStoreException corrupt(Path file, String reason) {
    return new CorruptStoreException(file, reason, null);
  }
}
