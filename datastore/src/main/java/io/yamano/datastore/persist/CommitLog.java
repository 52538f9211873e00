package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The durable record of every datastore: a journal of committed changes plus periodic full
 * snapshots. Implementations guarantee that {@link #append} is durable when it returns, costs
 * O(size of the change), and that a crash at any instant leaves either the state before or the
 * state after the append. The same guarantees hold for {@link #putProperty}.
 *
 * <p>Not thread-safe: the datastore serialises commits and calls this from one thread at a time.
 */
public interface CommitLog extends AutoCloseable {

  /**
   * Reads the store as it was left.
   *
   * @throws CorruptStoreException if the store cannot be read back faithfully; never returns a
   *     partial state
   */
  Recovery recover() throws IOException;

  /** Appends one commit; durable on return. The sequence must be above every earlier one. */
  void append(JournalEntry entry) throws IOException;

  /**
   * Appends one commit and atomically sets properties with it (e.g. a confirmed-commit record that
   * must appear or vanish together with the commit). A {@code null} value removes the property.
   */
  void append(JournalEntry entry, Map<String, byte[]> properties) throws IOException;

  /**
   * Writes full snapshots of the given datastores as of {@code sequence} (the last appended entry)
   * and lets the journal before it be compacted, keeping at least {@link #historyDepth()} entries
   * for {@link #history}.
   */
  void snapshot(long sequence, Map<DatastoreName, NormalizedNode> roots) throws IOException;

  /** Sets (or with {@code null} removes) a named property durably. */
  void putProperty(String key, byte[] value) throws IOException;

  /** The newest {@code limit} journal entries, newest first (at most {@link #historyDepth()}). */
  List<JournalEntry> history(int limit) throws IOException;

  /** How many of the newest journal entries are kept after compaction (50 by default). */
  int historyDepth();

  /** Bytes of journal appended since the last snapshot: lets the caller decide when to snapshot. */
  long bytesSinceSnapshot();

  @Override
  void close() throws IOException;
}
