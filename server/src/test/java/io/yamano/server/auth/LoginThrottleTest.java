package io.yamano.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Password guessing slows down per user and source; a success clears the record. */
class LoginThrottleTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final LoginThrottle throttle = LoginThrottle.standard(clock);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      throttle.after("bob", "10.0.0.1", false);
    }
  }

  @Test
  void freeFailuresThenBackoffThatDoubles() {
    fail(2);
    assertInstanceOf(LoginThrottle.Verdict.Check.class, throttle.before("bob", "10.0.0.1"));
    fail(1);
    var blocked = (LoginThrottle.Verdict.Blocked) throttle.before("bob", "10.0.0.1");
    assertEquals(now.plusSeconds(1), blocked.until());
    now = now.plusSeconds(1);
    assertInstanceOf(LoginThrottle.Verdict.Check.class, throttle.before("bob", "10.0.0.1"));
    fail(1);
    assertEquals(
        now.plusSeconds(2),
        ((LoginThrottle.Verdict.Blocked) throttle.before("bob", "10.0.0.1")).until());
  }

  @Test
  void backoffIsCapped() {
    fail(40);
    assertEquals(
        now.plus(Duration.ofMinutes(5)),
        ((LoginThrottle.Verdict.Blocked) throttle.before("bob", "10.0.0.1")).until());
  }

  @Test
  void otherSourcesAndUsersAreNotBlocked() {
    fail(5);
    assertInstanceOf(LoginThrottle.Verdict.Check.class, throttle.before("bob", "10.0.0.2"));
    assertInstanceOf(LoginThrottle.Verdict.Check.class, throttle.before("alice", "10.0.0.1"));
  }

  @Test
  void successClears() {
    fail(2);
    throttle.after("bob", "10.0.0.1", true);
    assertEquals(0, throttle.failures("bob", "10.0.0.1"));
  }
}
