package io.yamano.datastore.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The child process of the crash and locking tests. Prints one line per event to stdout: {@code
 * durable N} once append N has returned, {@code opened}, {@code refused MESSAGE} or {@code failed N
 * MESSAGE}.
 *
 * <p>Modes: {@code append DIR} appends forever; {@code halt-before DIR K} and {@code halt-after DIR
 * K} append K entries, then halt the JVM just before or just after MapDB commits the next one;
 * {@code open DIR} opens and exits; {@code fill DIR} appends large entries until an append fails.
 */
public final class CommitLogChild {
  /** Property written with every append: the sequence it belongs to. */
  static final String LAST = "last-appended";

  private static volatile boolean armedBefore;
  private static volatile boolean armedAfter;

  private CommitLogChild() {}

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    if (mode.equals("open")) {
      try (var log = MapDbCommitLog.open(dir)) {
        System.out.println("opened");
      } catch (StoreInUseException e) {
        System.out.println("refused " + e.getMessage());
      }
      System.out.flush();
      return;
    }
    long stopAfter = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
    try (var log =
        MapDbCommitLog.open(
            dir,
            MapDbCommitLog.DEFAULT_HISTORY_DEPTH,
            () -> haltIf(armedBefore),
            () -> haltIf(armedAfter))) {
      log.recover(); // refuses to continue on a store that does not read back
      long seq = log.lastSequence();
      for (long n = 1; ; n++) {
        seq++;
        if (n > stopAfter) {
          armedBefore = mode.equals("halt-before");
          armedAfter = mode.equals("halt-after");
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

  private static void haltIf(boolean armed) {
    if (armed) {
      Runtime.getRuntime().halt(3);
    }
  }
}
