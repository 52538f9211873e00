package io.yamano.datastore.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends and reports each durable sequence; it is killed (SIGKILL) or halts itself
 * around the journal write. The reopened store must hold every reported sequence, contiguous from
 * 1, each entry whole, and the property written with each append must match the last entry.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void sigkillAtRandomMomentsLosesNothingReportedDurable() throws Exception {
    var random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    long reported = 0;
    for (int round = 0; round < 6; round++) {
      ChildJvm child = ChildJvm.start("append", dir);
      assertTrue(child.awaitFirstDurable(60), "child never appended: " + child.lines());
      Thread.sleep(random.nextInt(400));
      child.kill();
      List<Long> durable = child.durable();
      if (!durable.isEmpty()) {
        assertEquals(reported + 1, durable.get(0), "child continued where the store ended");
        reported = durable.get(durable.size() - 1);
      }
      long last = verifyStore("round " + round + " (seed " + seed + ")", reported);
      assertTrue(
          last <= reported + 1,
          "at most the in-flight append appears beyond the reported: reported "
              + reported
              + ", store ends at "
              + last
              + ", child said "
              + child.lines());
      reported = last;
    }
  }

  @Test
  void haltJustBeforeTheWriteLeavesThePreviousState() throws Exception {
    ChildJvm child = ChildJvm.start("halt-before", dir, "5");
    assertEquals(3, child.awaitExit(60), child.lines().toString());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), child.durable());
    assertEquals(5, verifyStore("halt before the write", 5));
  }

  @Test
  void haltHalfwayThroughTheWriteLeavesThePreviousState() throws Exception {
    ChildJvm child = ChildJvm.start("halt-torn", dir, "5");
    assertEquals(3, child.awaitExit(60), child.lines().toString());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), child.durable());
    assertEquals(5, verifyStore("halt halfway through the write", 5));
    assertEquals(5, verifyStore("second open after the torn write", 5));
  }

  @Test
  void haltJustAfterTheSyncKeepsTheEntry() throws Exception {
    ChildJvm child = ChildJvm.start("halt-after", dir, "5");
    assertEquals(3, child.awaitExit(60), child.lines().toString());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), child.durable());
    assertEquals(6, verifyStore("halt after the sync", 5));
  }

  /** Checks the store and returns its last sequence. */
  static long verifyStore(Path dir, String when, long reportedDurable) throws Exception {
    try (var log = JournalFileCommitLog.open(dir)) {
      Recovery recovery = log.recover();
      List<JournalEntry> replay = recovery.replay();
      assertEquals(0, recovery.snapshotSequence());
      for (int i = 0; i < replay.size(); i++) {
        assertEquals(TestEntries.entry(i + 1), replay.get(i), when + ": entry " + (i + 1));
      }
      long last = replay.size();
      assertEquals(last, log.lastSequence(), when);
      assertTrue(
          last >= reportedDurable,
          when + ": reported " + reportedDurable + " durable, store ends at " + last);
      if (last > 0) {
        assertArrayEquals(
            ByteBuffer.allocate(8).putLong(last).array(),
            recovery.properties().get(CommitLogChild.LAST),
            when + ": property committed with the last entry");
      }
      return last;
    }
  }

  private long verifyStore(String when, long reportedDurable) throws Exception {
    return verifyStore(dir, when, reportedDurable);
  }
}
