package io.yamano.netconf.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of {@code /netconf-state/statistics} and of each {@code session} entry (RFC 6022 §4,
 * {@code ietf-netconf-monitoring}). Thread-safe.
 */
final class Statistics {
  final AtomicLong inRpcs = new AtomicLong();
  final AtomicLong inBadRpcs = new AtomicLong();
  final AtomicLong outRpcErrors = new AtomicLong();
  final AtomicLong outNotifications = new AtomicLong();

  /** Counts one reply: a valid request or not, answered with errors or not. */
  void count(boolean badRpc, boolean errorReply) {
    if (badRpc) {
      inBadRpcs.incrementAndGet();
    } else {
      inRpcs.incrementAndGet();
    }
    if (errorReply) {
      outRpcErrors.incrementAndGet();
    }
  }
}
