package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * What a {@link CommitLog} holds at start-up: the newest full snapshot of each datastore and the
 * journal entries committed after it. Applying {@code replay} in order to the snapshots gives the
 * state of the last durable commit.
 *
 * @param snapshots the root node of each datastore as of {@code snapshotSequence}; a datastore
 *     without a snapshot is absent (empty)
 * @param snapshotSequence the sequence number the snapshots include (0 if none)
 * @param replay journal entries with a sequence above {@code snapshotSequence}, ascending
 * @param properties small named values kept with the store (e.g. confirmed-commit state)
 */
public record Recovery(
    Map<DatastoreName, NormalizedNode> snapshots,
    long snapshotSequence,
    List<JournalEntry> replay,
    Map<String, byte[]> properties) {
  public Recovery {
    snapshots = Map.copyOf(snapshots);
    replay = List.copyOf(replay);
    properties = Map.copyOf(properties);
  }

  public Optional<NormalizedNode> snapshot(DatastoreName name) {
    return Optional.ofNullable(snapshots.get(name));
  }
}
