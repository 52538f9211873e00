package io.yamano.onboarding.mapping;

import io.yamano.onboarding.source.ScalarKind;
import io.yamano.onboarding.source.SourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The documented defaults lenient onboarding fills in for mandatory nodes an input lacks (OSM and
 * TOSCA descriptors routinely omit SOL006's {@code provider}, {@code software-version}, {@code
 * vnfm-info} ...). Each default is derived from the descriptor itself where it can be (a product
 * name from the id) and is otherwise a fixed, recognisable value. The README lists them.
 */
final class Defaults {
  /** Values for a leaf or leaf-list, and the words the report uses. */
  record Leaf(List<String> values, String reason) {}

  /** Entries for a list, and the words the report uses. */
  record Entries(List<SourceNode> entries, String reason) {}

  private final Map<String, Function<OutNode, Optional<Leaf>>> leaves =
      Map.ofEntries(
          Map.entry("vnfd/provider", n -> fixed("unknown")),
          Map.entry("vnfd/product-name", n -> copy(n, "id")),
          Map.entry("vnfd/software-version", n -> copy(n, "version").or(() -> fixed("1.0"))),
          Map.entry("vnfd/version", n -> fixed("1.0")),
          Map.entry("vnfd/vnfm-info", n -> fixed("yamano")),
          Map.entry("vnfd/vdu/name", n -> copy(n, "id")),
          Map.entry("vnfd/sw-image-desc/name", n -> copy(n, "id")),
          Map.entry("vnfd/sw-image-desc/version", n -> fixed("1.0")),
          Map.entry("vnfd/sw-image-desc/checksum/algorithm", n -> fixed("sha-256")),
          Map.entry(
              "vnfd/sw-image-desc/checksum/hash",
              n ->
                  Optional.of(
                      new Leaf(
                          List.of("unknown"),
                          "the image's checksum is not known; the documented default is"
                              + " \"unknown\""))),
          Map.entry("vnfd/df/instantiation-level/vdu-level/number-of-instances", n -> fixed("1")),
          Map.entry(
              "vnfd/int-virtual-link-desc/connectivity-type/layer-protocol",
              n -> fixed("ethernet")),
          Map.entry(
              "nsd/virtual-link-desc/connectivity-type/layer-protocol", n -> fixed("ethernet")),
          Map.entry("nsd/df/vnf-profile/flavour-id", n -> osm("default-df")),
          Map.entry(
              "nsd/df/vnf-profile/instantiation-level", n -> osm("default-instantiation-level")),
          Map.entry("vnfd/df/virtual-link-profile/max-bit-rate-requirements/root", n -> fixed("0")),
          Map.entry("vnfd/df/virtual-link-profile/min-bit-rate-requirements/root", n -> fixed("0")),
          Map.entry("nsd/df/virtual-link-profile/max-bitrate-requirements/root", n -> fixed("0")),
          Map.entry("nsd/df/virtual-link-profile/min-bitrate-requirements/root", n -> fixed("0")),
          Map.entry("nsd/designer", n -> fixed("unknown")),
          Map.entry("nsd/version", n -> fixed("1.0")),
          Map.entry("nsd/name", n -> copy(n, "id")),
          Map.entry("nsd/invariant-id", n -> copy(n, "id")),
          Map.entry("pnfd/provider", n -> fixed("unknown")),
          Map.entry("pnfd/version", n -> fixed("1.0")),
          Map.entry("pnfd/name", n -> copy(n, "id")),
          Map.entry("pnfd/function-description", n -> fixed("unknown")),
          Map.entry("pnfd/invariant-id", n -> copy(n, "id")));

  Optional<Leaf> leaf(String key, OutNode parent) {
    var rule = leaves.get(key);
    return rule == null ? Optional.empty() : rule.apply(parent);
  }

  Optional<Entries> entries(String key, OutNode parent) {
    return switch (key) {
      case "vnfd/df" -> defaultFlavour(parent);
      case "vnfd/df/vdu-profile" -> parent.ancestor("vnfd").map(Defaults::vduProfiles);
      case "nsd/df/ns-instantiation-level" -> Optional.of(nsLevel(parent));
      case "vnfd/df/lcm-operations-configuration/create-snapshot-vnf-op-config/parameter",
          "vnfd/df/lcm-operations-configuration/revert-to-snapshot-vnf-op-config/parameter" ->
          Optional.of(
              new Entries(
                  List.of(
                      SourceNode.entry(
                          "parameter",
                          List.of(
                              SourceNode.leaf("key", "none", ScalarKind.UNTYPED),
                              SourceNode.leaf("value", "none", ScalarKind.UNTYPED)))),
                  "SOL006 v4.3.1 requires one parameter for every flavour; the documented"
                      + " default is key \"none\" with value \"none\""));
      default -> Optional.empty();
    };
  }

  /** One flavour with every VDU once, as OSM's own converter does for the {@code _im} format. */
  private static Optional<Entries> defaultFlavour(OutNode vnfd) {
    var vdus = vnfd.all("vdu").stream().map(v -> v.text("id").orElse("")).toList();
    if (vdus.isEmpty()) {
      return Optional.empty();
    }
    var profiles = vduProfiles(vnfd).entries();
    var levels = new ArrayList<SourceNode>();
    for (var vdu : vdus) {
      levels.add(
          SourceNode.entry(
              "vdu-level",
              List.of(
                  SourceNode.leaf("vdu-id", vdu, ScalarKind.UNTYPED),
                  SourceNode.leaf("number-of-instances", "1", ScalarKind.UNTYPED))));
    }
    var children = new ArrayList<SourceNode>();
    children.add(SourceNode.leaf("id", "default-df", ScalarKind.UNTYPED));
    children.addAll(profiles);
    var level = new ArrayList<SourceNode>();
    level.add(SourceNode.leaf("id", "default-instantiation-level", ScalarKind.UNTYPED));
    level.addAll(levels);
    children.add(SourceNode.entry("instantiation-level", level));
    return Optional.of(
        new Entries(
            List.of(SourceNode.entry("df", children)),
            "the documented default is one flavour \"default-df\" with one instance of each VDU"));
  }

  private static Entries vduProfiles(OutNode vnfd) {
    var profiles = new ArrayList<SourceNode>();
    for (var vdu : vnfd.all("vdu")) {
      profiles.add(
          SourceNode.entry(
              "vdu-profile",
              List.of(
                  SourceNode.leaf("id", vdu.text("id").orElse(""), ScalarKind.UNTYPED),
                  SourceNode.leaf("min-number-of-instances", "1", ScalarKind.UNTYPED),
                  SourceNode.leaf("max-number-of-instances", "1", ScalarKind.UNTYPED))));
    }
    return new Entries(profiles, "the documented default is one instance of each VDU");
  }

  /** One level with one instance of each VNF profile of the flavour. */
  private static Entries nsLevel(OutNode df) {
    var children = new ArrayList<SourceNode>();
    children.add(SourceNode.leaf("id", "default-instantiation-level", ScalarKind.UNTYPED));
    for (var profile : df.all("vnf-profile")) {
      children.add(
          SourceNode.entry(
              "vnf-to-level-mapping",
              List.of(
                  SourceNode.leaf(
                      "vnf-profile-id", profile.text("id").orElse(""), ScalarKind.UNTYPED),
                  SourceNode.leaf("number-of-instances", "1", ScalarKind.UNTYPED))));
    }
    return new Entries(
        List.of(SourceNode.entry("ns-instantiation-level", children)),
        "the documented default is one level \"default-instantiation-level\" with one instance"
            + " of each VNF profile");
  }

  /** OSM's naming convention for the flavour and level its VNFDs have. */
  private static Optional<Leaf> osm(String value) {
    return Optional.of(
        new Leaf(
            List.of(value),
            "the documented default is \""
                + value
                + "\", the name OSM gives its VNFDs' only flavour and level"));
  }

  private static Optional<Leaf> fixed(String value) {
    return Optional.of(new Leaf(List.of(value), "the documented default is \"" + value + "\""));
  }

  private static Optional<Leaf> copy(OutNode parent, String from) {
    return parent
        .text(from)
        .map(v -> new Leaf(List.of(v), "the documented default is the value of " + from));
  }
}
