package io.yamano.lcm.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An NSD as the planner needs it: its deployment flavours. */
public record NsDescriptor(String id, Map<String, NsFlavour> flavours) {

  public NsDescriptor {
    Objects.requireNonNull(id, "id");
    flavours = Ordered.copy(flavours);
  }

  public Optional<NsFlavour> flavour(String flavourId) {
    return Optional.ofNullable(flavours.get(flavourId));
  }

  /**
   * A deployment flavour of an NSD.
   *
   * @param vnfProfiles member VNFs by vnf-profile id
   * @param levels NS instantiation levels by id: vnf-profile id to number of VNF instances
   * @param defaultLevel the default level, or {@code null}
   * @param virtualLinks virtual-link-profiles by id
   */
  public record NsFlavour(
      String id,
      Map<String, VnfProfile> vnfProfiles,
      Map<String, Map<String, Integer>> levels,
      String defaultLevel,
      Map<String, VirtualLinkProfile> virtualLinks) {
    public NsFlavour {
      Objects.requireNonNull(id, "id");
      vnfProfiles = Ordered.copy(vnfProfiles);
      levels = Ordered.copy(levels);
      virtualLinks = Ordered.copy(virtualLinks);
    }

    /** The level a configured level id means: itself, else the default level. */
    public String effectiveLevel(String levelId) {
      return levelId == null ? defaultLevel : levelId;
    }

    /** VNF instance counts at a level, each profile's minimum where the level is silent. */
    public Map<String, Integer> counts(String levelId) {
      String level = effectiveLevel(levelId);
      Map<String, Integer> at = level == null ? Map.of() : levels.getOrDefault(level, Map.of());
      var counts = new java.util.LinkedHashMap<String, Integer>();
      for (VnfProfile profile : vnfProfiles.values()) {
        counts.put(profile.id(), at.getOrDefault(profile.id(), profile.min()));
      }
      return counts;
    }
  }

  /**
   * A member VNF.
   *
   * @param instantiationLevel the VNF flavour's level to use, or {@code null} for its default
   * @param links NS virtual-link-profile id to the VNFD ext-cpd ids connected to it
   */
  public record VnfProfile(
      String id,
      String vnfdId,
      String flavourId,
      String instantiationLevel,
      int min,
      int max,
      Map<String, List<String>> links) {
    public VnfProfile {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(vnfdId, "vnfdId");
      Objects.requireNonNull(flavourId, "flavourId");
      links = Ordered.copy(links);
    }
  }

  /**
   * An NS virtual link.
   *
   * @param cidr the l3-protocol-data cidr, or {@code null} to let Yamano choose
   * @param pools the l3-protocol-data ip-allocation-pools as written ({@code start-end} or a CIDR
   *     block inside {@code cidr}); empty for the whole subnet
   */
  public record VirtualLinkProfile(
      String id, String virtualLinkDescId, String cidr, List<String> pools) {
    public VirtualLinkProfile {
      Objects.requireNonNull(id, "id");
      pools = List.copyOf(pools);
    }

    public VirtualLinkProfile(String id, String virtualLinkDescId, String cidr) {
      this(id, virtualLinkDescId, cidr, List.of());
    }
  }
}
