package io.yamano.vim.resourceless;

import io.yamano.vim.Capacity;
import io.yamano.vim.VimAccount;
import io.yamano.vim.VimException;
import io.yamano.vim.VimException.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The zones and hosts of an account with their capacities and attributes, defaults filled in: an
 * account without zones has {@value VimAccount#DEFAULT_ZONE}, a zone without hosts has one host of
 * its own name. Host names are unique across the account, so a host pin needs no zone.
 */
record Topology(String account, Capacity capacity, Map<String, ZoneSpec> zones) {

  record ZoneSpec(
      String name,
      Capacity capacity,
      Map<String, String> attributes,
      Map<String, Capacity> hosts) {}

  static Topology of(VimAccount account, ResourcelessOptions options) throws VimException {
    List<VimAccount.Zone> declared =
        account.zones().isEmpty()
            ? List.of(VimAccount.Zone.of(VimAccount.DEFAULT_ZONE, Capacity.UNBOUNDED))
            : account.zones();
    var zones = new LinkedHashMap<String, ZoneSpec>();
    var hostZone = new HashMap<String, String>();
    for (VimAccount.Zone zone : declared) {
      var attributes = new HashMap<>(account.attributes());
      attributes.putAll(zone.attributes());
      List<VimAccount.Host> hosts =
          zone.hosts().isEmpty() ? List.of(VimAccount.Host.of(zone.name())) : zone.hosts();
      var hostCapacity = new LinkedHashMap<String, Capacity>();
      for (VimAccount.Host host : hosts) {
        String other = hostZone.putIfAbsent(host.name(), zone.name());
        if (other != null) {
          throw new VimException(
              Reason.INVALID_REQUEST,
              "VIM account '"
                  + account.name()
                  + "' declares host '"
                  + host.name()
                  + "' in zones '"
                  + other
                  + "' and '"
                  + zone.name()
                  + "'");
        }
        hostCapacity.put(
            host.name(),
            host.capacity().equals(Capacity.UNBOUNDED) ? options.hostCapacity() : host.capacity());
      }
      zones.put(
          zone.name(),
          new ZoneSpec(
              zone.name(),
              zone.capacity(),
              Map.copyOf(attributes),
              java.util.Collections.unmodifiableMap(hostCapacity)));
    }
    return new Topology(
        account.name(), account.capacity(), java.util.Collections.unmodifiableMap(zones));
  }

  Optional<ZoneSpec> zone(String name) {
    return Optional.ofNullable(zones.get(name));
  }

  /** The zone that holds a host. */
  Optional<String> zoneOfHost(String host) {
    return zones.values().stream()
        .filter(z -> z.hosts().containsKey(host))
        .map(ZoneSpec::name)
        .findFirst();
  }

  Capacity zoneCapacity(String zone) {
    ZoneSpec spec = zones.get(zone);
    return spec == null ? Capacity.UNBOUNDED : spec.capacity();
  }

  Capacity hostCapacity(String zone, String host) {
    ZoneSpec spec = zones.get(zone);
    Capacity capacity = spec == null ? null : spec.hosts().get(host);
    return capacity == null ? Capacity.UNBOUNDED : capacity;
  }

  List<String> zoneNames() {
    return new ArrayList<>(zones.keySet());
  }
}
