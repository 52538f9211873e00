package io.yamano.vim;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A VIM account as drivers see it: the {@code vim-account} list entry of the {@code yamano-vim}
 * YANG module, without the datastore. Translators build it from the configuration.
 *
 * @param name the list key
 * @param type the {@code vim-type}, matched against {@link VimDriver#type()}
 * @param endpoint the API endpoint, {@code null} for a resource-less account
 * @param credentials names of secrets, never the secrets
 * @param capacity what Yamano may consume in the whole account
 * @param zones where compute may go; an empty list means one zone called {@value #DEFAULT_ZONE}
 * @param attributes account-wide placement attributes, overridden by a zone's own
 * @param options free-form driver options (documented by each driver)
 */
public record VimAccount(
    String name,
    String type,
    URI endpoint,
    Credentials credentials,
    Capacity capacity,
    List<Zone> zones,
    Map<String, String> attributes,
    Map<String, String> options) {

  /** The zone of an account that declares none. */
  public static final String DEFAULT_ZONE = "default";

  public VimAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    credentials = Objects.requireNonNullElse(credentials, Credentials.NONE);
    capacity = Objects.requireNonNullElse(capacity, Capacity.UNBOUNDED);
    zones = List.copyOf(Objects.requireNonNullElse(zones, List.of()));
    attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
    options = Map.copyOf(Objects.requireNonNullElse(options, Map.of()));
    long distinct = zones.stream().map(Zone::name).distinct().count();
    if (distinct != zones.size()) {
      throw new IllegalArgumentException("account '" + name + "' declares a zone twice");
    }
  }

  /** An account with only a name, a type and a capacity: one default zone with one host. */
  public static VimAccount of(String name, String type, Capacity capacity) {
    return new VimAccount(name, type, null, null, capacity, List.of(), Map.of(), Map.of());
  }

  public VimAccount withZones(List<Zone> value) {
    return new VimAccount(name, type, endpoint, credentials, capacity, value, attributes, options);
  }

  public VimAccount withOptions(Map<String, String> value) {
    return new VimAccount(name, type, endpoint, credentials, capacity, zones, attributes, value);
  }

  public VimAccount withAttributes(Map<String, String> value) {
    return new VimAccount(name, type, endpoint, credentials, capacity, zones, value, options);
  }

  /**
   * An availability zone (OpenStack) or zone label (Kubernetes).
   *
   * @param capacity the zone's share of the account ({@code capacity/zone} in YANG)
   * @param hosts the hosts of the zone; an empty list means one host named like the zone
   * @param hostAggregates host aggregates, for drivers that place by aggregate
   * @param attributes placement attributes offered by the zone
   */
  public record Zone(
      String name,
      Capacity capacity,
      List<Host> hosts,
      List<String> hostAggregates,
      Map<String, String> attributes) {

    public Zone {
      Objects.requireNonNull(name, "name");
      capacity = Objects.requireNonNullElse(capacity, Capacity.UNBOUNDED);
      hosts = List.copyOf(Objects.requireNonNullElse(hosts, List.of()));
      hostAggregates = List.copyOf(Objects.requireNonNullElse(hostAggregates, List.of()));
      attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
      long distinct = hosts.stream().map(Host::name).distinct().count();
      if (distinct != hosts.size()) {
        throw new IllegalArgumentException("zone '" + name + "' declares a host twice");
      }
    }

    public static Zone of(String name, Capacity capacity, Host... hosts) {
      return new Zone(name, capacity, List.of(hosts), List.of(), Map.of());
    }

    public Zone withAttributes(Map<String, String> value) {
      return new Zone(name, capacity, hosts, hostAggregates, value);
    }
  }

  /**
   * A host (hypervisor, node) in a zone. YANG names hosts only; a host's capacity comes from driver
   * options or is unbounded.
   */
  public record Host(String name, Capacity capacity) {
    public Host {
      Objects.requireNonNull(name, "name");
      capacity = Objects.requireNonNullElse(capacity, Capacity.UNBOUNDED);
    }

    public static Host of(String name) {
      return new Host(name, Capacity.UNBOUNDED);
    }

    public static Host of(String name, Capacity capacity) {
      return new Host(name, capacity);
    }
  }

  /**
   * How to log in ({@code credentials} in YANG). The password and token stay sealed until the
   * driver {@link Secret#reveal reveals} them to connect. Any part may be {@code null}.
   */
  public record Credentials(
      String user,
      Secret password,
      Secret token,
      String project,
      String domain,
      String caCertificate) {
    public static final Credentials NONE = new Credentials(null, null, null, null, null, null);
  }
}
