package io.yamano.datastore.persist;

import static io.yamano.datastore.persist.TestEntries.bytes;
import static io.yamano.datastore.persist.TestEntries.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

class MapDbCommitLogTest {
  @TempDir Path dir;

  @Test
  void entryWithEveryValueTypeReadsBackEqual() throws IOException {
    var path = TestEntries.itemPath("rich");
    var entry =
        new JournalEntry(
            1,
            DatastoreName.CANDIDATE,
            "operator",
            Instant.parse("2024-05-01T10:15:30.123456789Z"),
            "all the types",
            List.of(
                new NodeChange(path, Optional.empty(), Optional.of(TestEntries.richItem("rich"))),
                new NodeChange(
                    TestEntries.itemPath("old"),
                    Optional.of(TestEntries.richItem("old")),
                    Optional.empty())));
    try (var log = MapDbCommitLog.open(dir)) {
      log.append(entry);
    }
    try (var log = MapDbCommitLog.open(dir)) {
      assertEquals(List.of(entry), log.recover().replay());
    }
  }

  @Test
  void entryWithoutChangesReadsBackEqual() throws IOException {
    var entry = new JournalEntry(1, DatastoreName.RUNNING, "u", Instant.EPOCH, "", List.of());
    try (var log = MapDbCommitLog.open(dir)) {
      log.append(entry);
      assertEquals(List.of(entry), log.recover().replay());
    }
  }

  @Test
  void reopenedLogReplaysEverythingAndContinues() throws IOException {
    try (var log = MapDbCommitLog.open(dir)) {
      for (long seq = 1; seq <= 10; seq++) {
        log.append(entry(seq));
      }
    }
    try (var log = MapDbCommitLog.open(dir)) {
      Recovery recovery = log.recover();
      assertEquals(0, recovery.snapshotSequence());
      assertEquals(entries(1, 10), recovery.replay());
      assertEquals(10, log.lastSequence());
      log.append(entry(11));
    }
    try (var log = MapDbCommitLog.open(dir)) {
      assertEquals(entries(1, 11), log.recover().replay());
    }
  }

  @Test
  void appendRefusesASequenceThatLeavesAGap() throws IOException {
    try (var log = MapDbCommitLog.open(dir)) {
      log.append(entry(1));
      assertThrows(IllegalArgumentException.class, () -> log.append(entry(3)));
      assertThrows(IllegalArgumentException.class, () -> log.append(entry(1)));
      assertEquals(entries(1, 1), log.recover().replay());
    }
  }

  @Test
  void snapshotCompactsJournalToHistoryDepth() throws IOException {
    ContainerNode root = TestEntries.root(20);
    try (var log = MapDbCommitLog.open(dir)) {
      for (long seq = 1; seq <= 120; seq++) {
        log.append(entry(seq));
      }
      log.snapshot(120, Map.of(DatastoreName.RUNNING, root));
      log.append(entry(121));
    }
    try (var log = MapDbCommitLog.open(dir)) {
      Recovery recovery = log.recover();
      assertEquals(120, recovery.snapshotSequence());
      assertEquals(Optional.of(root), recovery.snapshot(DatastoreName.RUNNING));
      assertEquals(Optional.empty(), recovery.snapshot(DatastoreName.STARTUP));
      assertEquals(entries(121, 121), recovery.replay());
      List<JournalEntry> history = log.history(1000);
      assertEquals(50, history.size());
      assertEquals(entry(121), history.get(0));
      assertEquals(entry(72), history.get(49));
      assertEquals(71, journalKeys().get(0), "compaction kept the 50 entries up to the snapshot");
    }
  }

  @Test
  void snapshotKeepsEntriesItDoesNotCover() throws IOException {
    try (var log = MapDbCommitLog.open(dir, 2)) {
      for (long seq = 1; seq <= 10; seq++) {
        log.append(entry(seq));
      }
      log.snapshot(5, Map.of(DatastoreName.RUNNING, TestEntries.root(1)));
      Recovery recovery = log.recover();
      assertEquals(entries(6, 10), recovery.replay());
      assertEquals(List.of(entry(10), entry(9)), log.history(5));
    }
  }

  @Test
  void historyIsNewestFirstAndLimited() throws IOException {
    try (var log = MapDbCommitLog.open(dir)) {
      for (long seq = 1; seq <= 5; seq++) {
        log.append(entry(seq));
      }
      assertEquals(List.of(entry(5), entry(4)), log.history(2));
    }
  }

  @Test
  void bytesSinceSnapshotGrowsWithAppendsAndResetsAtSnapshot() throws IOException {
    long before;
    try (var log = MapDbCommitLog.open(dir)) {
      log.append(entry(1));
      log.append(entry(2));
      before = log.bytesSinceSnapshot();
      assertTrue(before > 0);
    }
    try (var log = MapDbCommitLog.open(dir)) {
      assertEquals(before, log.bytesSinceSnapshot(), "survives reopening");
      log.snapshot(2, Map.of());
      assertEquals(0, log.bytesSinceSnapshot());
    }
  }

  @Test
  void propertiesAreWrittenWithTheAppend() throws IOException {
    try (var log = MapDbCommitLog.open(dir)) {
      log.append(entry(1), Map.of("confirmed-commit", bytes("pending")));
      log.putProperty("other", bytes("x"));
    }
    try (var log = MapDbCommitLog.open(dir)) {
      Map<String, byte[]> properties = log.recover().properties();
      assertArrayEquals(bytes("pending"), properties.get("confirmed-commit"));
      assertArrayEquals(bytes("x"), properties.get("other"));
      Map<String, byte[]> removal = new HashMap<>();
      removal.put("confirmed-commit", null);
      log.append(entry(2), removal);
      log.putProperty("other", null);
    }
    try (var log = MapDbCommitLog.open(dir)) {
      assertEquals(Map.of(), log.recover().properties());
    }
  }

  @Test
  void garbageStoreFileIsCorrupt() throws IOException {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);
    Files.write(dir.resolve(MapDbCommitLog.STORE_FILE), garbage);
    var e = assertThrows(CorruptStoreException.class, () -> MapDbCommitLog.open(dir));
    assertEquals(dir.resolve(MapDbCommitLog.STORE_FILE), e.file());
    assertTrue(e.getMessage().contains(MapDbCommitLog.STORE_FILE), e.getMessage());
    // the directory lock was released with the failure
    Files.delete(dir.resolve(MapDbCommitLog.STORE_FILE));
    MapDbCommitLog.open(dir).close();
  }

  @Test
  void damagedJournalRecordIsCorrupt() throws IOException {
    appendEntries(1, 3);
    withRawJournal(journal -> journal.put(2L, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    try (var log = MapDbCommitLog.open(dir)) {
      var e = assertThrows(CorruptStoreException.class, log::recover);
      assertTrue(e.getMessage().contains("journal entry 2"), e.getMessage());
    }
  }

  @Test
  void flippedByteInARecordIsCorrupt() throws IOException {
    appendEntries(1, 3);
    withRawJournal(
        journal -> {
          byte[] record = journal.get(3L);
          record[record.length / 2] ^= 0x10;
          journal.put(3L, record);
        });
    try (var log = MapDbCommitLog.open(dir)) {
      var e = assertThrows(CorruptStoreException.class, log::recover);
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
  }

  @Test
  void gapInJournalIsCorrupt() throws IOException {
    appendEntries(1, 4);
    withRawJournal(journal -> journal.remove(3L));
    try (var log = MapDbCommitLog.open(dir)) {
      var e = assertThrows(CorruptStoreException.class, log::recover);
      assertTrue(e.getMessage().contains("gap"), e.getMessage());
    }
  }

  @Test
  void storeFromNewerFormatIsRefused() throws IOException {
    appendEntries(1, 1);
    try (DB db = rawDb()) {
      db.treeMap(MapDbCommitLog.META, Serializer.STRING, Serializer.LONG)
          .open()
          .put(MapDbCommitLog.META_FORMAT, MapDbCommitLog.STORE_FORMAT + 1);
      db.commit();
    }
    var e = assertThrows(UnsupportedStoreVersionException.class, () -> MapDbCommitLog.open(dir));
    assertEquals(MapDbCommitLog.STORE_FORMAT + 1, e.found());
    assertTrue(e.getMessage().contains("newer Yamano"), e.getMessage());
  }

  @Test
  void recordFromNewerFormatIsRefused() throws IOException {
    appendEntries(1, 1);
    byte[] newer = RecordCodec.encodeEntry(entry(2));
    newer[4] = RecordCodec.FORMAT_VERSION + 1;
    resealed(newer);
    withRawJournal(journal -> journal.put(2L, newer));
    try (var log = MapDbCommitLog.open(dir)) {
      assertThrows(UnsupportedStoreVersionException.class, log::recover);
    }
  }

  @Test
  void secondOpenerInTheSameProcessIsRefused() throws IOException {
    try (var log = MapDbCommitLog.open(dir)) {
      var e = assertThrows(StoreInUseException.class, () -> MapDbCommitLog.open(dir));
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
    MapDbCommitLog.open(dir).close();
  }

  @Test
  void secondProcessIsRefused() throws Exception {
    try (var log = MapDbCommitLog.open(dir)) {
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
    var log = MapDbCommitLog.open(dir);
    log.close();
    log.close();
    assertThrows(IOException.class, () -> log.append(entry(1)));
  }

  private void appendEntries(long from, long to) throws IOException {
    try (var log = MapDbCommitLog.open(dir)) {
      for (long seq = from; seq <= to; seq++) {
        log.append(entry(seq));
      }
    }
  }

  private List<Long> journalKeys() throws IOException {
    // the log holds the directory; read the keys through a second MapDB handle on a copy
    Path copy = Files.createTempDirectory(dir, "copy");
    Files.copy(dir.resolve(MapDbCommitLog.STORE_FILE), copy.resolve(MapDbCommitLog.STORE_FILE));
    try (DB db =
        DBMaker.fileDB(copy.resolve(MapDbCommitLog.STORE_FILE).toFile())
            .transactionEnable()
            .make()) {
      return List.copyOf(
          db.treeMap(MapDbCommitLog.JOURNAL, Serializer.LONG, Serializer.BYTE_ARRAY)
              .open()
              .keySet());
    }
  }

  private DB rawDb() {
    return DBMaker.fileDB(dir.resolve(MapDbCommitLog.STORE_FILE).toFile())
        .transactionEnable()
        .make();
  }

  private void withRawJournal(java.util.function.Consumer<BTreeMap<Long, byte[]>> edit) {
    try (DB db = rawDb()) {
      edit.accept(
          db.treeMap(MapDbCommitLog.JOURNAL, Serializer.LONG, Serializer.BYTE_ARRAY).open());
      db.commit();
    }
  }

  private static void resealed(byte[] record) {
    var crc = new java.util.zip.CRC32C();
    crc.update(record, 0, record.length - 4);
    int value = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      record[record.length - 4 + i] = (byte) (value >>> (24 - 8 * i));
    }
  }

  static List<JournalEntry> entries(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(TestEntries::entry).toList();
  }

  @Test
  void freshStoreIsEmpty() throws IOException {
    try (var log = MapDbCommitLog.open(dir)) {
      Recovery recovery = log.recover();
      assertTrue(recovery.replay().isEmpty());
      assertTrue(recovery.snapshots().isEmpty());
      assertFalse(recovery.properties().containsKey("x"));
      assertEquals(0, log.lastSequence());
    }
  }
}
