package io.yamano.vim.resourceless;

import static io.yamano.vim.resourceless.Fixtures.compute;
import static io.yamano.vim.resourceless.Fixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.AffinityRule;
import io.yamano.vim.AffinityRule.Scope;
import io.yamano.vim.Capacity;
import io.yamano.vim.Compute;
import io.yamano.vim.Placement;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimAccount.Host;
import io.yamano.vim.VimAccount.Zone;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {

  private static Placement anti(Scope scope) {
    return Placement.ANYWHERE.withRule(AffinityRule.antiAffinity("g", scope));
  }

  @Test
  void spreadsOverTheLeastLoadedHosts() throws VimException {
    var vim = connect(Fixtures.twoZones());
    var hosts = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      hosts.add(vim.createCompute(compute("c" + i)).host());
    }
    assertEquals(List.of("h1", "h2", "h3", "h4"), hosts);
  }

  @Test
  void antiAffinityPerHostPutsEachMemberOnAnotherHost() throws VimException {
    var vim = connect(Fixtures.twoZones());
    for (String host : List.of("h2", "h3", "h4")) {
      // unrelated load elsewhere makes the host of the first member the least loaded
      vim.createCompute(compute(host + "-x", Placement.onHost(host)));
      vim.createCompute(compute(host + "-y", Placement.onHost(host)));
    }
    var hosts = new HashSet<String>();
    for (int i = 0; i < 4; i++) {
      hosts.add(vim.createCompute(compute("m" + i, anti(Scope.HOST))).host());
    }
    assertEquals(4, hosts.size());
  }

  @Test
  void antiAffinityPerHostIsRefusedWhenEveryHostHoldsAMember() throws VimException {
    var vim = connect(Fixtures.twoZones());
    for (int i = 0; i < 4; i++) {
      vim.createCompute(compute("m" + i, anti(Scope.HOST)));
    }
    VimException refused =
        assertThrows(VimException.class, () -> vim.createCompute(compute("m4", anti(Scope.HOST))));
    assertEquals(Reason.NO_CAPACITY, refused.reason());
    assertTrue(
        refused
            .getMessage()
            .contains("host 'h4': already holds a member of anti-affinity group 'g' (per host)"),
        refused.getMessage());
  }

  @Test
  void antiAffinityPerZonePutsEachMemberInAnotherZone() throws VimException {
    var vim = connect(Fixtures.twoZones());
    Compute a = vim.createCompute(compute("a", anti(Scope.ZONE)));
    Compute b = vim.createCompute(compute("b", anti(Scope.ZONE)));
    assertEquals(List.of("az1", "az2"), List.of(a.zone(), b.zone()));
  }

  @Test
  void antiAffinityPerZoneIsRefusedWhenEveryZoneHoldsAMember() throws VimException {
    var vim = connect(Fixtures.twoZones());
    vim.createCompute(compute("a", anti(Scope.ZONE)));
    vim.createCompute(compute("b", anti(Scope.ZONE)));
    VimException refused =
        assertThrows(VimException.class, () -> vim.createCompute(compute("c", anti(Scope.ZONE))));
    assertEquals(Reason.NO_CAPACITY, refused.reason());
    assertTrue(
        refused.getMessage().contains("zone 'az2': already holds a member of anti-affinity group"),
        refused.getMessage());
  }

  @Test
  void deletingAMemberFreesItsPlaceForAntiAffinity() throws VimException {
    var vim = connect(Fixtures.twoZones());
    Compute a = vim.createCompute(compute("a", anti(Scope.ZONE)));
    vim.createCompute(compute("b", anti(Scope.ZONE)));
    vim.delete(ResourceKind.COMPUTE, a.id());
    assertEquals("az1", vim.createCompute(compute("c", anti(Scope.ZONE))).zone());
  }

  @Test
  void affinityPerHostKeepsMembersTogether() throws VimException {
    var vim = connect(Fixtures.twoZones());
    var together = Placement.ANYWHERE.withRule(AffinityRule.affinity("pair", Scope.HOST));
    vim.createCompute(compute("other"));
    String first = vim.createCompute(compute("a", together)).host();
    assertEquals(first, vim.createCompute(compute("b", together)).host());
  }

  @Test
  void zonePinIsHonoured() throws VimException {
    var vim = connect(Fixtures.twoZones());
    for (int i = 0; i < 3; i++) {
      assertEquals("az2", vim.createCompute(compute("c" + i, Placement.inZone("az2"))).zone());
    }
  }

  @Test
  void hostPinIsHonoured() throws VimException {
    var vim = connect(Fixtures.twoZones());
    for (int i = 0; i < 3; i++) {
      assertEquals("h3", vim.createCompute(compute("c" + i, Placement.onHost("h3"))).host());
    }
  }

  @Test
  void hostPinOnAFullHostIsRefused() throws VimException {
    var vim = connect(Fixtures.twoZones());
    for (int i = 0; i < 4; i++) {
      vim.createCompute(compute("c" + i, Placement.onHost("h3")));
    }
    VimException refused =
        assertThrows(
            VimException.class, () -> vim.createCompute(compute("c4", Placement.onHost("h3"))));
    assertEquals(
        "no host of VIM account 'lab' can take compute 'c4' (2 vCPU, 4096 MiB, 10 GiB): host 'h3'"
            + " in zone 'az2': vcpus: 8 of 8 committed, 2 requested",
        refused.getMessage());
  }

  @Test
  void unknownZoneOrHostIsAnInvalidRequest() throws VimException {
    var vim = connect(Fixtures.twoZones());
    assertEquals(
        Reason.INVALID_REQUEST,
        assertThrows(
                VimException.class, () -> vim.createCompute(compute("c", Placement.inZone("az9"))))
            .reason());
    assertEquals(
        Reason.INVALID_REQUEST,
        assertThrows(
                VimException.class, () -> vim.createCompute(compute("c", Placement.onHost("h9"))))
            .reason());
    assertEquals(
        Reason.INVALID_REQUEST,
        assertThrows(
                VimException.class,
                () -> vim.createCompute(compute("c", Placement.inZone("az1").withHost("h3"))))
            .reason());
  }

  @Test
  void requiredAttributesSelectTheZone() throws VimException {
    var account =
        VimAccount.of("lab", ResourcelessDriver.TYPE, Capacity.UNBOUNDED)
            .withAttributes(Map.of("sriov", "false"))
            .withZones(
                List.of(
                    Zone.of("plain", Capacity.UNBOUNDED, Host.of("h1")),
                    Zone.of("fast", Capacity.UNBOUNDED, Host.of("h2"))
                        .withAttributes(Map.of("sriov", "true"))));
    var vim = connect(account);
    var sriov = Placement.ANYWHERE.withAttributes(Map.of("sriov", "true"));
    assertEquals("fast", vim.createCompute(compute("a", sriov)).zone());
    assertEquals("fast", vim.createCompute(compute("b", sriov)).zone());
    VimException refused =
        assertThrows(
            VimException.class,
            () ->
                vim.createCompute(
                    compute("c", Placement.ANYWHERE.withAttributes(Map.of("gpu", "a100")))));
    assertTrue(
        refused.getMessage().contains("zone 'plain': attribute gpu is absent, 'a100' required"),
        refused.getMessage());
  }
}
