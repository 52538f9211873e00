package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * A {@link CommitLog} in one MapDB file, {@value #STORE_FILE} in the data directory, opened with
 * MapDB's write-ahead log so that each append, property change and snapshot is one atomic MapDB
 * commit.
 *
 * <p>Layout inside the file: {@code journal} (sequence → journal entry record), {@code snapshots}
 * (datastore → snapshot record), {@code properties} (key → bytes) and {@code meta} (format version,
 * snapshot sequence). Records are described in {@link RecordCodec}; journal and snapshot values are
 * kept outside the B-tree nodes so that an append writes its own record and one leaf node, never
 * neighbouring records.
 *
 * <p>Durability: MapDB's commit fsyncs the write-ahead log, applies it to the store file, fsyncs
 * that, then deletes the log, so an append is durable when it returns and costs about three fsyncs.
 *
 * <p>Failures: a write that fails before MapDB commits is rolled back and leaves the log usable at
 * its previous state. A failure inside MapDB's commit closes this log (every later call throws).
 *
 * <p>Known limit (MapDB 3.1.0): MapDB never replays its write-ahead log when it opens a store (the
 * jar has no caller of {@code WriteAheadLog.replayWAL}). A crash, kill or I/O error after the log
 * is committed but while MapDB copies it into the store file can leave that file half updated; a
 * full disk there was seen to leave a store whose next write fails with {@code EOFException}. Kills
 * before or after that copy are safe (see the crash tests).
 *
 * <p>Open with {@link #open(Path)}; {@link #close()} releases the file and the directory lock.
 */
public final class MapDbCommitLog implements CommitLog {
  /** The MapDB file in the data directory. MapDB keeps its write-ahead log next to it. */
  public static final String STORE_FILE = "store.db";

  /** Held with an OS file lock while the log is open, so one process owns the directory. */
  public static final String LOCK_FILE = "store.lock";

  /** Journal entries kept for {@link #history} after compaction unless told otherwise. */
  public static final int DEFAULT_HISTORY_DEPTH = 50;

  /** Store layout version; a store with a higher one is refused. */
  static final long STORE_FORMAT = 1;

  static final String JOURNAL = "journal";
  static final String SNAPSHOTS = "snapshots";
  static final String PROPERTIES = "properties";
  static final String META = "meta";
  static final String META_FORMAT = "format";
  static final String META_SNAPSHOT_SEQUENCE = "snapshot-sequence";

  private static final Runnable NOTHING = () -> {};

  private final Path storeFile;
  private final int historyDepth;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final DB db;
  private final BTreeMap<Long, byte[]> journal;
  private final BTreeMap<String, byte[]> snapshots;
  private final BTreeMap<String, byte[]> properties;
  private final BTreeMap<String, Long> meta;
  private final Runnable beforeCommit;
  private final Runnable afterCommit;

  private long lastSequence;
  private long snapshotSequence;
  private long bytesSinceSnapshot;
  private IOException failure;
  private boolean closed;

  private MapDbCommitLog(
      Path storeFile,
      int historyDepth,
      FileChannel lockChannel,
      FileLock lock,
      DB db,
      Runnable beforeCommit,
      Runnable afterCommit)
      throws IOException {
    this.storeFile = storeFile;
    this.historyDepth = historyDepth;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.db = db;
    this.beforeCommit = beforeCommit;
    this.afterCommit = afterCommit;
    try {
      boolean fresh = db.getAllNames().iterator().hasNext() == false;
      if (!fresh) {
        checkFormat(db);
      }
      journal =
          db.treeMap(JOURNAL, Serializer.LONG, Serializer.BYTE_ARRAY)
              .valuesOutsideNodesEnable()
              .createOrOpen();
      snapshots =
          db.treeMap(SNAPSHOTS, Serializer.STRING, Serializer.BYTE_ARRAY)
              .valuesOutsideNodesEnable()
              .createOrOpen();
      properties = db.treeMap(PROPERTIES, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
      meta = db.treeMap(META, Serializer.STRING, Serializer.LONG).createOrOpen();
      if (fresh) {
        meta.put(META_FORMAT, STORE_FORMAT);
        meta.put(META_SNAPSHOT_SEQUENCE, 0L);
        db.commit();
      }
      snapshotSequence = metaValue(META_SNAPSHOT_SEQUENCE);
      lastSequence = journal.isEmpty() ? snapshotSequence : journal.lastKey();
      lastSequence = Math.max(lastSequence, snapshotSequence);
      bytesSinceSnapshot = sizeAfter(snapshotSequence);
    } catch (RuntimeException | AssertionError e) {
      // MapDB reports a damaged B-tree with assorted unchecked exceptions and AssertionErrors
      throw new CorruptStoreException(storeFile, "its MapDB collections cannot be opened: " + e, e);
    }
  }

  /**
   * Opens (creating if needed) the commit log in {@code dataDir} with the default history depth.
   *
   * @throws StoreInUseException if another process has the directory open
   * @throws UnsupportedStoreVersionException if a newer Yamano wrote the store
   * @throws CorruptStoreException if the MapDB file cannot be opened
   */
  public static MapDbCommitLog open(Path dataDir) throws IOException {
    return open(dataDir, DEFAULT_HISTORY_DEPTH);
  }

  /**
   * Opens (creating if needed) the commit log in {@code dataDir}, keeping {@code historyDepth}
   * journal entries through compaction.
   */
  public static MapDbCommitLog open(Path dataDir, int historyDepth) throws IOException {
    return open(dataDir, historyDepth, NOTHING, NOTHING);
  }

  /** As {@link #open(Path, int)}, running the hooks around every MapDB commit (crash tests). */
  static MapDbCommitLog open(
      Path dataDir, int historyDepth, Runnable beforeCommit, Runnable afterCommit)
      throws IOException {
    if (historyDepth < 0) {
      throw new IllegalArgumentException("historyDepth must be >= 0, was " + historyDepth);
    }
    Files.createDirectories(dataDir);
    Path lockFile = dataDir.resolve(LOCK_FILE);
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new StoreInUseException(lockFile, e);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new StoreInUseException(lockFile, null);
    }
    Path storeFile = dataDir.resolve(STORE_FILE);
    DB db = null;
    try {
      try {
        // the default volume is RandomAccessFile: its sync() is a real fsync, and unlike a
        // memory-mapped file a crash or a full disk shows up as an error, not a SIGBUS
        db = DBMaker.fileDB(storeFile.toFile()).transactionEnable().make();
      } catch (DBException.FileLocked e) {
        throw new StoreInUseException(lockFile, e);
      } catch (DBException | IllegalStateException | UncheckedIOException e) {
        throw new CorruptStoreException(storeFile, "MapDB cannot open it: " + e, e);
      }
      return new MapDbCommitLog(
          storeFile, historyDepth, channel, lock, db, beforeCommit, afterCommit);
    } catch (IOException | RuntimeException | Error e) {
      if (db != null) {
        closeQuietly(db, e);
      }
      try {
        lock.release();
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public Recovery recover() throws IOException {
    ensureUsable();
    try {
      long snapshotAt = metaValue(META_SNAPSHOT_SEQUENCE);
      Map<DatastoreName, NormalizedNode> roots = new EnumMap<>(DatastoreName.class);
      for (Map.Entry<String, byte[]> e : snapshots.entrySet()) {
        RecordCodec.Snapshot snapshot = decodeSnapshot(e.getKey(), e.getValue());
        if (snapshot.sequence() != snapshotAt) {
          throw corrupt(
              "snapshot of "
                  + e.getKey()
                  + " is as of sequence "
                  + snapshot.sequence()
                  + " but the store's snapshots are as of "
                  + snapshotAt);
        }
        roots.put(snapshot.datastore(), snapshot.root());
      }
      List<JournalEntry> replay = new ArrayList<>();
      long previous = -1;
      for (Map.Entry<Long, byte[]> e : journal.entrySet()) {
        long key = e.getKey();
        if (previous < 0) {
          long firstAllowed = snapshotAt + 1;
          if (key < 1 || key > firstAllowed) {
            throw corrupt(
                "journal starts at sequence "
                    + key
                    + " but the snapshot covers only up to "
                    + snapshotAt
                    + ": entries "
                    + firstAllowed
                    + ".."
                    + (key - 1)
                    + " are missing");
          }
        } else if (key != previous + 1) {
          throw corrupt("journal has a gap: sequence " + previous + " is followed by " + key);
        }
        previous = key;
        if (key > snapshotAt) {
          replay.add(decodeEntry(key, e.getValue()));
        }
      }
      if (previous >= 0 && previous < snapshotAt) {
        throw corrupt(
            "journal ends at sequence " + previous + " before the snapshot at " + snapshotAt);
      }
      return new Recovery(roots, snapshotAt, replay, new HashMap<>(properties));
    } catch (RuntimeException | AssertionError e) {
      throw corrupt("MapDB cannot read it: " + e, e);
    }
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
    Map<String, byte[]> updates = copyProperties(properties);
    byte[] record = RecordCodec.encodeEntry(entry);
    write(
        "append of sequence " + sequence,
        () -> {
          journal.put(sequence, record);
          applyProperties(updates);
        });
    lastSequence = sequence;
    bytesSinceSnapshot += record.length;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code roots} replaces the whole snapshot set: a datastore absent from it is empty as of
   * {@code sequence}. {@code sequence} must lie between the previous snapshot's and the last
   * appended one. Snapshot and compaction are one atomic commit.
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
    Map<String, byte[]> records = new LinkedHashMap<>();
    for (Map.Entry<DatastoreName, NormalizedNode> e : roots.entrySet()) {
      records.put(
          e.getKey().name(), RecordCodec.encodeSnapshot(sequence, e.getKey(), e.getValue()));
    }
    long cut = Math.min(sequence, lastSequence - historyDepth);
    write(
        "snapshot as of sequence " + sequence,
        () -> {
          snapshots.clear();
          snapshots.putAll(records);
          meta.put(META_SNAPSHOT_SEQUENCE, sequence);
          if (cut >= 1 && !journal.isEmpty()) {
            for (Long key : new ArrayList<>(journal.headMap(cut, true).keySet())) {
              journal.remove(key);
            }
          }
        });
    snapshotSequence = sequence;
    bytesSinceSnapshot = sizeAfter(sequence);
  }

  @Override
  public void putProperty(String key, byte[] value) throws IOException {
    ensureUsable();
    Map<String, byte[]> update = new HashMap<>();
    update.put(Objects.requireNonNull(key, "key"), value == null ? null : value.clone());
    write("property " + key, () -> applyProperties(update));
  }

  @Override
  public List<JournalEntry> history(int limit) throws IOException {
    ensureUsable();
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    int wanted = Math.min(limit, historyDepth);
    List<JournalEntry> newestFirst = new ArrayList<>(wanted);
    try {
      for (Map.Entry<Long, byte[]> e : journal.descendingMap().entrySet()) {
        if (newestFirst.size() >= wanted) {
          break;
        }
        newestFirst.add(decodeEntry(e.getKey(), e.getValue()));
      }
    } catch (DBException e) {
      throw corrupt("MapDB cannot read it: " + e, e);
    }
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

  /** The MapDB file this log lives in. */
  public Path storeFile() {
    return storeFile;
  }

  /** Closes the MapDB file and releases the directory lock; calling it again does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException error = null;
    try {
      db.close();
    } catch (RuntimeException e) {
      error = new IOException("closing " + storeFile + " failed", e);
    }
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      if (error == null) {
        error = e;
      } else {
        error.addSuppressed(e);
      }
    }
    if (error != null) {
      throw error;
    }
  }

  /**
   * Applies {@code changes} and commits them as one MapDB transaction. MapDB reports I/O errors (a
   * full disk) as unchecked {@link DBException}s; they surface here as {@link IOException}.
   */
  private void write(String what, Runnable changes) throws IOException {
    try {
      changes.run();
    } catch (RuntimeException e) {
      try {
        db.rollback();
      } catch (RuntimeException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
        throw fail(what + " failed and could not be rolled back", e);
      }
      throw new IOException(what + " failed; nothing was written: " + rootMessage(e), e);
    }
    beforeCommit.run();
    try {
      db.commit();
    } catch (RuntimeException | Error e) {
      throw fail(what + " failed while committing", e);
    }
    afterCommit.run();
  }

  /** Stops every later call: MapDB's state after a failed commit is not known in memory. */
  private IOException fail(String message, Throwable cause) {
    failure =
        new IOException(
            message
                + " ("
                + rootMessage(cause)
                + "); the commit log is closed, reopen "
                + storeFile.getParent()
                + " to recover the last durable state",
            cause);
    return failure;
  }

  private void ensureUsable() throws IOException {
    if (failure != null) {
      throw new IOException(failure.getMessage(), failure);
    }
    if (closed) {
      throw new IOException("commit log " + storeFile + " is closed");
    }
  }

  private static Map<String, byte[]> copyProperties(Map<String, byte[]> properties) {
    Map<String, byte[]> copy = new HashMap<>();
    properties.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "key"), value == null ? null : value.clone()));
    return copy;
  }

  private void applyProperties(Map<String, byte[]> updates) {
    updates.forEach(
        (key, value) -> {
          if (value == null) {
            properties.remove(key);
          } else {
            properties.put(key, value);
          }
        });
  }

  private void checkFormat(DB opened) throws IOException {
    if (!opened.exists(META)) {
      throw corrupt("it is a MapDB file but not a Yamano store (no '" + META + "' collection)");
    }
    Long format = opened.treeMap(META, Serializer.STRING, Serializer.LONG).open().get(META_FORMAT);
    if (format == null) {
      throw corrupt("its format version is missing");
    }
    if (format > STORE_FORMAT) {
      throw new UnsupportedStoreVersionException(storeFile, format.intValue(), (int) STORE_FORMAT);
    }
    for (String name : List.of(JOURNAL, SNAPSHOTS, PROPERTIES)) {
      if (!opened.exists(name)) {
        throw corrupt("its '" + name + "' collection is missing");
      }
    }
  }

  private long metaValue(String key) throws CorruptStoreException {
    Long value = meta.get(key);
    if (value == null) {
      throw corrupt("meta value '" + key + "' is missing");
    }
    return value;
  }

  private long sizeAfter(long sequence) {
    long size = 0;
    for (byte[] record : journal.tailMap(sequence, false).values()) {
      size += record.length;
    }
    return size;
  }

  private JournalEntry decodeEntry(long key, byte[] record) throws IOException {
    checkNewer(record);
    try {
      JournalEntry entry = RecordCodec.decodeEntry(record);
      if (entry.sequence() != key) {
        throw corrupt("journal key " + key + " holds the entry of sequence " + entry.sequence());
      }
      return entry;
    } catch (RecordCodec.BadRecordException e) {
      throw corrupt("journal entry " + key + ": " + e.getMessage(), e);
    }
  }

  private RecordCodec.Snapshot decodeSnapshot(String key, byte[] record) throws IOException {
    checkNewer(record);
    try {
      RecordCodec.Snapshot snapshot = RecordCodec.decodeSnapshot(record);
      if (!snapshot.datastore().name().equals(key)) {
        throw corrupt("snapshot key " + key + " holds the snapshot of " + snapshot.datastore());
      }
      return snapshot;
    } catch (RecordCodec.BadRecordException e) {
      throw corrupt("snapshot of " + key + ": " + e.getMessage(), e);
    }
  }

  private void checkNewer(byte[] record) throws UnsupportedStoreVersionException {
    Optional<Integer> newer = RecordCodec.newerVersion(record);
    if (newer.isPresent()) {
      throw new UnsupportedStoreVersionException(
          storeFile, newer.orElseThrow(), RecordCodec.FORMAT_VERSION);
    }
  }

  private CorruptStoreException corrupt(String reason) {
    return new CorruptStoreException(storeFile, reason, null);
  }

  private CorruptStoreException corrupt(String reason, Throwable cause) {
    return new CorruptStoreException(storeFile, reason, cause);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root);
  }

  private static void closeQuietly(DB db, Throwable primary) {
    try {
      db.close();
    } catch (RuntimeException e) {
      primary.addSuppressed(e);
    }
  }
}
