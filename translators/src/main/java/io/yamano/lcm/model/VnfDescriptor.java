package io.yamano.lcm.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A VNFD as the planner needs it.
 *
 * @param vdus by VDU id, in document order
 * @param intVirtualLinks ids of the internal virtual link descriptors
 * @param extCps external connection point id to the VDU internal CP it exposes (only the ext-cpds
 *     realised by a VDU's int-cpd)
 * @param flavours deployment flavours by id
 */
public record VnfDescriptor(
    String id,
    Map<String, Vdu> vdus,
    java.util.List<String> intVirtualLinks,
    Map<String, VduCp> extCps,
    Map<String, VnfFlavour> flavours) {

  public VnfDescriptor {
    Objects.requireNonNull(id, "id");
    vdus = Ordered.copy(vdus);
    intVirtualLinks = java.util.List.copyOf(intVirtualLinks);
    extCps = Ordered.copy(extCps);
    flavours = Ordered.copy(flavours);
  }

  public Optional<VnfFlavour> flavour(String flavourId) {
    return Optional.ofNullable(flavours.get(flavourId));
  }

  /** A VDU's internal connection point. */
  public record VduCp(String vduId, String cpId) {}

  /**
   * A virtualisation deployment unit.
   *
   * @param cps its internal connection points, each with the internal virtual link it attaches to
   *     (or {@code null})
   * @param vcpus from its virtual-compute-desc
   * @param memoryMb from its virtual-compute-desc (GB in the VNFD, rounded up to MiB)
   * @param diskGb the sum of its virtual-compute-desc's virtual disks (0 when none)
   * @param image the sw-image-desc's image reference, or the VDU's sw-image-desc id
   */
  public record Vdu(
      String id, Map<String, String> cps, int vcpus, long memoryMb, long diskGb, String image) {
    public Vdu {
      Objects.requireNonNull(id, "id");
      cps = Ordered.copy(cps);
    }
  }

  /**
   * A deployment flavour of a VNFD.
   *
   * @param vduProfiles by VDU id
   * @param levels instantiation levels by id: VDU id to number of instances
   * @param defaultLevel the default instantiation level, or {@code null}
   * @param aspects scaling aspects by id
   * @param groups affinity or anti-affinity groups by id
   */
  public record VnfFlavour(
      String id,
      Map<String, VduProfile> vduProfiles,
      Map<String, Map<String, Integer>> levels,
      String defaultLevel,
      Map<String, ScalingAspect> aspects,
      Map<String, AffinityGroup> groups) {
    public VnfFlavour {
      Objects.requireNonNull(id, "id");
      vduProfiles = Ordered.copy(vduProfiles);
      levels = Ordered.copy(levels);
      aspects = Ordered.copy(aspects);
      groups = Ordered.copy(groups);
    }

    /**
     * VDU instance counts at a level: the level's vdu-level counts, each VDU profile's minimum for
     * VDUs the level leaves out.
     *
     * @param levelId a level, or {@code null} for the default level (or the minimums)
     */
    public Map<String, Integer> counts(String levelId) {
      String level = levelId == null ? defaultLevel : levelId;
      Map<String, Integer> at = level == null ? Map.of() : levels.getOrDefault(level, Map.of());
      var counts = new java.util.LinkedHashMap<String, Integer>();
      for (VduProfile profile : vduProfiles.values()) {
        counts.put(profile.vduId(), at.getOrDefault(profile.vduId(), profile.min()));
      }
      return counts;
    }
  }

  /**
   * How many instances of a VDU a flavour allows and where they go.
   *
   * @param groups affinity-or-anti-affinity-group ids the instances belong to
   * @param localRules placement rules among the instances of this VDU
   */
  public record VduProfile(
      String vduId,
      int min,
      int max,
      java.util.List<String> groups,
      java.util.List<AffinityGroup> localRules) {
    public VduProfile {
      Objects.requireNonNull(vduId, "vduId");
      groups = java.util.List.copyOf(groups);
      localRules = java.util.List.copyOf(localRules);
    }
  }

  /**
   * A scaling aspect: each step adds (scale out) or removes (scale in) {@code vduDelta} instances.
   */
  public record ScalingAspect(String id, int maxScaleLevel, Map<String, Integer> vduDelta) {
    public ScalingAspect {
      Objects.requireNonNull(id, "id");
      vduDelta = Ordered.copy(vduDelta);
    }
  }
}
