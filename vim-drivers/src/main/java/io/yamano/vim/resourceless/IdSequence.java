package io.yamano.vim.resourceless;

import io.yamano.vim.ResourceKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * Issues ids like {@code rl-compute-000123}, one counter per kind, never reusing a number. Not
 * thread-safe: the VIM guards it.
 */
final class IdSequence {

  private static final String PREFIX = "rl-";
  private static final String RESERVATION = "reservation";

  private final Map<ResourceKind, Long> last = new EnumMap<>(ResourceKind.class);
  private long lastReservation;

  String next(ResourceKind kind) {
    long n = last.merge(kind, 1L, Long::sum);
    return format(kind.label(), n);
  }

  String nextReservation() {
    return format(RESERVATION, ++lastReservation);
  }

  /** Makes sure later ids come after {@code id} (used on restore). */
  void observe(ResourceKind kind, String id) {
    long n = number(kind, id);
    if (n > 0) {
      last.merge(kind, n, Math::max);
    }
  }

  /** Whether {@code id} is one this sequence has handed out (or observed below). */
  boolean issued(ResourceKind kind, String id) {
    long n = number(kind, id);
    return n > 0 && n <= last.getOrDefault(kind, 0L);
  }

  private static long number(ResourceKind kind, String id) {
    String prefix = PREFIX + kind.label() + "-";
    if (!id.startsWith(prefix)) {
      return -1;
    }
    try {
      return Long.parseLong(id.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String format(String label, long n) {
    return String.format("%s%s-%06d", PREFIX, label, n);
  }
}
