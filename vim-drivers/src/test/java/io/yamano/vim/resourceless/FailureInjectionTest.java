package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.compute;
import static io.yamano.vim.resourceless.Fixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.Amounts;
import io.yamano.vim.Capacity;
import io.yamano.vim.ComputeRequest;
import io.yamano.vim.OwnerTag;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.ResourceStatus;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FailureInjectionTest {

  private ResourcelessVim vim;

  @BeforeEach
  void connectAccount() throws VimException {
    vim = connect(VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED));
  }

  /** Which of {@code count} compute creations failed, by index. */
  private List<Integer> failedCreations(int count) {
    var failed = new ArrayList<Integer>();
    for (int i = 0; i < count; i++) {
      try {
        vim.createCompute(compute("c" + i));
      } catch (VimException e) {
        assertEquals(Reason.INJECTED_FAILURE, e.reason());
        failed.add(i);
      }
    }
    return failed;
  }

  @Test
  void nthCallOfAnOperationFailsOnce() {
    vim.failures().add(FailureRule.nthCall(Operation.CREATE_COMPUTE, 3));
    assertEquals(List.of(2), failedCreations(6));
  }

  @Test
  void nthCallCountsOnlyItsOperation() throws VimException {
    vim.failures().add(FailureRule.nthCall(Operation.CREATE_COMPUTE, 2));
    vim.usage();
    vim.listOwned();
    assertEquals(List.of(1), failedCreations(3));
  }

  @Test
  void failedCallMessageNamesTheResourceAndTheRule() {
    vim.failures().add(FailureRule.nthCall(Operation.CREATE_COMPUTE, 1));
    VimException e = assertThrows(VimException.class, () -> vim.createCompute(compute("vdu-a")));
    assertEquals(
        "injected failure in VIM account 'lab': CREATE_COMPUTE of compute 'vdu-a' (rule: call #1 of"
            + " CREATE_COMPUTE)",
        e.getMessage());
  }

  @Test
  void failedCallChangesNothing() throws VimException {
    vim.failures().add(FailureRule.nthCall(Operation.CREATE_COMPUTE, 1));
    assertThrows(VimException.class, () -> vim.createCompute(compute("c")));
    assertEquals(Amounts.ZERO, vim.usage().used());
    assertEquals(List.of(), vim.listOwned());
  }

  @Test
  void resourceNamePatternFailsEveryMatchingCall() throws VimException {
    vim.failures().add(FailureRule.matching("^c[13]$"));
    assertEquals(List.of(1, 3), failedCreations(5));
  }

  @Test
  void ownerPatternFailsTheDeletionOfThatOwnersResources() throws VimException {
    var mine =
        vim.createCompute(
            ComputeRequest.of("a", OwnerTag.of("ns-7", "vnf-1", "vdu"), Fixtures.SMALL));
    var other =
        vim.createCompute(
            ComputeRequest.of("b", OwnerTag.of("ns-8", "vnf-1", "vdu"), Fixtures.SMALL));
    vim.failures().add(FailureRule.matching("^ns-7/", Operation.DELETE_COMPUTE));
    assertThrows(VimException.class, () -> vim.delete(ResourceKind.COMPUTE, mine.id()));
    vim.delete(ResourceKind.COMPUTE, other.id());
    assertEquals(List.of(mine), vim.listOwned());
  }

  @Test
  void resourceIdPatternFailsStatusReads() throws VimException {
    var c = vim.createCompute(compute("a"));
    vim.failures().add(FailureRule.matching(c.id(), Operation.STATUS));
    assertThrows(VimException.class, () -> vim.status(ResourceKind.COMPUTE, c.id()));
  }

  @Test
  void probabilityWithASeedFailsTheSameCallsOnEveryRun() throws VimException {
    vim.failures().add(FailureRule.withProbability(0.3, 42, Operation.CREATE_COMPUTE));
    List<Integer> first = failedCreations(200);

    vim = connect(VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED));
    vim.failures().add(FailureRule.withProbability(0.3, 42, Operation.CREATE_COMPUTE));
    assertEquals(first, failedCreations(200));
    assertTrue(first.size() > 30 && first.size() < 90, "about 60 of 200 fail: " + first.size());
  }

  @Test
  void probabilityZeroNeverFailsAndOneAlwaysFails() throws VimException {
    var never = vim.failures().add(FailureRule.withProbability(0.0, 1));
    assertEquals(List.of(), failedCreations(20));
    never.remove();
    vim.failures().add(FailureRule.withProbability(1.0, 1, Operation.CREATE_COMPUTE));
    assertEquals(20, failedCreations(20).size());
  }

  @Test
  void ruleCanImitateAnUnreachableVim() {
    vim.failures().add(FailureRule.matching(".*", Operation.USAGE).as(Reason.UNREACHABLE));
    VimException e = assertThrows(VimException.class, () -> vim.usage());
    assertEquals(Reason.UNREACHABLE, e.reason());
    assertTrue(e.reason().isTransient());
  }

  @Test
  void removedOrClearedRulesNoLongerFire() {
    var armed = vim.failures().add(FailureRule.matching(".*"));
    assertEquals(3, failedCreations(3).size());
    assertEquals(3, armed.fired());
    armed.remove();
    assertEquals(List.of(), failedCreations(3));
    vim.failures().add(FailureRule.matching(".*"));
    vim.failures().clear();
    assertEquals(List.of(), failedCreations(3));
  }

  @Test
  void markFailedTurnsAResourceToErrorForHeal() throws VimException {
    var c = vim.createCompute(compute("a"));
    vim.markFailed(ResourceKind.COMPUTE, c.id());
    assertEquals(ResourceStatus.ERROR, vim.status(ResourceKind.COMPUTE, c.id()));
    assertEquals(Fixtures.SMALL.amounts(), vim.usage().used());
  }

  @Test
  void latencyOptionDelaysEveryCall() throws VimException {
    vim =
        connect(
            VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED)
                .withOptions(Map.of(ResourcelessOptions.LATENCY_MS, "20")));
    long start = System.nanoTime();
    vim.createCompute(compute("a"));
    vim.usage();
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 40);
    vim.setLatency(Duration.ZERO);
  }

  @Test
  void badOptionIsRefusedAtConnect() {
    var account =
        VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED)
            .withOptions(Map.of(ResourcelessOptions.HOST_CAPACITY, "cores=4"));
    VimException e = assertThrows(VimException.class, () -> connect(account));
    assertEquals(Reason.INVALID_REQUEST, e.reason());
  }
}
