package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.compute;
import static io.yamano.vim.resourceless.Fixtures.connect;

import io.yamano.vim.Capacity;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimException;
import org.junit.jupiter.api.Test;

/** Prints create+delete throughput; asserts nothing, so it never fails on a slow machine. */
class ThroughputTest {

  @Test
  void printsCreateAndDeleteThroughput() throws VimException {
    var vim = connect(VimAccount.of("bench", ResourcelessDriver.TYPE, Capacity.UNBOUNDED));
    int rounds = 50_000;
    for (int i = 0; i < 5_000; i++) { // warm-up
      vim.delete(ResourceKind.COMPUTE, vim.createCompute(compute("w")).id());
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      vim.delete(ResourceKind.COMPUTE, vim.createCompute(compute("c")).id());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "resource-less VIM: %d create+delete pairs in %.3f s = %.0f pairs/s%n",
        rounds, seconds, rounds / seconds);
  }
}
