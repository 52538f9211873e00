package io.yamano.datastore;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The typed change set of one commit, as subscribers and validation hooks receive it. It lists
 * every changed node from the outermost modified ancestors ({@link ChangeKind#MODIFIED}) down to
 * the created, deleted and replaced subtrees; the subtrees' own descendants are not repeated.
 *
 * @param sequence the commit's sequence number (0 while the commit is still being validated)
 * @param datastore the datastore changed
 * @param user who committed
 * @param time when
 * @param comment the operator's comment (may be empty)
 * @param changes the changed nodes in document order, parents before children
 * @param rootAfter the datastore's whole tree after the commit (for hooks that need context)
 * @param sessionId the session that made the commit; 0 when the server made it on its own (a
 *     confirmed commit undone when its timeout passed), for {@code changed-by} of RFC 6470 §2.1
 */
public record ChangeSet(
    long sequence,
    DatastoreName datastore,
    String user,
    Instant time,
    String comment,
    List<DataChange> changes,
    NormalizedNode rootAfter,
    long sessionId) {
  public ChangeSet {
    changes = List.copyOf(changes);
  }

  /** A change set not attributed to a session. */
  public ChangeSet(
      long sequence,
      DatastoreName datastore,
      String user,
      Instant time,
      String comment,
      List<DataChange> changes,
      NormalizedNode rootAfter) {
    this(sequence, datastore, user, time, comment, changes, rootAfter, 0);
  }

  /** The changes at or below {@code prefix}. */
  public Stream<DataChange> under(YangInstanceIdentifier prefix) {
    return changes.stream().filter(c -> prefix.contains(c.path()));
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
