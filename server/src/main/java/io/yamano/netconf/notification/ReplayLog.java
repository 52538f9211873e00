package io.yamano.netconf.notification;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The persisted notification history that replay (RFC 5277 §2.1.1) reads from: append-only segment
 * files of checksummed records, rotated by size, oldest segments dropped beyond a limit. A torn
 * last record (a crash mid-append) is ignored on reading; notifications are not worth a sync per
 * event, so the newest few may be lost in a power cut, never reordered or corrupted.
 */
public final class ReplayLog implements AutoCloseable {
  private static final int MAGIC = 0x594e5446; // "YNTF"

  private final Path dir;
  private final long segmentBytes;
  private final int keepSegments;
  private FileChannel current;
  private Path currentPath;
  private long nextSequence = 1;

  private ReplayLog(Path dir, long segmentBytes, int keepSegments) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    this.keepSegments = keepSegments;
  }

  /** Opens (or creates) the log in {@code dir}. */
  public static ReplayLog open(Path dir, long segmentBytes, int keepSegments) throws IOException {
    Files.createDirectories(dir);
    var log = new ReplayLog(dir, segmentBytes, keepSegments);
    log.scanForNextSequence();
    log.startSegment();
    return log;
  }

  private List<Path> segments() throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().matches("events-\\d{20}\\.log"))
          .sorted()
          .toList();
    }
  }

  private void scanForNextSequence() throws IOException {
    var segments = segments();
    if (segments.isEmpty()) {
      return;
    }
    read(segments.get(segments.size() - 1), n -> nextSequence = n.sequence() + 1);
  }

  private void startSegment() throws IOException {
    if (current != null) {
      current.close();
    }
    currentPath = dir.resolve(String.format("events-%020d.log", nextSequence));
    current =
        FileChannel.open(
            currentPath,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    var segments = segments();
    for (int i = 0; i < segments.size() - keepSegments; i++) {
      Files.deleteIfExists(segments.get(i));
    }
  }

  /** Appends an event and returns it with its sequence number. */
  public synchronized Notification append(
      Instant eventTime, String stream, String namespace, String name, String contentXml)
      throws IOException {
    if (current == null) {
      throw new IOException("the replay log is closed");
    }
    var notification =
        new Notification(nextSequence, eventTime, stream, namespace, name, contentXml);
    var body = encode(notification);
    var crc = new CRC32C();
    crc.update(body);
    var frame = ByteBuffer.allocate(12 + body.length);
    frame.putInt(MAGIC).putInt(body.length).put(body).putInt((int) crc.getValue()).flip();
    while (frame.hasRemaining()) {
      current.write(frame);
    }
    nextSequence++;
    if (current.size() >= segmentBytes) {
      startSegment();
    }
    return notification;
  }

  /** Calls {@code sink} with every stored event of {@code stream} from {@code start}, in order. */
  public void replay(String stream, Instant start, Instant stop, Consumer<Notification> sink)
      throws IOException {
    List<Path> segments;
    synchronized (this) {
      if (current == null) {
        throw new IOException("the replay log is closed");
      }
      current.force(false);
      segments = segments();
    }
    for (var segment : segments) {
      read(
          segment,
          n -> {
            if (n.stream().equals(stream)
                && !n.eventTime().isBefore(start)
                && (stop == null || n.eventTime().isBefore(stop))) {
              sink.accept(n);
            }
          });
    }
  }

  /** The time of the oldest stored event, for the stream's {@code replayLogCreationTime}. */
  public Instant oldest() throws IOException {
    var found = new ArrayList<Instant>();
    var segments = segments();
    if (!segments.isEmpty()) {
      read(
          segments.get(0),
          n -> {
            if (found.isEmpty()) {
              found.add(n.eventTime());
            }
          });
    }
    return found.isEmpty() ? Instant.now() : found.get(0);
  }

  private static void read(Path segment, Consumer<Notification> sink) throws IOException {
    try (InputStream raw = Files.newInputStream(segment);
        var in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      while (true) {
        int magic;
        try {
          magic = in.readInt();
        } catch (EOFException e) {
          return;
        }
        if (magic != MAGIC) {
          return;
        }
        try {
          int length = in.readInt();
          if (length < 0 || length > (64 << 20)) {
            return;
          }
          var body = in.readNBytes(length);
          int stored = in.readInt();
          var crc = new CRC32C();
          crc.update(body);
          if (body.length != length || (int) crc.getValue() != stored) {
            return;
          }
          sink.accept(decode(body));
        } catch (EOFException e) {
          return;
        }
      }
    }
  }

  private static byte[] encode(Notification n) {
    var text =
        n.sequence()
            + "\n"
            + n.eventTime()
            + "\n"
            + n.stream()
            + "\n"
            + n.namespace()
            + "\n"
            + n.name()
            + "\n"
            + n.contentXml();
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Notification decode(byte[] body) {
    var parts = new String(body, StandardCharsets.UTF_8).split("\n", 6);
    return new Notification(
        Long.parseLong(parts[0]), Instant.parse(parts[1]), parts[2], parts[3], parts[4], parts[5]);
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) {
      current.force(false);
      current.close();
      current = null;
    }
  }
}
