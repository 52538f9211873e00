package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.binfmt.NormalizedNodeDataInput;
import org.opendaylight.yangtools.yang.data.codec.binfmt.NormalizedNodeDataOutput;
import org.opendaylight.yangtools.yang.data.codec.binfmt.NormalizedNodeStreamVersion;

/**
 * The byte format of journal entries and snapshots.
 *
 * <p>Every record is {@code magic (int) | format version (byte) | body | CRC-32C of all previous
 * bytes (int)}. Strings are {@code length (int) | UTF-8}. Trees and instance identifiers are
 * written with yangtools' binary NormalizedNode stream, which carries its own version header and
 * needs no schema.
 *
 * <pre>
 * journal entry v1 body: sequence (long) | datastore enum name | user | epoch second (long) |
 *                        nano (int) | comment | change count (int) |
 *                        NormalizedNode stream: per change path, optional before, optional after
 * snapshot v1 body:      sequence (long) | datastore enum name | NormalizedNode stream: root
 * </pre>
 */
final class RecordCodec {
  /** "YJNL": a journal entry. */
  static final int ENTRY_MAGIC = 0x594A4E4C;

  /** "YSNP": a datastore snapshot. */
  static final int SNAPSHOT_MAGIC = 0x59534E50;

  /** The newest record format this code writes and reads. */
  static final byte FORMAT_VERSION = 1;

  /** Record contents that cannot be decoded; the caller adds the file and the record's key. */
  static final class BadRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    BadRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A decoded snapshot record. */
  record Snapshot(long sequence, DatastoreName datastore, NormalizedNode root) {}

  private RecordCodec() {}

  static byte[] encodeEntry(JournalEntry entry) throws IOException {
    var bytes = new ByteArrayOutputStream(256);
    var out = new DataOutputStream(bytes);
    out.writeInt(ENTRY_MAGIC);
    out.writeByte(FORMAT_VERSION);
    out.writeLong(entry.sequence());
    writeString(out, entry.datastore().name());
    writeString(out, entry.user());
    out.writeLong(entry.time().getEpochSecond());
    out.writeInt(entry.time().getNano());
    writeString(out, entry.comment());
    out.writeInt(entry.changes().size());
    if (!entry.changes().isEmpty()) {
      // one stream for all changes, so that repeated QNames are written once
      try (NormalizedNodeDataOutput nodes =
          NormalizedNodeStreamVersion.current().newDataOutput(out)) {
        for (NodeChange change : entry.changes()) {
          nodes.writeYangInstanceIdentifier(change.path());
          nodes.writeOptionalNormalizedNode(change.before().orElse(null));
          nodes.writeOptionalNormalizedNode(change.after().orElse(null));
        }
      }
    }
    return seal(bytes, out);
  }

  static JournalEntry decodeEntry(byte[] record) throws BadRecordException {
    DataInputStream in = open(record, ENTRY_MAGIC, "journal entry");
    try {
      long sequence = in.readLong();
      DatastoreName datastore = readDatastore(in);
      String user = readString(in);
      Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
      String comment = readString(in);
      int count = in.readInt();
      if (count < 0) {
        throw new BadRecordException("negative change count " + count, null);
      }
      List<NodeChange> changes = new ArrayList<>(Math.min(count, 1024));
      if (count > 0) {
        NormalizedNodeDataInput nodes = NormalizedNodeDataInput.newDataInput(in);
        for (int i = 0; i < count; i++) {
          changes.add(
              new NodeChange(
                  nodes.readYangInstanceIdentifier(),
                  nodes.readOptionalNormalizedNode(),
                  nodes.readOptionalNormalizedNode()));
        }
      }
      expectEnd(in);
      return new JournalEntry(sequence, datastore, user, time, comment, changes);
    } catch (IOException | RuntimeException e) {
      throw new BadRecordException("undecodable journal entry: " + e, e);
    }
  }

  static byte[] encodeSnapshot(long sequence, DatastoreName datastore, NormalizedNode root)
      throws IOException {
    var bytes = new ByteArrayOutputStream(4096);
    var out = new DataOutputStream(bytes);
    out.writeInt(SNAPSHOT_MAGIC);
    out.writeByte(FORMAT_VERSION);
    out.writeLong(sequence);
    writeString(out, datastore.name());
    try (NormalizedNodeDataOutput nodes =
        NormalizedNodeStreamVersion.current().newDataOutput(out)) {
      nodes.writeNormalizedNode(root);
    }
    return seal(bytes, out);
  }

  static Snapshot decodeSnapshot(byte[] record) throws BadRecordException {
    DataInputStream in = open(record, SNAPSHOT_MAGIC, "snapshot");
    try {
      long sequence = in.readLong();
      DatastoreName datastore = readDatastore(in);
      NormalizedNode root = NormalizedNodeDataInput.newDataInput(in).readNormalizedNode();
      expectEnd(in);
      return new Snapshot(sequence, datastore, root);
    } catch (IOException | RuntimeException e) {
      throw new BadRecordException("undecodable snapshot: " + e, e);
    }
  }

  /**
   * The format version of a record that passed its checksum, so that a record from a newer Yamano
   * is reported as such and not as damage.
   */
  static Optional<Integer> newerVersion(byte[] record) {
    if (record.length >= 9 && checksumMatches(record) && (record[4] & 0xFF) > FORMAT_VERSION) {
      return Optional.of(record[4] & 0xFF);
    }
    return Optional.empty();
  }

  private static byte[] seal(ByteArrayOutputStream bytes, DataOutputStream out) throws IOException {
    out.flush();
    var crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeInt((int) crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  private static boolean checksumMatches(byte[] record) {
    int body = record.length - 4;
    var crc = new CRC32C();
    crc.update(record, 0, body);
    int stored =
        (record[body] & 0xFF) << 24
            | (record[body + 1] & 0xFF) << 16
            | (record[body + 2] & 0xFF) << 8
            | record[body + 3] & 0xFF;
    return stored == (int) crc.getValue();
  }

  private static DataInputStream open(byte[] record, int magic, String what)
      throws BadRecordException {
    if (record == null || record.length < 9) {
      throw new BadRecordException(
          what + " record is truncated (" + (record == null ? 0 : record.length) + " bytes)", null);
    }
    if (!checksumMatches(record)) {
      throw new BadRecordException(what + " record fails its CRC-32C checksum", null);
    }
    var in = new DataInputStream(new ByteArrayInputStream(record, 0, record.length - 4));
    try {
      int actual = in.readInt();
      if (actual != magic) {
        throw new BadRecordException(
            what + " record has magic 0x" + Integer.toHexString(actual), null);
      }
      int version = in.readUnsignedByte();
      if (version != FORMAT_VERSION) {
        throw new BadRecordException(what + " record has unknown format " + version, null);
      }
    } catch (IOException e) {
      throw new BadRecordException(what + " record header unreadable", e);
    }
    return in;
  }

  private static void expectEnd(DataInputStream in) throws IOException {
    int left = in.available();
    if (left != 0) {
      throw new IOException(left + " unexpected bytes after the record body");
    }
  }

  private static DatastoreName readDatastore(DataInputStream in) throws IOException {
    String name = readString(in);
    try {
      return DatastoreName.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown datastore " + name, e);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("string length " + length + " out of bounds");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
