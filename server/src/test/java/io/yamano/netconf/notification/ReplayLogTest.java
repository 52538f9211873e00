package io.yamano.netconf.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay log behind RFC 5277 §2.1.1 replay. */
class ReplayLogTest {
  @TempDir Path dir;

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void replaysTheWindowInOrderAfterReopen() throws Exception {
    try (var log = ReplayLog.open(dir, 1 << 20, 4)) {
      for (int i = 0; i < 10; i++) {
        log.append(T0.plusSeconds(i), "NETCONF", "urn:x", "e", "<e xmlns=\"urn:x\">" + i + "</e>");
      }
    }
    try (var log = ReplayLog.open(dir, 1 << 20, 4)) {
      var seen = new ArrayList<Long>();
      log.replay("NETCONF", T0.plusSeconds(3), T0.plusSeconds(7), n -> seen.add(n.sequence()));
      assertEquals(java.util.List.of(4L, 5L, 6L, 7L), seen);
      assertEquals(11, log.append(T0, "NETCONF", "urn:x", "e", "<e/>").sequence());
    }
  }

  @Test
  void tornLastRecordIsIgnored() throws Exception {
    try (var log = ReplayLog.open(dir, 1 << 20, 4)) {
      log.append(T0, "NETCONF", "urn:x", "e", "<e/>");
    }
    try (var files = Files.list(dir)) {
      var segment = files.findFirst().orElseThrow();
      Files.write(
          segment,
          new byte[] {0x59, 0x4e, 0x54, 0x46, 0, 0, 0, 50, 1, 2},
          StandardOpenOption.APPEND);
    }
    try (var log = ReplayLog.open(dir, 1 << 20, 4)) {
      var seen = new ArrayList<Long>();
      log.replay("NETCONF", T0, null, n -> seen.add(n.sequence()));
      assertEquals(java.util.List.of(1L), seen);
    }
  }

  @Test
  void oldSegmentsBeyondTheLimitAreDropped() throws Exception {
    try (var log = ReplayLog.open(dir, 200, 2)) {
      for (int i = 0; i < 20; i++) {
        log.append(T0.plusSeconds(i), "NETCONF", "urn:x", "e", "<e xmlns=\"urn:x\">" + i + "</e>");
      }
      var seen = new ArrayList<Long>();
      log.replay("NETCONF", T0, null, n -> seen.add(n.sequence()));
      assertEquals(20L, seen.get(seen.size() - 1));
      assertEquals(true, seen.size() < 20);
    }
  }
}
