package io.yamano.lcm;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Serialises reconciliation per NS instance: at most one operation runs per NS; requests arriving
 * meanwhile collapse into one more reconciliation after it. Different NS instances proceed in
 * parallel.
 */
final class NsQueue {

  private final class Slot {
    final String ns;
    boolean busy;
    boolean again;

    Slot(String ns) {
      this.ns = ns;
    }

    void kick() {
      synchronized (this) {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        active.incrementAndGet();
      }
      runOnce();
    }

    private void runOnce() {
      CompletableFuture<?> done;
      try {
        done = closed ? CompletableFuture.completedFuture(null) : work.apply(ns);
      } catch (RuntimeException e) {
        System.getLogger(NsQueue.class.getName())
            .log(System.Logger.Level.WARNING, "reconciling NS '" + ns + "' failed: " + e, e);
        done = CompletableFuture.completedFuture(null);
      }
      done.whenComplete(
          (v, t) -> {
            boolean repeat;
            synchronized (this) {
              repeat = again && !closed;
              again = false;
              if (!repeat) {
                busy = false;
              }
            }
            if (repeat) {
              runOnce();
            } else {
              idle();
            }
          });
    }
  }

  private final Function<String, CompletableFuture<?>> work;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger active =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean closed;

  /**
   * @param work reconciles one NS; the returned future completes when its operation has ended
   */
  NsQueue(Function<String, CompletableFuture<?>> work) {
    this.work = work;
  }

  void request(String ns) {
    if (!closed) {
      slots.computeIfAbsent(ns, Slot::new).kick();
    }
  }

  private void idle() {
    synchronized (this) {
      active.decrementAndGet();
      notifyAll();
    }
  }

  /** Waits until no NS is being reconciled; false on timeout. */
  synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (active.get() > 0) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(Math.min(left, 50));
    }
    return true;
  }

  void close() {
    closed = true;
  }
}
