package io.yamano.datastore.persist;

import io.yamano.datastore.DatastoreName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One committed transaction as it is written to the journal.
 *
 * @param sequence strictly increasing over the whole store, starting at 1
 * @param datastore the datastore the change was committed to
 * @param user who committed
 * @param time when the commit was made
 * @param comment the operator's comment, may be empty
 * @param changes the changed subtrees, in the order to apply them
 */
public record JournalEntry(
    long sequence,
    DatastoreName datastore,
    String user,
    Instant time,
    String comment,
    List<NodeChange> changes) {
  public JournalEntry {
    Objects.requireNonNull(datastore, "datastore");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(comment, "comment");
    changes = List.copyOf(changes);
  }
}
