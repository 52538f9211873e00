package io.yamano.lcm.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an NS instance holds in its VIMs, as recorded in operational state.
 *
 * @param vnfs by VNF instance id
 * @param networks by virtual link instance id
 */
public record ActualNs(
    String nsName,
    String flavour,
    String level,
    Map<String, VnfInstance> vnfs,
    Map<String, NetworkInstance> networks) {

  public ActualNs {
    Objects.requireNonNull(nsName, "nsName");
    vnfs = Collections.unmodifiableMap(new LinkedHashMap<>(vnfs));
    networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
  }

  /** An NS that holds nothing. */
  public static ActualNs empty(String nsName) {
    return new ActualNs(nsName, null, null, Map.of(), Map.of());
  }

  public boolean isEmpty() {
    return vnfs.isEmpty() && networks.isEmpty();
  }

  public int vduCount() {
    return vnfs.values().stream().mapToInt(v -> v.vdus().size()).sum();
  }

  /** A VNF instance. */
  public record VnfInstance(
      String id, String member, String vnfdId, String account, Map<String, VduInstance> vdus) {
    public VnfInstance {
      Objects.requireNonNull(id, "id");
      vdus = Collections.unmodifiableMap(new LinkedHashMap<>(vdus));
    }
  }

  /**
   * A VDU instance and the VIM resources realising it.
   *
   * @param ports by internal connection point id
   * @param failed the VIM reports the compute resource broken (a heal candidate)
   */
  public record VduInstance(
      String id,
      String vduId,
      String computeId,
      String zone,
      String host,
      Map<String, PortInstance> ports,
      boolean failed) {
    public VduInstance {
      Objects.requireNonNull(id, "id");
      ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    public VduInstance withFailed(boolean value) {
      return new VduInstance(id, vduId, computeId, zone, host, ports, value);
    }
  }

  /** A port of a VDU instance on one of the NS's networks. */
  public record PortInstance(String cp, String ip, String portId) {}

  /** A network. */
  public record NetworkInstance(
      String id, String virtualLinkDescId, String account, String networkId) {}
}
