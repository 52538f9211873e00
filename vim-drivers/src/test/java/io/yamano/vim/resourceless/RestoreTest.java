package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.OWNER;
import static io.yamano.vim.resourceless.Fixtures.compute;
import static io.yamano.vim.resourceless.Fixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.AffinityRule;
import io.yamano.vim.AffinityRule.Scope;
import io.yamano.vim.Compute;
import io.yamano.vim.Network;
import io.yamano.vim.NetworkRequest;
import io.yamano.vim.OwnedResource;
import io.yamano.vim.Placement;
import io.yamano.vim.Port;
import io.yamano.vim.PortRequest;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.ResourceStatus;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import io.yamano.vim.VolumeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RestoreTest {

  /** Random creates and deletes, tracking what should exist. */
  private static TreeMap<String, OwnedResource> churn(ResourcelessVim vim) throws VimException {
    var expected = new TreeMap<String, OwnedResource>();
    var random = new Random(7);
    Network net = vim.createNetwork(NetworkRequest.of("net", OWNER, "10.0.0.0/16"));
    expected.put(net.id(), net);
    var computes = new ArrayList<Compute>();
    for (int i = 0; i < 300; i++) {
      int action = random.nextInt(4);
      if (action == 0 && !computes.isEmpty()) {
        Compute victim = computes.remove(random.nextInt(computes.size()));
        vim.delete(ResourceKind.COMPUTE, victim.id());
        expected.remove(victim.id());
        // ports and volumes stay, detached
        for (var e : expected.entrySet()) {
          if (e.getValue() instanceof Port p && victim.id().equals(p.computeId())) {
            e.setValue(p.boundTo(null));
          } else if (e.getValue() instanceof io.yamano.vim.Volume v
              && victim.id().equals(v.attachedTo())) {
            e.setValue(v.attachedTo(null));
          }
        }
      } else if (action == 1 && !computes.isEmpty()) {
        Compute to = computes.get(random.nextInt(computes.size()));
        Port p = vim.createPort(PortRequest.of("p" + i, OWNER, net.id()).boundTo(to.id()));
        expected.put(p.id(), p);
      } else if (action == 2 && !computes.isEmpty()) {
        Compute to = computes.get(random.nextInt(computes.size()));
        var v = vim.createVolume(new VolumeRequest("v" + i, OWNER, 5, null, to.id()));
        expected.put(v.id(), v);
      } else {
        try {
          Compute c = vim.createCompute(compute("c" + i));
          computes.add(c);
          expected.put(c.id(), c);
        } catch (VimException e) {
          assertEquals(Reason.NO_CAPACITY, e.reason());
        }
      }
    }
    return expected;
  }

  @Test
  void listOwnedAfterManyOperationsEqualsWhatExists() throws VimException {
    var vim = connect(Fixtures.twoZones());
    var expected = churn(vim);
    assertEquals(List.copyOf(expected.values()), vim.listOwned());
  }

  @Test
  void restoreRebuildsUsageAndAddresses() throws VimException {
    var before = connect(Fixtures.twoZones());
    churn(before);
    var after = connect(Fixtures.twoZones());
    after.restore(before.listOwned());
    assertEquals(before.usage(), after.usage());
    assertEquals(before.listOwned(), after.listOwned());

    Network net =
        (Network)
            before.listOwned().stream().filter(Network.class::isInstance).findFirst().orElseThrow();
    assertEquals(
        before.createPort(PortRequest.of("next", OWNER, net.id())).ipAddress(),
        after.createPort(PortRequest.of("next", OWNER, net.id())).ipAddress());
  }

  @Test
  void restoredVimIssuesIdsAfterTheRestoredOnes() throws VimException {
    var before = connect(Fixtures.twoZones());
    before.createCompute(compute("a"));
    Compute b = before.createCompute(compute("b"));
    var after = connect(Fixtures.twoZones());
    after.restore(before.listOwned());
    assertEquals("rl-compute-000003", after.createCompute(compute("c")).id());
    assertTrue(b.id().compareTo("rl-compute-000003") < 0);
  }

  @Test
  void restoreRebuildsAffinityGroups() throws VimException {
    var apart = Placement.ANYWHERE.withRule(AffinityRule.antiAffinity("g", Scope.ZONE));
    var before = connect(Fixtures.twoZones());
    before.createCompute(compute("a", apart));
    before.createCompute(compute("b", apart));
    var after = connect(Fixtures.twoZones());
    after.restore(before.listOwned());
    assertEquals(
        Reason.NO_CAPACITY,
        assertThrows(VimException.class, () -> after.createCompute(compute("c", apart))).reason());
  }

  @Test
  void restoreIntoAVimThatHoldsResourcesIsAConflict() throws VimException {
    var vim = connect(Fixtures.twoZones());
    vim.createCompute(compute("a"));
    assertEquals(
        Reason.CONFLICT,
        assertThrows(VimException.class, () -> vim.restore(vim.listOwned())).reason());
  }

  @Test
  void inconsistentRestoreIsRefusedAndLeavesTheVimEmpty() throws VimException {
    var port =
        new Port(
            "rl-port-000001",
            "p",
            OWNER,
            "rl-network-000009",
            null,
            "10.0.0.2",
            null,
            ResourceStatus.ACTIVE);
    var compute =
        new Compute(
            "rl-compute-000001",
            "c",
            OWNER,
            Fixtures.SMALL,
            null,
            "az1",
            "h1",
            List.of(),
            ResourceStatus.ACTIVE);
    var vim = connect(Fixtures.twoZones());
    assertEquals(
        Reason.INVALID_REQUEST,
        assertThrows(VimException.class, () -> vim.restore(List.of(compute, port))).reason());
    assertEquals(List.of(), vim.listOwned());
    assertEquals(io.yamano.vim.Amounts.ZERO, vim.usage().used());
  }

  @Test
  void statusOfADeletedResourceIsDeleted() throws VimException {
    var vim = connect(Fixtures.twoZones());
    Compute c = vim.createCompute(compute("a"));
    assertEquals(ResourceStatus.ACTIVE, vim.status(ResourceKind.COMPUTE, c.id()));
    vim.delete(ResourceKind.COMPUTE, c.id());
    assertEquals(ResourceStatus.DELETED, vim.status(ResourceKind.COMPUTE, c.id()));
    assertEquals(
        Reason.NOT_FOUND,
        assertThrows(
                VimException.class, () -> vim.status(ResourceKind.COMPUTE, "rl-compute-000099"))
            .reason());
    assertEquals(
        Reason.NOT_FOUND,
        assertThrows(VimException.class, () -> vim.delete(ResourceKind.COMPUTE, c.id())).reason());
  }

  @Test
  void reconnectingToTheSameAccountKeepsItsResources() throws VimException {
    var driver = new ResourcelessDriver();
    var first = driver.connect(Fixtures.twoZones());
    first.createCompute(compute("a"));
    assertEquals(first.listOwned(), driver.connect(Fixtures.twoZones()).listOwned());
  }
}
