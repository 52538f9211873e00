package io.yamano.datastore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A confirmed commit waiting for its confirmation (RFC 6241 §8.4): what running goes back to, by
 * when, and who may confirm or cancel it. Kept in the store with the commit itself, so that it
 * survives a restart.
 *
 * @param baseSequence the last commit before the confirmed one: running returns to it on timeout or
 *     cancel
 * @param deadline when the commit is undone unless confirmed
 * @param persistId the {@code persist} token if one was given; then any session holding it may
 *     confirm or cancel, and the commit survives the end of its session
 * @param sessionId the session that issued it (without persist, only it may confirm)
 */
public record PendingConfirmedCommit(
    long baseSequence, Instant deadline, Optional<String> persistId, long sessionId) {
  static final String PROPERTY = "confirmed-commit";

  byte[] encode() {
    return (baseSequence
            + "\n"
            + deadline.toEpochMilli()
            + "\n"
            + sessionId
            + "\n"
            + persistId.orElse(""))
        .getBytes(StandardCharsets.UTF_8);
  }

  static PendingConfirmedCommit decode(byte[] bytes) {
    var parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 4);
    return new PendingConfirmedCommit(
        Long.parseLong(parts[0]),
        Instant.ofEpochMilli(Long.parseLong(parts[1])),
        parts[3].isEmpty() ? Optional.empty() : Optional.of(parts[3]),
        Long.parseLong(parts[2]));
  }
}
