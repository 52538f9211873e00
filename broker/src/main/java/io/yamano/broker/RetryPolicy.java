package io.yamano.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one attempt of an action may take and how often a transient failure is retried.
 *
 * @param timeout limit for one attempt (connecting included)
 * @param retries further attempts after the first, for transient failures only
 * @param backoff wait before the first retry; doubled before each further one, at most {@link
 *     #MAX_BACKOFF}
 */
public record RetryPolicy(Duration timeout, int retries, Duration backoff) {
  /** 30 seconds, 2 retries, 1 second backoff. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofSeconds(1));

  /** The longest wait between two attempts. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public RetryPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(backoff, "backoff");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative: " + backoff);
    }
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration backoffBefore(int retry) {
    Duration wait = backoff;
    for (int i = 1; i < retry && wait.compareTo(MAX_BACKOFF) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  /** The longest time all attempts and waits can take together. */
  public Duration worstCase() {
    Duration total = timeout.multipliedBy(retries + 1L);
    for (int i = 1; i <= retries; i++) {
      total = total.plus(backoffBefore(i));
    }
    return total;
  }
}
