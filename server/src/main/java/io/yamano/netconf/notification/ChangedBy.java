package io.yamano.netconf.notification;

import java.util.Objects;
import java.util.Optional;

/**
 * Who caused an event: the {@code changed-by} choice and the {@code common-session-parms} of <a
 * href="https://www.rfc-editor.org/rfc/rfc6470#section-2.2">RFC 6470 §2.2</a>.
 */
public sealed interface ChangedBy {

  /** The server itself, such as a confirmed commit undone when its timeout passed. */
  record Server() implements ChangedBy {}

  /**
   * A NETCONF session.
   *
   * @param username the user the session was authenticated as
   * @param sessionId its session-id
   * @param sourceHost the client's IP address, if known
   */
  record Session(String username, long sessionId, Optional<String> sourceHost)
      implements ChangedBy {
    public Session {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(sourceHost, "sourceHost");
    }
  }
}
