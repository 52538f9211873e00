package io.yamano.datastore.persist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM under a file size limit ({@code ulimit -f}, which makes writes past it fail with
 * EFBIG like a full disk) appends large entries until an append fails. The store must then hold
 * exactly the acknowledged entries and accept appends again once there is room.
 */
class DiskFullTest {
  /** In 1024-byte blocks (bash): about 30 of the child's 64 KiB entries. */
  private static final int LIMIT_BLOCKS = 2048;

  @TempDir Path dir;

  @Test
  void appendThatHitsTheLimitFailsAndLeavesExactlyTheAcknowledgedEntries() throws Exception {
    ChildJvm child = ChildJvm.start("ulimit -f " + LIMIT_BLOCKS, "fill", dir);
    assertEquals(0, child.awaitExit(120), child.lines().toString());
    List<Long> durable = child.durable();
    List<String> lines = child.lines();
    assertFalse(durable.isEmpty(), lines.toString());
    long acknowledged = durable.get(durable.size() - 1);
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("failed " + (acknowledged + 1) + " "), last);
    assertTrue(last.contains("nothing was written"), last);

    Path segment = dir.resolve(JournalFormat.segmentName(1));
    long size = Files.size(segment);
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(size, Files.size(segment), "no partial frame was left to trim");
      Recovery recovery = log.recover();
      assertEquals(
          LongStream.rangeClosed(1, acknowledged).mapToObj(CommitLogChild::big).toList(),
          recovery.replay());
      assertArrayEquals(
          ByteBuffer.allocate(8).putLong(acknowledged).array(),
          recovery.properties().get(CommitLogChild.LAST));
      log.append(CommitLogChild.big(acknowledged + 1));
    }
    try (var log = JournalFileCommitLog.open(dir)) {
      assertEquals(acknowledged + 1, log.recover().replay().size());
    }
  }
}
