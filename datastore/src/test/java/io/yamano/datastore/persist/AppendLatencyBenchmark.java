package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * Prints append latency with 100k entries in the journal and a 100k-entry list in the snapshot.
 * Measures, never asserts; run alone so other tests do not share the disk and cores:
 *
 * <pre>mvn -o -pl datastore test -Dtest=AppendLatencyBenchmark -Dyamano.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "yamano.bench", matches = "true")
class AppendLatencyBenchmark {
  private static final int EXISTING = 100_000;
  private static final int MEASURED = 2_000;

  @TempDir Path dir;

  @Test
  void appendLatencyWithALargeStore() throws IOException {
    // fill the journal directly in a few large MapDB commits: 100k fsynced appends take minutes
    try (var log = MapDbCommitLog.open(dir)) {
      // creates the store layout
    }
    try (DB db =
        DBMaker.fileDB(dir.resolve(MapDbCommitLog.STORE_FILE).toFile())
            .transactionEnable()
            .make()) {
      var journal =
          db.treeMap(MapDbCommitLog.JOURNAL, Serializer.LONG, Serializer.BYTE_ARRAY).open();
      for (long seq = 1; seq <= EXISTING; seq++) {
        journal.put(seq, RecordCodec.encodeEntry(TestEntries.entry(seq)));
        if (seq % 10_000 == 0) {
          db.commit();
        }
      }
      db.commit();
    }
    try (var log = MapDbCommitLog.open(dir, 10 * EXISTING)) {
      long start = System.nanoTime();
      log.snapshot(EXISTING, Map.of(DatastoreName.RUNNING, TestEntries.root(EXISTING)));
      double snapshotMs = (System.nanoTime() - start) / 1e6;
      long[] nanos = new long[MEASURED];
      for (int i = 0; i < MEASURED; i++) {
        JournalEntry entry = TestEntries.entry(EXISTING + 1 + i);
        long t0 = System.nanoTime();
        log.append(entry);
        nanos[i] = System.nanoTime() - t0;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "append latency, %d entries in journal + %d-entry snapshot (%d MB file): "
              + "p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d appends; snapshot write %.0f ms%n",
          EXISTING,
          EXISTING,
          Files.size(log.storeFile()) >> 20,
          nanos[MEASURED / 2] / 1e6,
          nanos[MEASURED * 99 / 100] / 1e6,
          nanos[MEASURED - 1] / 1e6,
          MEASURED,
          snapshotMs);
    }
  }
}
