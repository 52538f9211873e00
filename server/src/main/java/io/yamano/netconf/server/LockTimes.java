package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each global lock was taken, for {@code locked-time} of {@code /netconf-state/datastores}
 * (RFC 6022 §2.1.3). Who holds a lock is the datastore's to say; this only remembers the time.
 */
final class LockTimes {
  private record Held(long sessionId, Instant since) {}

  private final Map<DatastoreName, Held> held = new ConcurrentHashMap<>();

  void locked(DatastoreName name, long sessionId) {
    held.put(name, new Held(sessionId, Instant.now()));
  }

  void unlocked(DatastoreName name) {
    held.remove(name);
  }

  void sessionEnded(long sessionId) {
    held.values().removeIf(h -> h.sessionId() == sessionId);
  }

  /** The time {@code sessionId} locked {@code name}, if this layer saw it. */
  Optional<Instant> since(DatastoreName name, long sessionId) {
    var h = held.get(name);
    return h != null && h.sessionId() == sessionId ? Optional.of(h.since()) : Optional.empty();
  }
}
