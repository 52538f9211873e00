package io.yamano.vim.resourceless;

import io.yamano.vim.OwnedResource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a resource-less VIM holds, kept in a file so that it outlives Yamano's process as real
 * infrastructure would: without it, a restart would find an empty VIM and could neither roll back
 * an interrupted plan nor show that nothing was orphaned.
 *
 * <p>An append-only log of records {@code [length][op][payload]}: a resource written ({@code P},
 * the serialized record) or deleted ({@code D}, its id). Loading stops at a torn last record (the
 * process was killed while writing it: that call never returned). Writes are not fsynced: they
 * survive the process being killed, which is what the file is for, not a power cut. On open the log
 * is compacted to one record per live resource.
 */
final class ResourceJournal implements AutoCloseable {
  /** A journal that keeps nothing (no state directory configured). */
  static final ResourceJournal NONE = new ResourceJournal(null, null);

  private static final byte PUT = 'P';
  private static final byte DELETE = 'D';
  private static final ObjectInputFilter ONLY_VIM_RECORDS =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=12;maxrefs=10000;io.yamano.vim.*;java.util.*;java.lang.*;!*");

  private final Path file;
  private final FileChannel channel;

  private ResourceJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Reads the resources kept in {@code file}, rewrites it compacted, and opens it for appending.
   *
   * @param restored receives the resources found, in id order
   */
  static ResourceJournal open(Path file, Map<String, OwnedResource> restored) throws IOException {
    Files.createDirectories(file.getParent());
    restored.putAll(read(file));
    Path compacted = file.resolveSibling(file.getFileName() + ".tmp");
    try (var out =
        FileChannel.open(
            compacted,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (OwnedResource r : restored.values()) {
        write(out, PUT, serialize(r));
      }
      out.force(true);
    }
    Files.move(
        compacted, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    var channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new ResourceJournal(file, channel);
  }

  void put(OwnedResource resource) {
    append(PUT, serialize(resource));
  }

  void delete(String id) {
    append(DELETE, id.getBytes(StandardCharsets.UTF_8));
  }

  private void append(byte op, byte[] payload) {
    if (channel == null) {
      return;
    }
    try {
      write(channel, op, payload);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record VIM state in " + file, e);
    }
  }

  private static void write(FileChannel out, byte op, byte[] payload) throws IOException {
    var buffer = ByteBuffer.allocate(5 + payload.length);
    buffer.putInt(payload.length).put(op).put(payload).flip();
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static Map<String, OwnedResource> read(Path file) throws IOException {
    var out = new LinkedHashMap<String, OwnedResource>();
    if (!Files.exists(file)) {
      return out;
    }
    try (InputStream raw = Files.newInputStream(file);
        var in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      while (true) {
        int length;
        byte op;
        byte[] payload;
        try {
          length = in.readInt();
          op = in.readByte();
          if (length < 0 || length > (16 << 20)) {
            break;
          }
          payload = in.readNBytes(length);
          if (payload.length < length) {
            break;
          }
        } catch (EOFException e) {
          break;
        }
        if (op == PUT) {
          OwnedResource r = deserialize(payload);
          out.put(r.id(), r);
        } else if (op == DELETE) {
          out.remove(new String(payload, StandardCharsets.UTF_8));
        } else {
          break;
        }
      }
    }
    return out;
  }

  private static byte[] serialize(OwnedResource resource) {
    var bytes = new ByteArrayOutputStream(256);
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static OwnedResource deserialize(byte[] payload) throws IOException {
    try (var in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
      in.setObjectInputFilter(ONLY_VIM_RECORDS);
      return (OwnedResource) in.readObject();
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException("a record of the VIM state file is not a VIM resource", e);
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing left to do: every record was written when its call returned
      }
    }
  }
}
