package io.yamano.datastore.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The child process of the crash, disk-full and locking tests. Prints one line per event to stdout:
 * {@code durable N} once append N has returned, {@code opened}, {@code refused MESSAGE} or {@code
 * failed N MESSAGE}.
 *
 * <p>Modes: {@code append DIR} appends forever; {@code halt-before DIR K}, {@code halt-torn DIR K}
 * and {@code halt-after DIR K} append K entries, then halt the JVM just before the next frame is
 * written, after writing half of it, or after it is written and synced; {@code open DIR} opens and
 * exits; {@code fill DIR} appends large entries until an append fails.
 */
public final class CommitLogChild {
  /** Property written with every append: the sequence it belongs to. */
  static final String LAST = "last-appended";

  /** Small segments, so that kills also land while a new segment is started. */
  static final long SEGMENT_BYTES = 64 * 1024;

  private static volatile String armed = "";

  private CommitLogChild() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    if (mode.equals("open")) {
      try (var log = JournalFileCommitLog.open(dir)) {
        System.out.println("opened");
      } catch (StoreInUseException e) {
        System.out.println("refused " + e.getMessage());
      }
      System.out.flush();
      return;
    }
    long stopAfter = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
    try (var log =
        JournalFileCommitLog.open(
            dir,
            JournalFileCommitLog.DEFAULT_HISTORY_DEPTH,
            // a file size limit applies per file: the disk-full test needs one growing segment
            mode.equals("fill") ? JournalFileCommitLog.DEFAULT_SEGMENT_BYTES : SEGMENT_BYTES,
            new Halting())) {
      log.recover(); // refuses to continue on a store that does not read back
      long seq = log.lastSequence();
      for (long n = 1; ; n++) {
        seq++;
        if (n > stopAfter) {
          armed = mode;
        }
        JournalEntry entry = mode.equals("fill") ? big(seq) : TestEntries.entry(seq);
        try {
          log.append(entry, Map.of(LAST, ByteBuffer.allocate(8).putLong(seq).array()));
        } catch (IOException e) {
          System.out.println("failed " + seq + " " + e.getMessage().replace('\n', ' '));
          System.out.flush();
          return;
        }
        System.out.println("durable " + seq);
        System.out.flush();
      }
    }
  }

  /** Halts the JVM at the point the armed mode names. */
  private static final class Halting implements AppendHooks {
    @Override
    public void beforeWrite(FileChannel channel, ByteBuffer frame, long offset) throws IOException {
      if (armed.equals("halt-before")) {
        Runtime.getRuntime().halt(3);
      }
      if (armed.equals("halt-torn")) {
        channel.write(frame.limit(frame.limit() / 2), offset);
        channel.force(false);
        Runtime.getRuntime().halt(3);
      }
    }

    @Override
    public void afterForce() {
      if (armed.equals("halt-after")) {
        Runtime.getRuntime().halt(3);
      }
    }
  }

  /** An entry whose payload makes the store grow quickly (for the disk-full test). */
  static JournalEntry big(long seq) {
    JournalEntry small = TestEntries.entry(seq);
    String name = "big-" + seq;
    MapEntryNode item =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(
                NodeIdentifierWithPredicates.of(TestEntries.ITEM, TestEntries.NAME, name))
            .withChild(ImmutableNodes.leafNode(TestEntries.PAYLOAD, "y".repeat(64 * 1024)))
            .build();
    var change = new NodeChange(TestEntries.itemPath(name), Optional.empty(), Optional.of(item));
    return new JournalEntry(
        seq, small.datastore(), small.user(), small.time(), small.comment(), List.of(change));
  }
}
