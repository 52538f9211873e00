package io.yamano.datastore;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a confirmed commit (RFC 6241 §8.4), as the {@code netconf-confirmed-commit}
 * event of <a href="https://www.rfc-editor.org/rfc/rfc6470#section-2.2">RFC 6470 §2.2</a> reports
 * it.
 *
 * @param event {@code start}, {@code extend}, {@code complete}, {@code cancel} or {@code timeout}
 * @param sessionId the session that issued, confirmed or cancelled it (for {@code timeout} and for
 *     a cancel caused by the end of its session, the session that issued it)
 * @param persistId the {@code persist} token in force, if any
 * @param timeout the confirm-timeout, for {@code start} and {@code extend}
 */
public record ConfirmedCommitEvent(
    String event, long sessionId, Optional<String> persistId, Optional<Duration> timeout) {
  public ConfirmedCommitEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(persistId, "persistId");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** True for events the server caused rather than a session: the timeout and a session's end. */
  public boolean byServer() {
    return event.equals("timeout");
  }
}
