package io.yamano.datastore.persist;

import static io.yamano.datastore.persist.TestEntries.bytes;
import static io.yamano.datastore.persist.TestEntries.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

class JournalFileCommitLogTest {
  /** Small enough that a few test entries fill a segment. */
  private static final long SMALL_SEGMENTS = 4096;

  @TempDir Path dir;

  @Test
  void entryWithEveryValueTypeReadsBackEqual() throws IOException {
    var entry =
        new JournalEntry(
            1,
            DatastoreName.CANDIDATE,
            "operator",
            Instant.parse("2024-05-01T10:15:30.123456789Z"),
            "all the types",
            List.of(
                new NodeChange(
                    TestEntries.itemPath("rich"),
                    Optional.empty(),
                    Optional.of(TestEntries.richItem("rich"))),
                new NodeChange(
                    TestEntries.itemPath("old"),
                    Optional.of(TestEntries.richItem("old")),
                    Optional.empty())));
    try (var log = JournalFileCommitLog.open(dir)) {
      log.append(entry);
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(List.of(entry), log.recover().replay());
    }
  }

  @Test
  void entryWithoutChangesReadsBackEqual() throws IOException {
    var entry = new JournalEntry(1, DatastoreName.RUNNING, "u", Instant.EPOCH, "", List.of());
    try (var log = JournalFileCommitLog.open(dir)) {
      log.append(entry);
      assertEquals(List.of(entry), log.recover().replay());
    }
  }

  @Test
  void freshStoreIsEmpty() throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      Recovery recovery = log.recover();
      assertTrue(recovery.replay().isEmpty());
      assertTrue(recovery.snapshots().isEmpty());
      assertFalse(recovery.properties().containsKey("x"));
      assertEquals(0, log.lastSequence());
    }
  }

  @Test
  void reopenedLogReplaysEverythingAndContinues() throws IOException {
    appendEntries(1, 10);
    try (var log = JournalFileCommitLog.open(dir)) {
      Recovery recovery = log.recover();
      assertEquals(0, recovery.snapshotSequence());
      assertEquals(entries(1, 10), recovery.replay());
      assertEquals(10, log.lastSequence());
      log.append(entry(11));
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(entries(1, 11), log.recover().replay());
    }
  }

  @Test
  void journalSpreadOverSegmentsReadsBackInOrder() throws IOException {
    try (var log = openSmall()) {
      for (long seq = 1; seq <= 30; seq++) {
        log.append(entry(seq));
      }
    }
    assertTrue(segments().size() > 5, "segments: " + segments());
    assertEquals(
        dir.resolve(JournalFormat.segmentName(1)), segments().get(0), "named by first sequence");
    try (var log = openSmall()) {
      assertEquals(entries(1, 30), log.recover().replay());
    }
  }

  @Test
  void appendRefusesASequenceThatLeavesAGap() throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      log.append(entry(1));
      assertThrows(IllegalArgumentException.class, () -> log.append(entry(3)));
      assertThrows(IllegalArgumentException.class, () -> log.append(entry(1)));
      assertEquals(entries(1, 1), log.recover().replay());
    }
  }

  @Test
  void snapshotCompactsJournalToHistoryDepth() throws IOException {
    ContainerNode root = TestEntries.root(20);
    try (var log = openSmall()) {
      for (long seq = 1; seq <= 120; seq++) {
        log.append(entry(seq));
      }
      log.snapshot(120, Map.of(DatastoreName.RUNNING, root));
      log.append(entry(121));
    }
    long firstKept = JournalFormat.segmentSequence(segments().get(0)).orElseThrow();
    assertTrue(firstKept > 1 && firstKept <= 71, "history needs 71.., kept from " + firstKept);
    try (var log = openSmall()) {
      Recovery recovery = log.recover();
      assertEquals(120, recovery.snapshotSequence());
      assertEquals(Optional.of(root), recovery.snapshot(DatastoreName.RUNNING));
      assertEquals(Optional.empty(), recovery.snapshot(DatastoreName.STARTUP));
      assertEquals(entries(121, 121), recovery.replay());
      List<JournalEntry> history = log.history(1000);
      assertEquals(50, history.size());
      assertEquals(entry(121), history.get(0));
      assertEquals(entry(72), history.get(49));
    }
  }

  @Test
  void snapshotReplacesTheOlderSnapshotFile() throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      appendTo(log, 1, 4);
      log.snapshot(2, Map.of(DatastoreName.RUNNING, TestEntries.root(1)));
      log.snapshot(4, Map.of(DatastoreName.RUNNING, TestEntries.root(2)));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(JournalFormat.snapshotName(4)),
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.startsWith("snapshot-"))
              .toList());
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(Optional.of(TestEntries.root(2)), log.recover().snapshot(DatastoreName.RUNNING));
    }
  }

  @Test
  void snapshotKeepsEntriesItDoesNotCover() throws IOException {
    try (var log = JournalFileCommitLog.open(dir, 2, SMALL_SEGMENTS, AppendHooks.NONE)) {
      appendTo(log, 1, 10);
      log.snapshot(5, Map.of(DatastoreName.RUNNING, TestEntries.root(1)));
      assertEquals(entries(6, 10), log.recover().replay());
      assertEquals(List.of(entry(10), entry(9)), log.history(5));
    }
    try (var log = JournalFileCommitLog.open(dir, 2)) {
      assertEquals(entries(6, 10), log.recover().replay());
      assertEquals(List.of(entry(10), entry(9)), log.history(5));
    }
  }

  @Test
  void historyIsNewestFirstAndLimited() throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      appendTo(log, 1, 5);
      assertEquals(List.of(entry(5), entry(4)), log.history(2));
    }
  }

  @Test
  void bytesSinceSnapshotGrowsWithAppendsAndResetsAtSnapshot() throws IOException {
    long before;
    try (var log = JournalFileCommitLog.open(dir)) {
      log.append(entry(1));
      log.append(entry(2));
      before = log.bytesSinceSnapshot();
      assertTrue(before > 0);
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(before, log.bytesSinceSnapshot(), "survives reopening");
      log.snapshot(2, Map.of());
      assertEquals(0, log.bytesSinceSnapshot());
    }
  }

  @Test
  void propertiesAreWrittenWithTheAppend() throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      log.append(entry(1), Map.of("confirmed-commit", bytes("pending")));
      log.putProperty("other", bytes("x"));
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      Map<String, byte[]> properties = log.recover().properties();
      assertArrayEquals(bytes("pending"), properties.get("confirmed-commit"));
      assertArrayEquals(bytes("x"), properties.get("other"));
      Map<String, byte[]> removal = new HashMap<>();
      removal.put("confirmed-commit", null);
      log.append(entry(2), removal);
      log.putProperty("other", null);
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(Map.of(), log.recover().properties());
    }
  }

  @Test
  void propertiesSurviveCompactionAndKeptHistorySegments() throws IOException {
    try (var log = openSmall()) {
      log.append(entry(1), Map.of("p", bytes("old"), "gone", bytes("soon")));
      appendTo(log, 2, 20);
      log.putProperty("p", bytes("new"));
      log.putProperty("gone", null);
      log.snapshot(20, Map.of());
      log.append(entry(21), Map.of("q", bytes("after")));
    }
    try (var log = openSmall()) {
      Map<String, byte[]> properties = log.recover().properties();
      assertArrayEquals(bytes("new"), properties.get("p"));
      assertNull(properties.get("gone"), "removed before the snapshot, set again in kept history");
      assertArrayEquals(bytes("after"), properties.get("q"));
    }
  }

  @Test
  void tornTailIsTruncatedAndAppendingContinues() throws IOException {
    appendEntries(1, 3);
    Path segment = lastSegment();
    long clean = Files.size(segment);
    ByteBuffer frame = frameOf(entry(4));
    appendRaw(segment, frame.array(), frame.remaining() / 2);
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(clean, Files.size(segment), "the partial frame is cut away");
      assertEquals(3, log.lastSequence());
      assertEquals(entries(1, 3), log.recover().replay());
      log.append(entry(4));
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(entries(1, 4), log.recover().replay());
    }
  }

  @Test
  void tornFrameHeaderAndZeroTailAreTruncated() throws IOException {
    appendEntries(1, 2);
    appendRaw(lastSegment(), frameOf(entry(3)).array(), 5);
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(entries(1, 2), log.recover().replay());
    }
    // a power loss can leave the file longer than the data written into it
    appendRaw(lastSegment(), new byte[3000], 3000);
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(entries(1, 2), log.recover().replay());
    }
  }

  @Test
  void flippedByteInAMiddleRecordIsCorrupt() throws IOException {
    appendEntries(1, 3);
    Path segment = lastSegment();
    List<Long> offsets = frameOffsets(segment);
    flipByte(segment, offsets.get(1) + 40);
    var e = assertThrows(CorruptStoreException.class, () -> JournalFileCommitLog.open(dir));
    assertEquals(segment, e.file());
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    assertTrue(e.getMessage().contains("whole frame follows"), e.getMessage());
  }

  @Test
  void damagedLengthOfAMiddleRecordIsNotMistakenForATornTail() throws IOException {
    appendEntries(1, 5);
    Path segment = lastSegment();
    // the length of entry 2 now points past the end of the file, as a torn write would
    writeRaw(segment, frameOffsets(segment).get(1) + 4, ByteBuffer.allocate(4).putInt(1 << 20));
    var e = assertThrows(CorruptStoreException.class, () -> JournalFileCommitLog.open(dir));
    assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
    assertTrue(e.getMessage().contains("not a torn last write"), e.getMessage());
  }

  @Test
  void damageAtTheEndOfAnEarlierSegmentIsCorrupt() throws IOException {
    try (var log = openSmall()) {
      appendTo(log, 1, 20);
    }
    Path first = segments().get(0);
    flipByte(first, Files.size(first) - 2);
    var e = assertThrows(CorruptStoreException.class, this::openSmall);
    assertEquals(first, e.file());
    assertTrue(e.getMessage().contains("not the last"), e.getMessage());
  }

  @Test
  void missingSegmentIsAGap() throws IOException {
    try (var log = openSmall()) {
      appendTo(log, 1, 20);
    }
    Files.delete(segments().get(1));
    var e = assertThrows(CorruptStoreException.class, this::openSmall);
    assertTrue(e.getMessage().contains("gap"), e.getMessage());
  }

  @Test
  void missingFirstSegmentWithoutSnapshotIsCorrupt() throws IOException {
    try (var log = openSmall()) {
      appendTo(log, 1, 20);
    }
    Files.delete(segments().get(0));
    var e = assertThrows(CorruptStoreException.class, this::openSmall);
    assertTrue(e.getMessage().contains("are missing"), e.getMessage());
  }

  @Test
  void garbageSegmentIsCorruptAndReleasesTheLock() throws IOException {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);
    Path segment = dir.resolve(JournalFormat.segmentName(1));
    Files.write(segment, garbage);
    var e = assertThrows(CorruptStoreException.class, () -> JournalFileCommitLog.open(dir));
    assertEquals(segment, e.file());
    assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
    Files.delete(segment);
    JournalFileCommitLog.open(dir).close();
  }

  @Test
  void damagedSnapshotIsCorrupt() throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      appendTo(log, 1, 3);
      log.snapshot(3, Map.of(DatastoreName.RUNNING, TestEntries.root(5)));
    }
    Path snapshot = dir.resolve(JournalFormat.snapshotName(3));
    flipByte(snapshot, Files.size(snapshot) / 2);
    var e = assertThrows(CorruptStoreException.class, () -> JournalFileCommitLog.open(dir));
    assertEquals(snapshot, e.file());
  }

  @Test
  void leftoverTemporaryFilesAreIgnored() throws IOException {
    appendEntries(1, 2);
    Files.write(dir.resolve(JournalFormat.snapshotName(2) + JournalFormat.TEMP_SUFFIX), bytes("x"));
    Files.write(dir.resolve(JournalFormat.segmentName(3) + JournalFormat.TEMP_SUFFIX), bytes("y"));
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(entries(1, 2), log.recover().replay());
      assertEquals(0, log.recover().snapshotSequence());
    }
  }

  @Test
  void segmentFromNewerFormatIsRefused() throws IOException {
    appendEntries(1, 1);
    Path segment = lastSegment();
    ByteBuffer header = JournalFormat.segmentHeader(1);
    header.put(4, (byte) (JournalFormat.FORMAT_VERSION + 1));
    header.putInt(JournalFormat.HEADER_BYTES - 4, JournalFormat.crc(header.array(), 0, 13));
    writeRaw(segment, 0, header);
    var e =
        assertThrows(UnsupportedStoreVersionException.class, () -> JournalFileCommitLog.open(dir));
    assertEquals(JournalFormat.FORMAT_VERSION + 1, e.found());
    assertTrue(e.getMessage().contains("newer Yamano"), e.getMessage());
  }

  @Test
  void recordFromNewerFormatIsRefused() throws IOException {
    appendEntries(1, 1);
    byte[] newer = RecordCodec.encodeEntry(entry(2));
    newer[4] = RecordCodec.FORMAT_VERSION + 1;
    resealed(newer);
    ByteBuffer frame = JournalFormat.frame(new JournalRecord(2, newer, Map.of()).encode());
    appendRaw(lastSegment(), frame.array(), frame.remaining());
    try (var log = JournalFileCommitLog.open(dir)) {
      assertThrows(UnsupportedStoreVersionException.class, log::recover);
    }
  }

  @Test
  void failedAppendLeavesNoPartialFrameAndTheLogGoesOn() throws IOException {
    List<FaultyChannel> channels = new ArrayList<>();
    try (var log = JournalFileCommitLog.open(dir, 50, 1 << 20, faulty(channels, 1 << 30))) {
      appendTo(log, 1, 2);
      Path segment = lastSegment();
      long clean = Files.size(segment);
      channels.get(0).refill(100);
      var e = assertThrows(IOException.class, () -> log.append(entry(3)));
      assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
      assertEquals(clean, Files.size(segment), "the partial frame was cut away");
      channels.get(0).refill(1 << 30);
      log.append(entry(3));
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(entries(1, 3), log.recover().replay());
    }
  }

  @Test
  void failedUndoClosesTheLogAndReopenTrimsThePartialFrame() throws IOException {
    List<FaultyChannel> channels = new ArrayList<>();
    try (var log = JournalFileCommitLog.open(dir, 50, 1 << 20, faulty(channels, 1 << 30))) {
      appendTo(log, 1, 2);
      channels.get(0).refill(100);
      channels.get(0).failTruncate();
      var e = assertThrows(IOException.class, () -> log.append(entry(3)));
      assertTrue(e.getMessage().contains("reopen"), e.getMessage());
      channels.get(0).refill(1 << 30);
      assertThrows(IOException.class, () -> log.append(entry(3)));
      assertThrows(IOException.class, () -> log.putProperty("k", bytes("v")));
      assertThrows(IOException.class, log::recover);
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(entries(1, 2), log.recover().replay());
      log.append(entry(3));
    }
  }

  @Test
  void secondOpenerInTheSameProcessIsRefused() throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      var e = assertThrows(StoreInUseException.class, () -> JournalFileCommitLog.open(dir));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
    JournalFileCommitLog.open(dir).close();
  }

  @Test
  void secondProcessIsRefused() throws Exception {
    try (var log = JournalFileCommitLog.open(dir)) {
      log.append(entry(1));
      ChildJvm child = ChildJvm.start("open", dir);
      assertEquals(0, child.awaitExit(60));
      List<String> lines = child.lines();
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(
          lines.get(0).startsWith("refused ") && lines.get(0).contains("in use"), lines.get(0));
    }
  }

  @Test
  void closedLogRefusesWrites() throws IOException {
    var log = JournalFileCommitLog.open(dir);
    log.close();
    log.close();
    assertThrows(IOException.class, () -> log.append(entry(1)));
  }

  private JournalFileCommitLog openSmall() throws IOException {
    return JournalFileCommitLog.open(
        dir, JournalFileCommitLog.DEFAULT_HISTORY_DEPTH, SMALL_SEGMENTS, AppendHooks.NONE);
  }

  private static AppendHooks faulty(List<FaultyChannel> opened, long budget) {
    return new AppendHooks() {
      @Override
      public FileChannel wrap(FileChannel channel) {
        var faulty = new FaultyChannel(channel, budget);
        opened.add(faulty);
        return faulty;
      }
    };
  }

  private void appendEntries(long from, long to) throws IOException {
    try (var log = JournalFileCommitLog.open(dir)) {
      appendTo(log, from, to);
    }
  }

  private static void appendTo(CommitLog log, long from, long to) throws IOException {
    for (long seq = from; seq <= to; seq++) {
      log.append(entry(seq));
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> JournalFormat.segmentSequence(f).isPresent()).sorted().toList();
    }
  }

  private Path lastSegment() throws IOException {
    List<Path> all = segments();
    return all.get(all.size() - 1);
  }

  static ByteBuffer frameOf(JournalEntry entry) throws IOException {
    return JournalFormat.frame(
        new JournalRecord(entry.sequence(), RecordCodec.encodeEntry(entry), Map.of()).encode());
  }

  /** Offsets of the frames in a well-formed segment. */
  private static List<Long> frameOffsets(Path segment) throws IOException {
    byte[] bytes = Files.readAllBytes(segment);
    List<Long> offsets = new ArrayList<>();
    int at = JournalFormat.HEADER_BYTES;
    while (at < bytes.length) {
      offsets.add((long) at);
      at += JournalFormat.FRAME_OVERHEAD + ByteBuffer.wrap(bytes, at + 4, 4).getInt();
    }
    return offsets;
  }

  static void appendRaw(Path file, byte[] bytes, int length) throws IOException {
    try (var channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap(bytes, 0, length));
    }
  }

  private static void writeRaw(Path file, long offset, ByteBuffer bytes) throws IOException {
    try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.write(bytes.rewind(), offset);
    }
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (var channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ 0x10));
      channel.write(one.rewind(), offset);
    }
  }

  private static void resealed(byte[] record) {
    int value = JournalFormat.crc(record, 0, record.length - 4);
    ByteBuffer.wrap(record, record.length - 4, 4).putInt(value);
  }

  static List<JournalEntry> entries(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(TestEntries::entry).toList();
  }
}
