package io.yamano.restconf;

import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When each datastore last changed, for {@code Last-Modified} (<a
 * href="https://www.rfc-editor.org/rfc/rfc8040#section-3.4.1.1">RFC 8040 §3.4.1.1</a>): kept per
 * datastore, not per data node, so a conditional request on a node errs on the side of "modified".
 * Seconds are the resolution of HTTP dates.
 */
final class ChangeClock implements AutoCloseable {
  private final Map<DatastoreName, Instant> last = new EnumMap<>(DatastoreName.class);
  private final List<AutoCloseable> subscriptions = new ArrayList<>();

  ChangeClock(Datastore datastore, Instant start) {
    Instant initial = start;
    try {
      var newest = datastore.history(1);
      if (!newest.isEmpty()) {
        initial = newest.get(0).time();
      }
    } catch (IOException e) {
      // the start time is a safe "last changed"
    }
    for (var name : DatastoreName.values()) {
      last.put(name, truncate(name == DatastoreName.OPERATIONAL ? start : initial));
    }
    for (var name :
        List.of(DatastoreName.RUNNING, DatastoreName.OPERATIONAL, DatastoreName.STARTUP)) {
      subscriptions.add(datastore.subscribe(name, this::changed));
    }
  }

  /** Records a commit (also called directly after RESTCONF's own commits). */
  synchronized void changed(ChangeSet changes) {
    if (changes.sequence() == 0 && changes.datastore() != DatastoreName.CANDIDATE) {
      return; // nothing changed
    }
    var at = truncate(changes.time());
    last.merge(changes.datastore(), at, (a, b) -> a.isAfter(b) ? a : b);
    if (changes.datastore() == DatastoreName.RUNNING) {
      // the candidate follows running, and the operational view shows running's configuration
      last.merge(DatastoreName.CANDIDATE, at, (a, b) -> a.isAfter(b) ? a : b);
      last.merge(DatastoreName.OPERATIONAL, at, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  synchronized Instant lastModified(DatastoreName name) {
    return last.get(name);
  }

  private static Instant truncate(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void close() {
    for (var s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        // nothing to keep
      }
    }
  }
}
