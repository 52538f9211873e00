package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

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
    // write the existing journal as frames with one sync at the end: 100k synced appends take long
    try (var log = JournalFileCommitLog.open(dir)) {
      // creates the first segment
    }
    Path segment = dir.resolve(JournalFormat.segmentName(1));
    try (var channel = FileChannel.open(segment, StandardOpenOption.APPEND)) {
      for (long seq = 1; seq <= EXISTING; seq++) {
        ByteBuffer frame = JournalFileCommitLogTest.frameOf(TestEntries.entry(seq));
        while (frame.hasRemaining()) {
          channel.write(frame);
        }
      }
      channel.force(true);
    }
    long start = System.nanoTime();
    try (var log = JournalFileCommitLog.open(dir, 10 * EXISTING)) {
      double openMs = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
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
          "append latency, %d entries in journal + %d-entry snapshot (%d MB in %s): "
              + "p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d appends; "
              + "open (scan) %.0f ms, snapshot write %.0f ms%n",
          EXISTING,
          EXISTING,
          directorySize() >> 20,
          dir.getFileSystem().provider().getFileStore(dir).type(),
          nanos[MEASURED / 2] / 1e6,
          nanos[MEASURED * 99 / 100] / 1e6,
          nanos[MEASURED - 1] / 1e6,
          MEASURED,
          openMs,
          snapshotMs);
    }
  }

  private long directorySize() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path file : (Iterable<Path>) files::iterator) {
        total += Files.size(file);
      }
      return total;
    }
  }
}
