package io.yamano.lcm;

import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.persist.CommitLog;
import io.yamano.datastore.persist.JournalEntry;
import io.yamano.datastore.persist.Recovery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/** A commit log in memory that outlives the datastore using it, as a disk would. */
public final class MemoryLog implements CommitLog {
  private final List<JournalEntry> entries = new ArrayList<>();
  private final Map<DatastoreName, NormalizedNode> snapshots = new EnumMap<>(DatastoreName.class);
  private final Map<String, byte[]> properties = new HashMap<>();
  private long snapshotSequence;

  @Override
  public synchronized Recovery recover() {
    var replay = entries.stream().filter(e -> e.sequence() > snapshotSequence).toList();
    return new Recovery(
        new EnumMap<>(snapshots), snapshotSequence, replay, new HashMap<>(properties));
  }

  @Override
  public synchronized void append(JournalEntry entry) {
    append(entry, Map.of());
  }

  @Override
  public synchronized void append(JournalEntry entry, Map<String, byte[]> props) {
    entries.add(entry);
    props.forEach(
        (k, v) -> {
          if (v == null) {
            properties.remove(k);
          } else {
            properties.put(k, v);
          }
        });
  }

  @Override
  public synchronized void snapshot(long sequence, Map<DatastoreName, NormalizedNode> roots) {
    snapshots.putAll(roots);
    snapshotSequence = sequence;
    entries.removeIf(e -> e.sequence() <= sequence);
  }

  @Override
  public synchronized void putProperty(String key, byte[] value) {
    if (value == null) {
      properties.remove(key);
    } else {
      properties.put(key, value);
    }
  }

  @Override
  public synchronized List<JournalEntry> history(int limit) {
    var out = new ArrayList<JournalEntry>();
    for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
      out.add(entries.get(i));
    }
    return out;
  }

  @Override
  public int historyDepth() {
    return 50;
  }

  @Override
  public long bytesSinceSnapshot() {
    return 0;
  }

  @Override
  public void close() {}
}
