package io.yamano.onboarding.mapping;

import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.source.ScalarKind;
import io.yamano.onboarding.source.SourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lossless rewrites of SOL006 v2.x forms (v2.6.1, which OSM's SOL006 is based on, and ETSI's own
 * v2.6.1 example data) into v4.3.1's structure. Each rewrite is reported as {@link
 * DeviationKind#MAPPED}:
 *
 * <ul>
 *   <li>{@code virtual-storage-descriptor} is {@code virtual-storage-desc};
 *   <li>{@code size-of-storage}, {@code rdma-enabled}, {@code sw-image-desc} and {@code
 *       vdu-storage-requirements} of a block volume moved into {@code block-storage-data} (v3.3.1);
 *   <li>{@code layer-protocol { protocol X; }} is the leaf-list {@code layer-protocol X};
 *   <li>{@code affinity-or-anti-affinity-group { id X; }} in a profile is the leaf-list {@code
 *       affinity-or-anti-affinity-group-id X};
 *   <li>{@code type} of an affinity group is {@code affinityorAntiaffinity}.
 * </ul>
 */
final class LegacyForms {
  private static final Set<String> BLOCK_STORAGE_FIELDS =
      Set.of("size-of-storage", "rdma-enabled", "sw-image-desc", "vdu-storage-requirements");
  private static final Set<String> PROFILES =
      Set.of(
          "vnfd/df/vdu-profile",
          "vnfd/df/virtual-link-profile",
          "nsd/df/vnf-profile",
          "nsd/df/pnf-profile",
          "nsd/df/virtual-link-profile",
          "nsd/df/ns-profile");

  private LegacyForms() {}

  static SourceNode apply(String key, SourceNode node, String path, DeviationLog log) {
    var result = node;
    if (key.equals("vnfd") && !result.all("virtual-storage-descriptor").isEmpty()) {
      log.add(
          path + "/virtual-storage-descriptor",
          DeviationKind.MAPPED,
          "virtual-storage-descriptor",
          "virtual-storage-desc",
          "renamed: SOL006 calls the list virtual-storage-desc");
      result = rename(result, "virtual-storage-descriptor", "virtual-storage-desc");
    }
    if (key.equals("nsd")) {
      result = OsmNsdProfiles.apply(result, path, log);
    }
    if (key.equals("vnfd/virtual-storage-desc")) {
      result = blockStorage(result, path, log);
    }
    if (result.child("layer-protocol").filter(c -> c.child("protocol").isPresent()).isPresent()) {
      result = layerProtocol(result, path, log);
    }
    if (PROFILES.contains(key) && !result.all("affinity-or-anti-affinity-group").isEmpty()) {
      result = affinityGroups(result, path, log);
    }
    if ((key.equals("vnfd/df/affinity-or-anti-affinity-group")
            || key.equals("nsd/df/affinity-or-anti-affinity-group"))
        && result.child("type").isPresent()
        && result.child("affinityorAntiaffinity").isEmpty()) {
      log.add(
          path + "/type",
          DeviationKind.MAPPED,
          "type",
          "affinityorAntiaffinity",
          "renamed: SOL006 v3.3.1 calls the leaf affinityorAntiaffinity");
      result = rename(result, "type", "affinityorAntiaffinity");
    }
    return result;
  }

  private static SourceNode rename(SourceNode node, String from, String to) {
    var children = new ArrayList<SourceNode>();
    for (var child : node.children()) {
      children.add(child.name().equals(from) ? child.withName(to) : child);
    }
    return node.withChildren(children);
  }

  private static SourceNode blockStorage(SourceNode storage, String path, DeviationLog log) {
    var moved =
        storage.children().stream().filter(c -> BLOCK_STORAGE_FIELDS.contains(c.name())).toList();
    if (moved.isEmpty()) {
      return storage;
    }
    String type = storage.textOf("type-of-storage").orElse("block");
    String local = type.substring(type.lastIndexOf(':') + 1);
    if (!Set.of("block", "root-storage", "ephemeral-storage", "swap-storage").contains(local)) {
      return storage;
    }
    var kept = new ArrayList<SourceNode>();
    for (var child : storage.children()) {
      if (!BLOCK_STORAGE_FIELDS.contains(child.name())) {
        kept.add(child);
      }
    }
    var block = storage.child("block-storage-data");
    var blockChildren =
        new ArrayList<SourceNode>(block.map(SourceNode::children).orElse(List.of()));
    blockChildren.addAll(moved);
    kept.removeIf(c -> c.name().equals("block-storage-data"));
    kept.add(SourceNode.container("block-storage-data", blockChildren));
    for (var child : moved) {
      log.add(
          path + "/" + child.name(),
          DeviationKind.MAPPED,
          child.name(),
          "block-storage-data/" + child.name(),
          "moved: since SOL006 v3.3.1 block volume properties are in block-storage-data");
    }
    return storage.withChildren(kept);
  }

  private static SourceNode layerProtocol(SourceNode node, String path, DeviationLog log) {
    var children = new ArrayList<SourceNode>();
    for (var child : node.children()) {
      if (child.name().equals("layer-protocol") && child.child("protocol").isPresent()) {
        for (var protocol : child.all("protocol")) {
          String value = protocol.text().orElse("");
          log.add(
              path + "/layer-protocol",
              DeviationKind.MAPPED,
              "layer-protocol/protocol " + value,
              "layer-protocol " + value,
              "restructured: SOL006 has layer-protocol as a leaf-list");
          children.add(
              new SourceNode(
                  child.module(),
                  "layer-protocol",
                  java.util.Optional.of(value),
                  protocol.kind() == ScalarKind.NONE ? ScalarKind.UNTYPED : protocol.kind(),
                  List.of(),
                  true));
        }
      } else {
        children.add(child);
      }
    }
    return node.withChildren(children);
  }

  private static SourceNode affinityGroups(SourceNode profile, String path, DeviationLog log) {
    var children = new ArrayList<SourceNode>();
    for (var child : profile.children()) {
      if (child.name().equals("affinity-or-anti-affinity-group") && child.child("id").isPresent()) {
        var id = child.child("id").get();
        log.add(
            path + "/affinity-or-anti-affinity-group",
            DeviationKind.MAPPED,
            "affinity-or-anti-affinity-group/id " + id.text().orElse(""),
            "affinity-or-anti-affinity-group-id " + id.text().orElse(""),
            "restructured: SOL006 v3.3.1 refers to groups with the leaf-list"
                + " affinity-or-anti-affinity-group-id");
        children.add(
            new SourceNode(
                child.module(),
                "affinity-or-anti-affinity-group-id",
                id.text(),
                id.kind(),
                List.of(),
                true));
      } else {
        children.add(child);
      }
    }
    return profile.withChildren(children);
  }
}
