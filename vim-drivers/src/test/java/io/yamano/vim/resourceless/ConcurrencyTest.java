package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.compute;
import static io.yamano.vim.resourceless.Fixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.Amounts;
import io.yamano.vim.Capacity;
import io.yamano.vim.Compute;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.Usage;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  private static boolean within(Amounts committed, Capacity capacity) {
    return capacity.shortfall(Amounts.ZERO, committed) == null;
  }

  private static boolean neverOverCommitted(Usage usage) {
    if (!within(usage.committed(), usage.capacity())) {
      return false;
    }
    return usage.parts().values().stream().allMatch(ConcurrencyTest::neverOverCommitted);
  }

  @Test
  void eightThreadsCreatingAndDeletingNeverOverCommit() throws Exception {
    var vim = connect(Fixtures.twoZones()); // 16 slots of SMALL
    var overCommitted = new AtomicBoolean();
    var errors = new ConcurrentLinkedQueue<Throwable>();
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                var random = new Random(thread);
                var mine = new ArrayList<Compute>();
                try {
                  start.await();
                  for (int i = 0; i < 2_000; i++) {
                    if (!mine.isEmpty() && random.nextBoolean()) {
                      Compute c = mine.remove(random.nextInt(mine.size()));
                      vim.delete(ResourceKind.COMPUTE, c.id());
                    } else {
                      try {
                        mine.add(vim.createCompute(compute("t" + thread + "-" + i)));
                      } catch (VimException e) {
                        if (e.reason() != Reason.NO_CAPACITY) {
                          throw e;
                        }
                      }
                    }
                    if (i % 50 == 0 && !neverOverCommitted(vim.usage())) {
                      overCommitted.set(true);
                    }
                  }
                  for (Compute c : mine) {
                    vim.delete(ResourceKind.COMPUTE, c.id());
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertTrue(errors.isEmpty(), () -> "errors: " + errors);
    assertEquals(false, overCommitted.get());
    assertEquals(Amounts.ZERO, vim.usage().used());
    assertEquals(List.of(), vim.listOwned());
  }
}
