package io.yamano.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code freeFailures} failed logins of one user from one
 * source, further attempts from there are refused unchecked until a backoff has passed, doubling
 * from {@code firstBackoff} with every further failure up to {@code maxBackoff}. A success clears
 * the record. Thread-safe.
 */
public final class LoginThrottle {
  /** Three free failures, then 1 s doubling up to 5 minutes. */
  public static LoginThrottle standard(Clock clock) {
    return new LoginThrottle(3, Duration.ofSeconds(1), Duration.ofMinutes(5), clock);
  }

  private record Failures(int count, Instant blockedUntil) {}

  /** What the throttle says about an attempt. */
  public sealed interface Verdict {
    /** The attempt may be checked. */
    record Check() implements Verdict {}

    /** The attempt is refused unchecked until {@code until}. */
    record Blocked(Instant until) implements Verdict {}
  }

  private final int freeFailures;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int freeFailures, Duration firstBackoff, Duration maxBackoff, Clock clock) {
    this.freeFailures = freeFailures;
    this.firstBackoff = Objects.requireNonNull(firstBackoff);
    this.maxBackoff = Objects.requireNonNull(maxBackoff);
    this.clock = Objects.requireNonNull(clock);
  }

  private static String key(String user, String source) {
    return user + "\u0000" + source;
  }

  /** Whether an attempt of {@code user} from {@code source} may be checked now. */
  public Verdict before(String user, String source) {
    var f = failures.get(key(user, source));
    if (f != null && f.blockedUntil != null && clock.instant().isBefore(f.blockedUntil)) {
      return new Verdict.Blocked(f.blockedUntil);
    }
    return new Verdict.Check();
  }

  /** Records the outcome of a checked attempt. */
  public void after(String user, String source, boolean success) {
    var k = key(user, source);
    if (success) {
      failures.remove(k);
      return;
    }
    failures.compute(
        k,
        (ignored, f) -> {
          int count = f == null ? 1 : f.count + 1;
          Instant until = null;
          if (count >= freeFailures) {
            int doublings = Math.min(30, count - freeFailures);
            var backoff = firstBackoff.multipliedBy(1L << doublings);
            if (backoff.compareTo(maxBackoff) > 0) {
              backoff = maxBackoff;
            }
            until = clock.instant().plus(backoff);
          }
          return new Failures(count, until);
        });
  }

  /** How many failures are on record for the user and source. */
  public int failures(String user, String source) {
    var f = failures.get(key(user, source));
    return f == null ? 0 : f.count;
  }
}
