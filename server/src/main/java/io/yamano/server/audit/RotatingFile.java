package io.yamano.server.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An append-only text file that moves aside when it reaches a size: {@code name} is the current
 * file, {@code name.1} the previous one and so on up to {@code name.KEEP}; older ones are deleted.
 * Files are created readable by the owner only. Not thread-safe: callers serialise.
 */
final class RotatingFile implements AutoCloseable {
  private final Path directory;
  private final String name;
  private final long maxBytes;
  private final int keep;
  private Writer out;
  private long size;

  RotatingFile(Path directory, String name, long maxBytes, int keep) throws IOException {
    this.directory = directory;
    this.name = name;
    this.maxBytes = maxBytes;
    this.keep = keep;
    Files.createDirectories(directory);
    open();
  }

  private void open() throws IOException {
    var file = directory.resolve(name);
    if (!Files.exists(file)) {
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
    }
    size = Files.size(file);
    out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** Appends one line and flushes it to the operating system. */
  void appendLine(String line) throws IOException {
    var bytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
    if (size > 0 && size + bytes > maxBytes) {
      rotate();
    }
    out.write(line);
    out.write('\n');
    out.flush();
    size += bytes;
  }

  private void rotate() throws IOException {
    out.close();
    Files.deleteIfExists(directory.resolve(name + "." + keep));
    for (int i = keep - 1; i >= 1; i--) {
      var from = directory.resolve(name + "." + i);
      if (Files.exists(from)) {
        Files.move(from, directory.resolve(name + "." + (i + 1)), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.move(
        directory.resolve(name), directory.resolve(name + ".1"), StandardCopyOption.ATOMIC_MOVE);
    open();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
