package io.yamano.vim.resourceless;

import io.yamano.vim.Amounts;
import io.yamano.vim.Usage;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Used and reserved amounts per account, zone and host. Compute counts at all three levels, volumes
 * at account and zone level (their host is {@code null}). Not thread-safe: the VIM guards it.
 */
final class CapacityLedger {

  private static final class Tally {
    Amounts used = Amounts.ZERO;
    Amounts reserved = Amounts.ZERO;
  }

  private record HostKey(String zone, String host) {}

  private final Tally account = new Tally();
  private final Map<String, Tally> zones = new HashMap<>();
  private final Map<HostKey, Tally> hosts = new HashMap<>();

  void use(String zone, String host, Amounts amounts) {
    for (Tally t : tallies(zone, host)) {
      t.used = t.used.plus(amounts);
    }
  }

  void free(String zone, String host, Amounts amounts) {
    for (Tally t : tallies(zone, host)) {
      t.used = t.used.minus(amounts);
    }
  }

  void reserve(String zone, String host, Amounts amounts) {
    for (Tally t : tallies(zone, host)) {
      t.reserved = t.reserved.plus(amounts);
    }
  }

  void unreserve(String zone, String host, Amounts amounts) {
    for (Tally t : tallies(zone, host)) {
      t.reserved = t.reserved.minus(amounts);
    }
  }

  Amounts accountCommitted() {
    return account.used.plus(account.reserved);
  }

  Amounts zoneCommitted(String zone) {
    Tally t = zones.get(zone);
    return t == null ? Amounts.ZERO : t.used.plus(t.reserved);
  }

  Amounts hostCommitted(String zone, String host) {
    Tally t = hosts.get(new HostKey(zone, host));
    return t == null ? Amounts.ZERO : t.used.plus(t.reserved);
  }

  void clear() {
    account.used = Amounts.ZERO;
    account.reserved = Amounts.ZERO;
    zones.clear();
    hosts.clear();
  }

  /** Usage for every zone and host of the topology, and any other that holds something. */
  Usage usage(Topology topology) {
    var zoneNames = new LinkedHashSet<>(topology.zoneNames());
    zoneNames.addAll(zones.keySet());
    var zoneUsage = new TreeMap<String, Usage>();
    for (String zone : zoneNames) {
      var hostNames = new LinkedHashSet<String>();
      topology.zone(zone).ifPresent(z -> hostNames.addAll(z.hosts().keySet()));
      hosts.keySet().stream()
          .filter(k -> k.zone().equals(zone))
          .forEach(k -> hostNames.add(k.host()));
      var hostUsage = new TreeMap<String, Usage>();
      for (String host : hostNames) {
        Tally t = hosts.getOrDefault(new HostKey(zone, host), new Tally());
        hostUsage.put(
            host, new Usage(topology.hostCapacity(zone, host), t.used, t.reserved, Map.of()));
      }
      Tally t = zones.getOrDefault(zone, new Tally());
      zoneUsage.put(zone, new Usage(topology.zoneCapacity(zone), t.used, t.reserved, hostUsage));
    }
    return new Usage(topology.capacity(), account.used, account.reserved, zoneUsage);
  }

  private Tally[] tallies(String zone, String host) {
    Tally z = zones.computeIfAbsent(zone, k -> new Tally());
    if (host == null) {
      return new Tally[] {account, z};
    }
    return new Tally[] {
      account, z, hosts.computeIfAbsent(new HostKey(zone, host), k -> new Tally())
    };
  }
}
