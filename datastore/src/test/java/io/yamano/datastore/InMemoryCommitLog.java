package io.yamano.datastore;

import io.yamano.datastore.persist.CommitLog;
import io.yamano.datastore.persist.JournalEntry;
import io.yamano.datastore.persist.Recovery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/** A commit log kept in memory: lets the datastore's own tests run without disk. */
final class InMemoryCommitLog implements CommitLog {
  final List<JournalEntry> entries = new ArrayList<>();
  final Map<DatastoreName, NormalizedNode> snapshots = new EnumMap<>(DatastoreName.class);
  final Map<String, byte[]> properties = new HashMap<>();
  long snapshotSequence;
  boolean failNextAppend;

  @Override
  public Recovery recover() {
    var replay = entries.stream().filter(e -> e.sequence() > snapshotSequence).toList();
    return new Recovery(snapshots, snapshotSequence, replay, properties);
  }

  @Override
  public void append(JournalEntry entry) throws IOException {
    append(entry, Map.of());
  }

  @Override
  public void append(JournalEntry entry, Map<String, byte[]> props) throws IOException {
    if (failNextAppend) {
      failNextAppend = false;
      throw new IOException("No space left on device");
    }
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
  public void snapshot(long sequence, Map<DatastoreName, NormalizedNode> roots) {
    snapshots.putAll(roots);
    snapshotSequence = sequence;
  }

  @Override
  public void putProperty(String key, byte[] value) {
    properties.put(key, value);
  }

  @Override
  public List<JournalEntry> history(int limit) {
    var out = new ArrayList<JournalEntry>();
    for (int i = entries.size() - 1; i >= 0 && out.size() < Math.min(limit, historyDepth()); i--) {
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
