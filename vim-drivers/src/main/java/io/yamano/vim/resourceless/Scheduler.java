package io.yamano.vim.resourceless;

import io.yamano.vim.AffinityRule;
import io.yamano.vim.AffinityRule.Policy;
import io.yamano.vim.AffinityRule.Scope;
import io.yamano.vim.Amounts;
import io.yamano.vim.ComputeRequest;
import io.yamano.vim.Placement;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import io.yamano.vim.resourceless.AffinityGroups.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses a host for a compute request: filter by zone and host pins, required attributes and
 * affinity rules, keep the hosts where the flavour fits host, zone and account, then take the least
 * loaded (fewest instances, then fewest vCPUs, then memory, then declaration order). Deterministic:
 * the same state and request always give the same host. When nothing is left, the refusal lists why
 * each candidate was dropped.
 */
final class Scheduler {

  private Scheduler() {}

  static Location place(
      ComputeRequest request, Topology topology, CapacityLedger ledger, AffinityGroups groups)
      throws VimException {
    Placement placement = request.placement();
    Amounts need = request.flavour().amounts();
    String what = "compute '" + request.name() + "' (" + request.flavour() + ")";

    String accountShortfall = topology.capacity().shortfall(ledger.accountCommitted(), need);
    if (accountShortfall != null) {
      throw new VimException(
          Reason.NO_CAPACITY,
          what + " does not fit VIM account '" + topology.account() + "': " + accountShortfall);
    }

    List<Location> candidates = candidates(what, placement, topology);
    var dropped = new ArrayList<String>();
    List<Location> fitting = new ArrayList<>();
    for (Location at : candidates) {
      String why = attributeMismatch(placement.requiredAttributes(), topology, at.zone());
      if (why == null) {
        why = affinityConflict(placement.affinity(), groups, at);
      }
      if (why == null) {
        String shortfall =
            topology.zoneCapacity(at.zone()).shortfall(ledger.zoneCommitted(at.zone()), need);
        if (shortfall != null) {
          why = "zone '" + at.zone() + "': " + shortfall;
        }
      }
      if (why == null) {
        String shortfall =
            topology
                .hostCapacity(at.zone(), at.host())
                .shortfall(ledger.hostCommitted(at.zone(), at.host()), need);
        if (shortfall != null) {
          why = "host '" + at.host() + "' in zone '" + at.zone() + "': " + shortfall;
        }
      }
      if (why == null) {
        fitting.add(at);
      } else if (!dropped.contains(why)) {
        dropped.add(why);
      }
    }
    if (fitting.isEmpty()) {
      throw new VimException(
          Reason.NO_CAPACITY,
          "no host of VIM account '"
              + topology.account()
              + "' can take "
              + what
              + ": "
              + String.join("; ", dropped));
    }
    Comparator<Location> load =
        Comparator.comparingLong(
                (Location l) -> ledger.hostCommitted(l.zone(), l.host()).instances())
            .thenComparingLong(l -> ledger.hostCommitted(l.zone(), l.host()).vcpus())
            .thenComparingLong(l -> ledger.hostCommitted(l.zone(), l.host()).memoryMb());
    // candidates are in declaration order and min() keeps the first of equals
    return fitting.stream().min(load).orElseThrow();
  }

  private static List<Location> candidates(String what, Placement placement, Topology topology)
      throws VimException {
    if (placement.zone() != null && topology.zone(placement.zone()).isEmpty()) {
      throw new VimException(
          Reason.INVALID_REQUEST,
          what
              + " asks for zone '"
              + placement.zone()
              + "', VIM account '"
              + topology.account()
              + "' has "
              + topology.zoneNames());
    }
    if (placement.host() != null) {
      String zone =
          topology
              .zoneOfHost(placement.host())
              .orElseThrow(
                  () ->
                      new VimException(
                          Reason.INVALID_REQUEST,
                          what
                              + " asks for host '"
                              + placement.host()
                              + "', unknown in VIM account '"
                              + topology.account()
                              + "'"));
      if (placement.zone() != null && !placement.zone().equals(zone)) {
        throw new VimException(
            Reason.INVALID_REQUEST,
            what
                + " asks for host '"
                + placement.host()
                + "' in zone '"
                + placement.zone()
                + "', but that host is in zone '"
                + zone
                + "'");
      }
      return List.of(new Location(zone, placement.host()));
    }
    var result = new ArrayList<Location>();
    for (Topology.ZoneSpec zone : topology.zones().values()) {
      if (placement.zone() == null || placement.zone().equals(zone.name())) {
        zone.hosts().keySet().forEach(h -> result.add(new Location(zone.name(), h)));
      }
    }
    return result;
  }

  private static String attributeMismatch(
      Map<String, String> required, Topology topology, String zone) {
    Map<String, String> offered = topology.zone(zone).orElseThrow().attributes();
    for (var entry : required.entrySet()) {
      if (!entry.getValue().equals(offered.get(entry.getKey()))) {
        return "zone '"
            + zone
            + "': attribute "
            + entry.getKey()
            + " is "
            + (offered.containsKey(entry.getKey())
                ? "'" + offered.get(entry.getKey()) + "'"
                : "absent")
            + ", '"
            + entry.getValue()
            + "' required";
      }
    }
    return null;
  }

  private static String affinityConflict(
      List<AffinityRule> rules, AffinityGroups groups, Location at) {
    for (AffinityRule rule : rules) {
      boolean hostScope = rule.scope() == Scope.HOST;
      Set<String> places = hostScope ? groups.hosts(rule.group()) : groups.zones(rule.group());
      String here = hostScope ? at.host() : at.zone();
      String where = hostScope ? "host '" + at.host() + "'" : "zone '" + at.zone() + "'";
      if (rule.policy() == Policy.ANTI_AFFINITY && places.contains(here)) {
        return where + ": already holds a member of " + rule;
      }
      if (rule.policy() == Policy.AFFINITY && !places.isEmpty() && !places.contains(here)) {
        return where + ": " + rule + " is on " + new java.util.TreeSet<>(places);
      }
    }
    return null;
  }
}
