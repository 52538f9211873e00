package io.yamano.lcm.plan;

import io.yamano.lcm.model.AffinityGroup;
import io.yamano.lcm.model.NsDescriptor;
import io.yamano.lcm.model.NsInstanceConfig;
import io.yamano.lcm.model.VnfDescriptor;
import io.yamano.vim.AffinityRule;
import io.yamano.vim.Flavour;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes the {@link Layout} an NS instance's configuration asks for: which VNF instances (by the
 * NS level's counts per vnf-profile), which VDU instances (by each member's VNF level, or the
 * vdu-profile minimum), where each connection point attaches, and which networks exist.
 *
 * <p>Connection points attach to the VNF's internal virtual link when their int-cpd names one, to
 * the NS virtual link the vnf-profile connects their ext-cpd to, and otherwise to the NS's {@value
 * #DEFAULT_LINK} network in their VIM account, so that every VDU gets an address.
 */
public final class LayoutBuilder {

  /** The virtual link of connection points no descriptor connects. */
  public static final String DEFAULT_LINK = "default";

  private LayoutBuilder() {}

  /** The layout of {@code config}. */
  public static Layout build(
      NsInstanceConfig config, NsDescriptor nsd, Map<String, VnfDescriptor> vnfds)
      throws UnrealisableException {
    return build(config, nsd, vnfds, Map.of());
  }

  /**
   * The layout of {@code config} with some VDU counts overridden (scaling by aspect).
   *
   * @param vduCounts VNF instance id to VDU id to number of instances
   */
  public static Layout build(
      NsInstanceConfig config,
      NsDescriptor nsd,
      Map<String, VnfDescriptor> vnfds,
      Map<String, Map<String, Integer>> vduCounts)
      throws UnrealisableException {
    if (config.flavour() == null) {
      throw new UnrealisableException(
          "flavour", "NS instance '" + config.name() + "' has no flavour to instantiate");
    }
    var flavour =
        nsd.flavour(config.flavour())
            .orElseThrow(
                () ->
                    new UnrealisableException(
                        "flavour",
                        "NSD '"
                            + nsd.id()
                            + "' has no deployment flavour '"
                            + config.flavour()
                            + "'"));
    String level = flavour.effectiveLevel(config.level());
    if (level != null && !flavour.levels().containsKey(level)) {
      throw new UnrealisableException(
          "instantiation-level",
          "flavour '" + flavour.id() + "' of NSD '" + nsd.id() + "' has no level '" + level + "'");
    }
    var counts = flavour.counts(level);
    var networks = new LinkedHashMap<String, Layout.NetworkLayout>();
    var vnfs = new LinkedHashMap<String, Layout.VnfLayout>();
    for (var profile : flavour.vnfProfiles().values()) {
      var member = config.member(profile.id());
      if (!member.instantiated()) {
        continue;
      }
      String vnfdId = member.vnfdRef() != null ? member.vnfdRef() : profile.vnfdId();
      VnfDescriptor vnfd = vnfds.get(vnfdId);
      if (vnfd == null) {
        throw new UnrealisableException(
            "nsd-ref",
            "member '"
                + profile.id()
                + "' of NSD '"
                + nsd.id()
                + "' uses VNFD '"
                + vnfdId
                + "', which does not exist");
      }
      var vnfFlavour =
          vnfd.flavour(profile.flavourId())
              .orElseThrow(
                  () ->
                      new UnrealisableException(
                          "nsd-ref",
                          "member '"
                              + profile.id()
                              + "' uses flavour '"
                              + profile.flavourId()
                              + "' of VNFD '"
                              + vnfd.id()
                              + "', which has no such flavour"));
      if (profile.instantiationLevel() != null
          && !vnfFlavour.levels().containsKey(profile.instantiationLevel())) {
        throw new UnrealisableException(
            "nsd-ref",
            "member '"
                + profile.id()
                + "' uses level '"
                + profile.instantiationLevel()
                + "' of VNFD '"
                + vnfd.id()
                + "' flavour '"
                + vnfFlavour.id()
                + "', which does not exist");
      }
      String account = config.accountOf(profile.id());
      if (account == null) {
        throw new UnrealisableException(
            "vim-account",
            "member '"
                + profile.id()
                + "' of NS instance '"
                + config.name()
                + "' has no VIM account: set vim-account on the NS or on vnf "
                + profile.id());
      }
      var extToLink = new HashMap<VnfDescriptor.VduCp, String>();
      profile
          .links()
          .forEach(
              (link, extCps) -> {
                for (String ext : extCps) {
                  var cp = vnfd.extCps().get(ext);
                  if (cp != null) {
                    extToLink.put(cp, link);
                  }
                }
              });
      var levelCounts =
          scaledCounts(
              vnfFlavour.counts(profile.instantiationLevel()),
              vnfFlavour,
              member.scaleLevels(),
              profile.id());
      int instances = counts.getOrDefault(profile.id(), profile.min());
      for (int i = 1; i <= instances; i++) {
        String vnfId = profile.id() + "-" + i;
        var overrides = vduCounts.getOrDefault(vnfId, Map.of());
        var vdus = new LinkedHashMap<String, Layout.VduLayout>();
        for (var vduProfile : vnfFlavour.vduProfiles().values()) {
          var vdu = vnfd.vdus().get(vduProfile.vduId());
          if (vdu == null) {
            throw new UnrealisableException(
                "nsd-ref",
                "VNFD '"
                    + vnfd.id()
                    + "' profiles VDU '"
                    + vduProfile.vduId()
                    + "', which it lacks");
          }
          int count = overrides.getOrDefault(vdu.id(), levelCounts.getOrDefault(vdu.id(), 0));
          if (count > vduProfile.max() || count < vduProfile.min()) {
            throw new UnrealisableException(
                "instantiation-level",
                count
                    + " instances of VDU '"
                    + vdu.id()
                    + "' of VNFD '"
                    + vnfd.id()
                    + "' are outside its profile's "
                    + vduProfile.min()
                    + ".."
                    + vduProfile.max());
          }
          var affinity = new ArrayList<AffinityRule>();
          for (String groupId : vduProfile.groups()) {
            AffinityGroup group = vnfFlavour.groups().get(groupId);
            if (group != null) {
              affinity.add(rule(config.name() + "." + vnfId + "." + group.id(), group));
            }
          }
          for (AffinityGroup local : vduProfile.localRules()) {
            affinity.add(
                rule(config.name() + "." + vnfId + "." + vdu.id() + "." + local.id(), local));
          }
          var flavourOfVdu = new Flavour(vdu.vcpus(), vdu.memoryMb(), vdu.diskGb());
          for (int k = 1; k <= count; k++) {
            var cps = new LinkedHashMap<String, String>();
            for (var cp : vdu.cps().entrySet()) {
              String linkId;
              String descId;
              String nsLink = extToLink.get(new VnfDescriptor.VduCp(vdu.id(), cp.getKey()));
              if (cp.getValue() != null) {
                linkId = vnfId + "." + cp.getValue();
                descId = cp.getValue();
              } else if (nsLink != null) {
                linkId = nsLink + "@" + account;
                var vl = flavour.virtualLinks().get(nsLink);
                descId =
                    vl == null || vl.virtualLinkDescId() == null ? nsLink : vl.virtualLinkDescId();
              } else {
                linkId = DEFAULT_LINK + "@" + account;
                descId = DEFAULT_LINK;
              }
              if (!networks.containsKey(linkId)) {
                var vl = nsLink == null ? null : flavour.virtualLinks().get(nsLink);
                String cidr =
                    vl != null && vl.cidr() != null
                        ? vl.cidr()
                        : "10.0." + networks.size() + ".0/24";
                networks.put(linkId, new Layout.NetworkLayout(linkId, descId, account, cidr));
              }
              cps.put(cp.getKey(), linkId);
            }
            String id = vdu.id() + "-" + k;
            vdus.put(
                id, new Layout.VduLayout(id, vdu.id(), flavourOfVdu, vdu.image(), affinity, cps));
          }
        }
        vnfs.put(vnfId, new Layout.VnfLayout(vnfId, profile.id(), vnfd.id(), account, vdus));
      }
    }
    return new Layout(config.name(), flavour.id(), level, vnfs, networks);
  }

  /**
   * A VNF flavour's level counts plus the configured steps of its scaling aspects (ETSI GS NFV-IFA
   * 011: each step of an aspect adds its VDU deltas).
   */
  static Map<String, Integer> scaledCounts(
      Map<String, Integer> levelCounts,
      VnfDescriptor.VnfFlavour flavour,
      Map<String, Integer> scaleLevels,
      String member)
      throws UnrealisableException {
    if (scaleLevels.isEmpty()) {
      return levelCounts;
    }
    var counts = new LinkedHashMap<>(levelCounts);
    for (var entry : scaleLevels.entrySet()) {
      var aspect = flavour.aspects().get(entry.getKey());
      if (aspect == null) {
        throw new UnrealisableException(
            "vnf",
            "member '"
                + member
                + "': VNF flavour '"
                + flavour.id()
                + "' has no scaling aspect '"
                + entry.getKey()
                + "' (it has "
                + flavour.aspects().keySet()
                + ")");
      }
      int level = entry.getValue();
      if (level > aspect.maxScaleLevel()) {
        throw new UnrealisableException(
            "vnf",
            "member '"
                + member
                + "': scale level "
                + level
                + " of aspect '"
                + aspect.id()
                + "' is above its max-scale-level "
                + aspect.maxScaleLevel());
      }
      aspect.vduDelta().forEach((vdu, delta) -> counts.merge(vdu, level * delta, Integer::sum));
    }
    return counts;
  }

  /** VDU counts per VNF instance of an actual NS: the starting point of scaling by aspect. */
  public static Map<String, Map<String, Integer>> counts(ActualNs actual) {
    var out = new LinkedHashMap<String, Map<String, Integer>>();
    actual
        .vnfs()
        .forEach(
            (id, vnf) -> {
              var perVdu = new LinkedHashMap<String, Integer>();
              vnf.vdus().values().forEach(v -> perVdu.merge(v.vduId(), 1, Integer::sum));
              out.put(id, perVdu);
            });
    return out;
  }

  /**
   * VDU counts after scaling one VNF instance by {@code steps} of an aspect ({@code steps} negative
   * to scale in).
   *
   * @throws UnrealisableException if the result leaves the aspect's or a VDU profile's bounds
   */
  public static Map<String, Map<String, Integer>> scaled(
      ActualNs actual, VnfDescriptor.VnfFlavour flavour, String vnfId, String aspectId, int steps)
      throws UnrealisableException {
    var aspect = flavour.aspects().get(aspectId);
    if (aspect == null) {
      throw new UnrealisableException(
          "flavour", "VNF flavour '" + flavour.id() + "' has no scaling aspect '" + aspectId + "'");
    }
    var counts = counts(actual);
    var current = counts.get(vnfId);
    if (current == null) {
      throw new UnrealisableException("flavour", "no VNF instance '" + vnfId + "' to scale");
    }
    var next = new LinkedHashMap<>(current);
    for (var delta : aspect.vduDelta().entrySet()) {
      int value = next.getOrDefault(delta.getKey(), 0) + steps * delta.getValue();
      var profile = flavour.vduProfiles().get(delta.getKey());
      if (value < (profile == null ? 0 : profile.min())
          || (profile != null && value > profile.max())) {
        throw new UnrealisableException(
            "instantiation-level",
            "scaling aspect '"
                + aspectId
                + "' by "
                + steps
                + " would give VDU '"
                + delta.getKey()
                + "' "
                + value
                + " instances, outside "
                + (profile == null ? 0 : profile.min())
                + ".."
                + (profile == null ? "?" : profile.max()));
      }
      next.put(delta.getKey(), value);
    }
    var out = new LinkedHashMap<>(counts);
    out.put(vnfId, next);
    return out;
  }

  private static AffinityRule rule(String group, AffinityGroup spec) {
    var scope = spec.perZone() ? AffinityRule.Scope.ZONE : AffinityRule.Scope.HOST;
    return spec.anti()
        ? AffinityRule.antiAffinity(group, scope)
        : AffinityRule.affinity(group, scope);
  }
}
