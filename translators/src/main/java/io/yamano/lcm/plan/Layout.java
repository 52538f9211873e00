package io.yamano.lcm.plan;

import io.yamano.vim.AffinityRule;
import io.yamano.vim.Flavour;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an NS instance should consist of: every VNF instance with its VDU instances and where their
 * connection points attach, and every network. Computed from descriptors by {@link LayoutBuilder}.
 *
 * @param flavour the NSD flavour
 * @param level the NS instantiation level in effect
 * @param vnfs by VNF instance id
 * @param networks by virtual link instance id
 */
public record Layout(
    String nsName,
    String flavour,
    String level,
    Map<String, VnfLayout> vnfs,
    Map<String, NetworkLayout> networks) {

  public Layout {
    Objects.requireNonNull(nsName, "nsName");
    vnfs = Collections.unmodifiableMap(new LinkedHashMap<>(vnfs));
    networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
  }

  /** Nothing at all: the layout a terminated NS has. */
  public static Layout empty(String nsName) {
    return new Layout(nsName, null, null, Map.of(), Map.of());
  }

  /** Number of VDU instances. */
  public int vduCount() {
    return vnfs.values().stream().mapToInt(v -> v.vdus().size()).sum();
  }

  /** One VNF instance: a member of the NS ({@code member} is its vnf-profile id). */
  public record VnfLayout(
      String id, String member, String vnfdId, String account, Map<String, VduLayout> vdus) {
    public VnfLayout {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(account, "account");
      vdus = Collections.unmodifiableMap(new LinkedHashMap<>(vdus));
    }
  }

  /**
   * One VDU instance.
   *
   * @param id unique within its VNF instance ({@code <vdu>-<n>})
   * @param cps internal connection point id to the network (virtual link instance id) it attaches
   *     to
   */
  public record VduLayout(
      String id,
      String vduId,
      Flavour flavour,
      String image,
      List<AffinityRule> affinity,
      Map<String, String> cps,
      String zone,
      Map<String, String> attributes,
      Map<String, String> fixedIps) {
    public VduLayout {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(flavour, "flavour");
      affinity = List.copyOf(affinity);
      cps = Collections.unmodifiableMap(new LinkedHashMap<>(cps));
      attributes = Map.copyOf(attributes);
      fixedIps = Map.copyOf(fixedIps);
    }

    public VduLayout(
        String id,
        String vduId,
        Flavour flavour,
        String image,
        List<AffinityRule> affinity,
        Map<String, String> cps) {
      this(id, vduId, flavour, image, affinity, cps, null, Map.of(), Map.of());
    }
  }

  /**
   * One network.
   *
   * @param id the virtual link instance id, unique in the NS
   * @param virtualLinkDescId the descriptor it realises ({@code default} for the network of
   *     connection points no virtual link claims)
   */
  public record NetworkLayout(
      String id,
      String virtualLinkDescId,
      String account,
      String cidr,
      List<io.yamano.vim.IpRange> pools) {
    public NetworkLayout(String id, String virtualLinkDescId, String account, String cidr) {
      this(id, virtualLinkDescId, account, cidr, List.of());
    }

    public NetworkLayout {
      pools = List.copyOf(pools);
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(cidr, "cidr");
    }
  }
}
