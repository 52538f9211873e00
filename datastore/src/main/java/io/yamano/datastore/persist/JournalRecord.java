package io.yamano.datastore.persist;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The payload of one journal frame: a commit with the properties set atomically with it, or
 * property changes alone.
 *
 * <pre>
 * payload: kind (byte: 1 entry, 2 properties) | property count (int) |
 *          per property: key (int length | UTF-8) | present (byte) | [value length (int) | value] |
 *          entry only: sequence (long) | {@link RecordCodec} journal entry record (rest of payload)
 * </pre>
 *
 * @param sequence the entry's sequence, 0 for a properties-only record
 * @param entry the {@link RecordCodec} record of the entry, empty for a properties-only record
 * @param properties property updates in order; a {@code null} value removes the property
 */
record JournalRecord(long sequence, byte[] entry, Map<String, byte[]> properties) {
  static final byte ENTRY = 1;
  static final byte PROPERTIES = 2;

  JournalRecord {
    Objects.requireNonNull(entry, "entry");
    if (sequence < 0 || (sequence == 0) != (entry.length == 0)) {
      throw new IllegalArgumentException("an entry record needs a sequence above 0 and a body");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    properties.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "key"), value == null ? null : value.clone()));
    properties = Collections.unmodifiableMap(copy);
  }

  /** Whether this record carries a journal entry (and not only properties). */
  boolean isEntry() {
    return sequence > 0;
  }

  byte[] encode() throws IOException {
    var bytes = new ByteArrayOutputStream(entry.length + 64);
    var out = new DataOutputStream(bytes);
    out.writeByte(isEntry() ? ENTRY : PROPERTIES);
    out.writeInt(properties.size());
    for (Map.Entry<String, byte[]> property : properties.entrySet()) {
      byte[] key = property.getKey().getBytes(StandardCharsets.UTF_8);
      out.writeInt(key.length);
      out.write(key);
      byte[] value = property.getValue();
      out.writeBoolean(value != null);
      if (value != null) {
        out.writeInt(value.length);
        out.write(value);
      }
    }
    if (isEntry()) {
      out.writeLong(sequence);
      out.write(entry);
    }
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * Decodes a payload whose frame checksum matched.
   *
   * @throws IOException if it does not follow the layout above
   */
  static JournalRecord decode(byte[] payload) throws IOException {
    var in = new DataInputStream(new ByteArrayInputStream(payload));
    byte kind = in.readByte();
    if (kind != ENTRY && kind != PROPERTIES) {
      throw new IOException("unknown record kind " + kind);
    }
    int count = in.readInt();
    if (count < 0 || count > payload.length) {
      throw new IOException("property count " + count + " out of bounds");
    }
    Map<String, byte[]> properties = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String key = new String(readBytes(in), StandardCharsets.UTF_8);
      properties.put(key, in.readBoolean() ? readBytes(in) : null);
    }
    if (kind == PROPERTIES) {
      if (in.available() != 0) {
        throw new IOException(in.available() + " unexpected bytes after the properties");
      }
      return new JournalRecord(0, new byte[0], properties);
    }
    long sequence = in.readLong();
    if (sequence <= 0) {
      throw new IOException("entry sequence " + sequence);
    }
    int start = payload.length - in.available();
    return new JournalRecord(
        sequence, Arrays.copyOfRange(payload, start, payload.length), properties);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("length " + length + " out of bounds");
    }
    return in.readNBytes(length);
  }
}
