package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * A {@link CommitLog} in plain files: an append-only journal in segments plus one snapshot file.
 *
 * <p>Files in the data directory (layouts in {@link JournalFormat} and {@link SnapshotFile}):
 *
 * <ul>
 *   <li>{@code journal-<first sequence>.log}: segments of checksummed frames, each one journal
 *       entry with the properties set along with it, or property changes alone. A new segment is
 *       started once the current one has grown past the segment size (64 MiB by default).
 *   <li>{@code snapshot-<sequence>.bin}: every datastore root and every property as of a sequence.
 *   <li>{@value #LOCK_FILE}: held with an OS file lock while the log is open.
 * </ul>
 *
 * <p>Durability: an append is one write of one frame at the end of the newest segment followed by
 * {@code fdatasync}; it is durable when it returns. If the write or the sync fails, the segment is
 * truncated back to where the frame began and the append throws; if even that fails, the log
 * refuses every later call and the next open removes the partial frame.
 *
 * <p>Recovery at open: segments are read in order, contiguous sequences are checked across them,
 * and a damaged frame is dropped only when it is the torn last write of the newest segment (see
 * {@link SegmentScanner}). Any other damage, a gap, or an unreadable snapshot is reported as a
 * {@link CorruptStoreException} naming the file: acknowledged data is never dropped silently.
 *
 * <p>Snapshot: the snapshot file is written aside, synced and renamed into place, then older
 * snapshots and the segments no longer needed are deleted. A segment is deleted only if all its
 * entries are covered by the snapshot and older than the newest {@link #historyDepth()} entries.
 */
public final class JournalFileCommitLog implements CommitLog {
  /** Held with an OS file lock while the log is open, so one process owns the directory. */
  public static final String LOCK_FILE = "store.lock";

  /** Journal entries kept for {@link #history} after compaction unless told otherwise. */
  public static final int DEFAULT_HISTORY_DEPTH = 50;

  /** Size after which appends go to a new segment unless told otherwise. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  private static final System.Logger LOG = System.getLogger(JournalFileCommitLog.class.getName());

  private final Path dataDir;
  private final int historyDepth;
  private final long segmentBytes;
  private final AppendHooks hooks;
  private final DirectoryLock lock;
  private final List<Segment> segments = new ArrayList<>();
  private final Map<String, byte[]> properties = new HashMap<>();

  private Path snapshotFile;
  private long snapshotSequence;
  private FileChannel active;
  private long activeEnd;
  private long lastSequence;
  private long bytesSinceSnapshot;
  private IOException failure;
  private boolean closed;

  private JournalFileCommitLog(
      Path dataDir, int historyDepth, long segmentBytes, AppendHooks hooks, DirectoryLock lock) {
    this.dataDir = dataDir;
    this.historyDepth = historyDepth;
    this.segmentBytes = segmentBytes;
    this.hooks = hooks;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) the commit log in {@code dataDir} with the default history depth.
   *
   * @throws StoreInUseException if another process has the directory open
   * @throws UnsupportedStoreVersionException if a newer Yamano wrote the store
   * @throws CorruptStoreException naming the damaged file if the store cannot be read back
   */
  public static JournalFileCommitLog open(Path dataDir) throws IOException {
    return open(dataDir, DEFAULT_HISTORY_DEPTH);
  }

  /**
   * Opens (creating if needed) the commit log in {@code dataDir}, keeping {@code historyDepth}
   * journal entries through compaction. Throws as {@link #open(Path)}.
   */
  public static JournalFileCommitLog open(Path dataDir, int historyDepth) throws IOException {
    return open(dataDir, historyDepth, DEFAULT_SEGMENT_BYTES, AppendHooks.NONE);
  }

  /** As {@link #open(Path, int)} with a segment size and test hooks. */
  static JournalFileCommitLog open(
      Path dataDir, int historyDepth, long segmentBytes, AppendHooks hooks) throws IOException {
    if (historyDepth < 0) {
      throw new IllegalArgumentException("historyDepth must be >= 0, was " + historyDepth);
    }
    if (segmentBytes <= JournalFormat.HEADER_BYTES) {
      throw new IllegalArgumentException("segmentBytes too small: " + segmentBytes);
    }
    Files.createDirectories(dataDir);
    DirectoryLock lock = DirectoryLock.acquire(dataDir.resolve(LOCK_FILE));
    var log = new JournalFileCommitLog(dataDir, historyDepth, segmentBytes, hooks, lock);
    try {
      log.load();
      return log;
    } catch (IOException | RuntimeException | Error e) {
      try {
        log.closeFiles();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void load() throws IOException {
    List<Path> segmentFiles = new ArrayList<>();
    Path newestSnapshot = null;
    long newestSnapshotSequence = -1;
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        OptionalLong snapshot = JournalFormat.snapshotSequence(file);
        if (JournalFormat.isTemporary(file)) {
          // a snapshot or segment that was never renamed into place: never part of the store
          Files.delete(file);
        } else if (JournalFormat.segmentSequence(file).isPresent()) {
          segmentFiles.add(file);
        } else if (snapshot.isPresent() && snapshot.getAsLong() > newestSnapshotSequence) {
          newestSnapshot = file;
          newestSnapshotSequence = snapshot.getAsLong();
        }
      }
    }
    segmentFiles.sort(
        Comparator.comparingLong(f -> JournalFormat.segmentSequence(f).orElseThrow()));
    if (newestSnapshot != null) {
      SnapshotFile snapshot = SnapshotFile.read(newestSnapshot, false);
      if (snapshot.sequence() != newestSnapshotSequence) {
        throw corrupt(newestSnapshot, "it holds the snapshot of sequence " + snapshot.sequence());
      }
      snapshotFile = newestSnapshot;
      snapshotSequence = snapshot.sequence();
      properties.putAll(snapshot.properties());
    }
    for (int i = 0; i < segmentFiles.size(); i++) {
      loadSegment(segmentFiles.get(i), i == segmentFiles.size() - 1);
    }
    if (segments.isEmpty()) {
      if (snapshotSequence > 0) {
        throw corrupt(
            dataDir.resolve(JournalFormat.segmentName(snapshotSequence + 1)),
            "it is missing, and with it every journal segment after the snapshot");
      }
      segments.add(new Segment(createSegment(1), 1));
    }
    Segment first = segments.get(0);
    if (first.firstSequence() > snapshotSequence + 1) {
      throw corrupt(
          first.file(),
          "the journal starts at sequence "
              + first.firstSequence()
              + " but the snapshot covers only up to "
              + snapshotSequence
              + ": entries "
              + (snapshotSequence + 1)
              + ".."
              + (first.firstSequence() - 1)
              + " are missing");
    }
    Segment last = activeSegment();
    lastSequence = last.nextSequence() - 1;
    if (lastSequence < snapshotSequence) {
      throw corrupt(
          last.file(),
          "the journal ends at sequence "
              + lastSequence
              + " before the snapshot at "
              + snapshotSequence);
    }
    bytesSinceSnapshot = bytesAfter(snapshotSequence);
    active = openForAppend(last.file());
    activeEnd = active.size();
  }

  private void loadSegment(Path file, boolean last) throws IOException {
    long named = JournalFormat.segmentSequence(file).orElseThrow();
    Segment previous = segments.isEmpty() ? null : activeSegment();
    if (previous != null && previous.nextSequence() != named) {
      throw corrupt(
          file,
          "the journal has a gap: "
              + previous.file().getFileName()
              + " ends at sequence "
              + (previous.nextSequence() - 1)
              + " and this segment starts at "
              + named);
    }
    var segment = new Segment(file, named);
    SegmentScanner.Result result =
        SegmentScanner.scan(
            file,
            last,
            (offset, size, record) -> {
              if (record.isEntry()) {
                if (record.sequence() != segment.nextSequence()) {
                  throw corrupt(
                      file,
                      "the journal has a gap: frame at offset "
                          + offset
                          + " holds sequence "
                          + record.sequence()
                          + " where "
                          + segment.nextSequence()
                          + " belongs");
                }
                segment.add(offset, size);
              }
              apply(record.properties());
            });
    if (result.firstSequence() != named) {
      throw corrupt(file, "its header says it starts at sequence " + result.firstSequence());
    }
    if (result.tornTail() != null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0}: removing the torn last write left by a crash ({1}, {2} bytes); it was never"
              + " acknowledged",
          file,
          result.tornTail(),
          Files.size(file) - result.validEnd());
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(result.validEnd());
        channel.force(false);
      }
    }
    segments.add(segment);
  }

  @Override
  public Recovery recover() throws IOException {
    ensureUsable();
    Map<DatastoreName, NormalizedNode> roots =
        snapshotFile == null ? Map.of() : SnapshotFile.read(snapshotFile, true).roots();
    return new Recovery(
        roots,
        snapshotSequence,
        readEntries(snapshotSequence + 1, lastSequence),
        copyOf(properties));
  }

  @Override
  public void append(JournalEntry entry) throws IOException {
    append(entry, Map.of());
  }

  @Override
  public void append(JournalEntry entry, Map<String, byte[]> properties) throws IOException {
    ensureUsable();
    long sequence = entry.sequence();
    if (sequence != lastSequence + 1) {
      // the journal must stay contiguous: recovery treats a gap as lost data
      throw new IllegalArgumentException(
          "sequence " + sequence + " does not follow the last one, " + lastSequence);
    }
    var record = new JournalRecord(sequence, RecordCodec.encodeEntry(entry), properties);
    ByteBuffer frame = JournalFormat.frame(record.encode());
    int size = frame.remaining();
    if (activeEnd >= segmentBytes && !activeSegment().isEmpty()) {
      startSegment(sequence);
    }
    long offset = write(frame, "append of sequence " + sequence);
    activeSegment().add(offset, size);
    apply(record.properties());
    lastSequence = sequence;
    bytesSinceSnapshot += size;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code roots} replaces the whole snapshot: a datastore absent from it is empty as of {@code
   * sequence}. {@code sequence} must lie between the previous snapshot's and the last appended one.
   */
  @Override
  public void snapshot(long sequence, Map<DatastoreName, NormalizedNode> roots) throws IOException {
    ensureUsable();
    if (sequence < snapshotSequence || sequence > lastSequence) {
      throw new IllegalArgumentException(
          "snapshot sequence "
              + sequence
              + " outside ["
              + snapshotSequence
              + ", "
              + lastSequence
              + "]");
    }
    Path target = dataDir.resolve(JournalFormat.snapshotName(sequence));
    new SnapshotFile(sequence, roots, properties).write(target);
    snapshotFile = target;
    snapshotSequence = sequence;
    bytesSinceSnapshot = bytesAfter(sequence);
    // the new snapshot is durable (renamed and the directory synced): older files can go
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (JournalFormat.snapshotSequence(file).isPresent() && !file.equals(target)) {
          Files.delete(file);
        }
      }
    }
    compact(Math.min(sequence, lastSequence - historyDepth));
  }

  /** Deletes the oldest segments while every entry in them is at or below {@code cut}. */
  private void compact(long cut) throws IOException {
    boolean deleted = false;
    // oldest first, so that what remains is always a contiguous journal even after a crash here
    while (segments.size() > 1 && segments.get(1).firstSequence() - 1 <= cut) {
      Files.delete(segments.get(0).file());
      segments.remove(0);
      deleted = true;
    }
    if (deleted) {
      SnapshotFile.forceDirectory(dataDir);
    }
  }

  @Override
  public void putProperty(String key, byte[] value) throws IOException {
    ensureUsable();
    Map<String, byte[]> update = new HashMap<>();
    update.put(Objects.requireNonNull(key, "key"), value);
    var record = new JournalRecord(0, new byte[0], update);
    write(JournalFormat.frame(record.encode()), "property " + key);
    apply(record.properties());
  }

  @Override
  public List<JournalEntry> history(int limit) throws IOException {
    ensureUsable();
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    int wanted = Math.min(limit, historyDepth);
    long from = Math.max(segments.get(0).firstSequence(), lastSequence - wanted + 1);
    List<JournalEntry> newestFirst = new ArrayList<>(readEntries(from, lastSequence));
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst);
  }

  @Override
  public int historyDepth() {
    return historyDepth;
  }

  @Override
  public long bytesSinceSnapshot() {
    return bytesSinceSnapshot;
  }

  /** The sequence of the last appended entry, 0 for an empty store. */
  public long lastSequence() {
    return lastSequence;
  }

  /** The directory this log lives in. */
  public Path dataDir() {
    return dataDir;
  }

  /** Closes the journal and releases the directory lock; calling it again does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    closeFiles();
  }

  private void closeFiles() throws IOException {
    try {
      if (active != null) {
        active.close();
      }
    } finally {
      lock.close();
    }
  }

  /**
   * Writes one frame at the end of the newest segment and syncs it. On failure the segment is cut
   * back to where the frame began, so that no partial frame is left for recovery to judge.
   *
   * @return the offset the frame was written at
   */
  private long write(ByteBuffer frame, String what) throws IOException {
    long offset = activeEnd;
    int size = frame.remaining();
    try {
      hooks.beforeWrite(active, frame.duplicate(), offset);
      long at = offset;
      while (frame.hasRemaining()) {
        at += active.write(frame, at);
      }
      active.force(false);
    } catch (IOException e) {
      try {
        active.truncate(offset);
        active.force(false);
      } catch (IOException | RuntimeException undo) {
        e.addSuppressed(undo);
        throw fail(what + " failed and its partial frame could not be removed", e);
      }
      throw new IOException(what + " failed; nothing was written: " + e.getMessage(), e);
    }
    hooks.afterForce();
    activeEnd = offset + size;
    return offset;
  }

  /**
   * Starts the segment whose first entry will be {@code sequence} and appends there from now on.
   */
  private void startSegment(long sequence) throws IOException {
    Path file = createSegment(sequence);
    try {
      FileChannel next = openForAppend(file);
      active.close();
      active = next;
      activeEnd = next.size();
      segments.add(new Segment(file, sequence));
    } catch (IOException e) {
      // the empty segment is in place on disk but not in memory: reopen to continue
      throw fail("starting segment " + file + " failed", e);
    }
  }

  /** Creates an empty segment whole: header written aside, synced, renamed, directory synced. */
  private Path createSegment(long firstSequence) throws IOException {
    Path file = dataDir.resolve(JournalFormat.segmentName(firstSequence));
    if (Files.exists(file)) {
      // the rename below would replace it: never lose a segment to a bookkeeping mistake
      throw new IOException("segment " + file + " exists already");
    }
    Path temp = file.resolveSibling(file.getFileName() + JournalFormat.TEMP_SUFFIX);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer header = JournalFormat.segmentHeader(firstSequence);
      while (header.hasRemaining()) {
        channel.write(header);
      }
      channel.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    SnapshotFile.forceDirectory(dataDir);
    return file;
  }

  private FileChannel openForAppend(Path file) throws IOException {
    return hooks.wrap(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  /** Reads entries {@code from..to} (inclusive) back from their segments, checking each again. */
  private List<JournalEntry> readEntries(long from, long to) throws IOException {
    List<JournalEntry> entries = new ArrayList<>((int) Math.max(0, Math.min(to - from + 1, 1024)));
    for (Segment segment : segments) {
      long start = Math.max(from, segment.firstSequence());
      long end = Math.min(to, segment.nextSequence() - 1);
      if (start > end) {
        continue;
      }
      try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
        for (long seq = start; seq <= end; seq++) {
          entries.add(readEntry(channel, segment, seq));
        }
      }
    }
    return entries;
  }

  private JournalEntry readEntry(FileChannel channel, Segment segment, long sequence)
      throws IOException {
    long offset = segment.offset(sequence);
    ByteBuffer frame = ByteBuffer.allocate(segment.size(sequence));
    while (frame.hasRemaining()) {
      if (channel.read(frame, offset + frame.position()) < 0) {
        throw corrupt(segment.file(), "it ends inside the frame of sequence " + sequence);
      }
    }
    byte[] bytes = frame.array();
    int crcAt = bytes.length - 4;
    if (ByteBuffer.wrap(bytes, crcAt, 4).getInt() != JournalFormat.crc(bytes, 0, crcAt)) {
      throw corrupt(
          segment.file(),
          "journal entry " + sequence + " at offset " + offset + " fails its CRC-32C checksum");
    }
    byte[] payload = new byte[bytes.length - JournalFormat.FRAME_OVERHEAD];
    System.arraycopy(bytes, 8, payload, 0, payload.length);
    byte[] entryRecord;
    try {
      entryRecord = JournalRecord.decode(payload).entry();
    } catch (IOException e) {
      throw new CorruptStoreException(
          segment.file(), "journal entry " + sequence + " cannot be read: " + e.getMessage(), e);
    }
    Optional<Integer> newer = RecordCodec.newerVersion(entryRecord);
    if (newer.isPresent()) {
      throw new UnsupportedStoreVersionException(
          segment.file(), newer.orElseThrow(), RecordCodec.FORMAT_VERSION);
    }
    try {
      JournalEntry entry = RecordCodec.decodeEntry(entryRecord);
      if (entry.sequence() != sequence) {
        throw corrupt(
            segment.file(),
            "journal entry " + sequence + " holds the entry of sequence " + entry.sequence());
      }
      return entry;
    } catch (RecordCodec.BadRecordException e) {
      throw new CorruptStoreException(
          segment.file(), "journal entry " + sequence + ": " + e.getMessage(), e);
    }
  }

  private Segment activeSegment() {
    return segments.get(segments.size() - 1);
  }

  private long bytesAfter(long sequence) {
    long total = 0;
    for (Segment segment : segments) {
      total += segment.bytesAfter(sequence);
    }
    return total;
  }

  private void apply(Map<String, byte[]> updates) {
    updates.forEach(
        (key, value) -> {
          if (value == null) {
            properties.remove(key);
          } else {
            properties.put(key, value.clone());
          }
        });
  }

  private static Map<String, byte[]> copyOf(Map<String, byte[]> properties) {
    Map<String, byte[]> copy = new HashMap<>();
    properties.forEach((key, value) -> copy.put(key, value.clone()));
    return copy;
  }

  /** Stops every later call: after a failed undo the segment's end on disk is not known. */
  private IOException fail(String message, Throwable cause) {
    failure =
        new IOException(
            message
                + " ("
                + cause.getMessage()
                + "); the commit log refuses further writes, reopen "
                + dataDir
                + " to recover the last durable state",
            cause);
    return failure;
  }

  private void ensureUsable() throws IOException {
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure);
    }
    if (closed) {
      throw new IOException("commit log " + dataDir + " is closed");
    }
  }

  private static CorruptStoreException corrupt(Path file, String reason) {
    return new CorruptStoreException(file, reason, null);
  }
}
