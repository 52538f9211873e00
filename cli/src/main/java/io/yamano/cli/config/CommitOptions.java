package io.yamano.cli.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How {@code commit} runs.
 *
 * @param comment the comment kept in the commit history
 * @param confirmed roll back after this long unless confirmed by another commit (RFC 6241 §8.4)
 */
public record CommitOptions(String comment, Optional<Duration> confirmed) {
  public CommitOptions {
    comment = comment == null ? "" : comment;
  }
}
