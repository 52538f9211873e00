package io.yamano.netconf.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open NETCONF sessions of this server, by session-id: for {@code <kill-session>} (RFC 6241
 * §7.9) and {@code /netconf-state/sessions} (RFC 6022 §2.1.4). Thread-safe.
 */
final class SessionRegistry {
  private final Map<Long, ServerSession> sessions = new ConcurrentSkipListMap<>();
  final AtomicLong inSessions = new AtomicLong();
  final AtomicLong droppedSessions = new AtomicLong();

  void add(ServerSession session) {
    sessions.put(session.id(), session);
    inSessions.incrementAndGet();
  }

  void remove(ServerSession session) {
    sessions.remove(session.id(), session);
  }

  Optional<ServerSession> find(long id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** The open sessions, by ascending session-id. */
  List<ServerSession> all() {
    return List.copyOf(sessions.values());
  }
}
