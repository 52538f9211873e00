package io.yamano.onboarding.mapping;

import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.source.ScalarKind;
import io.yamano.onboarding.source.SourceNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts OSM's information model before SOL006 ({@code vnfd:vnfd-catalog}, {@code
 * nsd:nsd-catalog}) into the SOL006 form OSM itself writes, with the naming rules of OSM's own
 * translation ({@code <interface>-int} internal CPs, {@code <connection-point>-ext} external CPs,
 * {@code <vdu>-compute} and {@code <vdu>-storage} descriptors, one flavour {@code default-df}).
 * Each conversion is reported as coerced (the structure changes); nodes it does not convert stay in
 * place, so the schema mapping reports them (kept as vendor extensions or refused).
 */
public final class OsmImConverter {
  private static final Set<String> VNFD_CONSUMED =
      Set.of("name", "vendor", "connection-point", "vdu", "internal-vld", "mgmt-interface");
  private static final Set<String> VDU_CONSUMED =
      Set.of("count", "vm-flavor", "image", "interface", "cloud-init-file");
  private static final Set<String> NSD_CONSUMED = Set.of("vendor", "constituent-vnfd", "vld");

  private final DeviationLog log;

  public OsmImConverter(DeviationLog log) {
    this.log = log;
  }

  public List<SourceNode> convert(SourceNode root) {
    var out = new ArrayList<SourceNode>();
    for (var catalog : root.children()) {
      if (catalog.name().equals("vnfd-catalog")) {
        catalog.all("vnfd").forEach(v -> out.add(vnfd(v)));
      } else if (catalog.name().equals("nsd-catalog")) {
        catalog.all("nsd").forEach(n -> out.add(nsd(n)));
      } else {
        log.refuse(
            "/" + catalog.name(),
            catalog.render(),
            "not an OSM catalogue (vnfd-catalog, nsd-catalog)");
      }
    }
    return out;
  }

  private void converted(String path, String before, String after, String what) {
    log.add(path, DeviationKind.COERCED, before, after, "OSM _im " + what);
  }

  private static SourceNode leaf(String name, String value) {
    return new SourceNode(
        "", name, java.util.Optional.of(value), ScalarKind.UNTYPED, List.of(), false);
  }

  private static SourceNode leafListEntry(String name, String value) {
    return new SourceNode(
        "", name, java.util.Optional.of(value), ScalarKind.UNTYPED, List.of(), true);
  }

  private static SourceNode container(String name, SourceNode... children) {
    return SourceNode.container(name, List.of(children));
  }

  private static SourceNode entry(String name, List<SourceNode> children) {
    return SourceNode.entry(name, children);
  }

  private SourceNode vnfd(SourceNode in) {
    String id = in.textOf("id").orElse("");
    String path = "/nfv/vnfd[id='" + id + "']";
    var children = new ArrayList<SourceNode>();
    for (var child : in.children()) {
      if (!VNFD_CONSUMED.contains(child.name())) {
        children.add(child);
      }
    }
    in.child("name")
        .ifPresent(
            n -> {
              children.add(leaf("product-name", n.text().orElse("")));
              converted(
                  path + "/product-name",
                  n.render(),
                  n.text().orElse(""),
                  "name is SOL006 product-name");
            });
    in.child("vendor")
        .ifPresent(
            v -> {
              children.add(leaf("provider", v.text().orElse("")));
              converted(
                  path + "/provider", v.render(), v.text().orElse(""), "vendor is SOL006 provider");
            });
    in.child("mgmt-interface")
        .flatMap(m -> m.textOf("cp"))
        .ifPresent(
            cp -> {
              children.add(leaf("mgmt-cp", cp + "-ext"));
              converted(
                  path + "/mgmt-cp",
                  "mgmt-interface/cp " + cp,
                  cp + "-ext",
                  "mgmt-interface is OSM's SOL006 augment mgmt-cp, naming the external CP");
            });
    // Internal virtual links and which internal CP is on which.
    var linkOfCp = new LinkedHashMap<String, String>();
    for (var vld : in.all("internal-vld")) {
      String vldId = vld.textOf("id").orElse("");
      for (var icp : vld.all("internal-connection-point")) {
        icp.textOf("id-ref").ifPresent(ref -> linkOfCp.put(ref, vldId));
      }
      var link = new ArrayList<SourceNode>();
      link.add(leaf("id", vldId));
      for (var c : vld.children()) {
        if (!Set.of("id", "internal-connection-point").contains(c.name())) {
          link.add(c);
        }
      }
      children.add(entry("int-virtual-link-desc", link));
      converted(
          path + "/int-virtual-link-desc[id='" + vldId + "']",
          vld.render(),
          "int-virtual-link-desc " + vldId,
          "internal-vld is SOL006 int-virtual-link-desc");
    }
    var extCpds = new LinkedHashMap<String, SourceNode>();
    for (var cp : in.all("connection-point")) {
      String name = cp.textOf("name").or(() -> cp.textOf("id")).orElse("");
      extCpds.put(name, entry("ext-cpd", List.of(leaf("id", name + "-ext"))));
      converted(
          path + "/ext-cpd[id='" + name + "-ext']",
          cp.render(),
          name + "-ext",
          "connection-point is SOL006 ext-cpd " + name + "-ext");
    }
    var images = new LinkedHashSet<String>();
    var profiles = new ArrayList<SourceNode>();
    var levels = new ArrayList<SourceNode>();
    for (var vdu : in.all("vdu")) {
      String vduId = vdu.textOf("id").orElse("");
      String vduPath = path + "/vdu[id='" + vduId + "']";
      var vduChildren = new ArrayList<SourceNode>();
      for (var c : vdu.children()) {
        if (!VDU_CONSUMED.contains(c.name())) {
          vduChildren.add(c);
        }
      }
      vdu.child("vm-flavor")
          .ifPresent(
              flavor -> {
                var compute = new ArrayList<SourceNode>();
                compute.add(leaf("id", vduId + "-compute"));
                flavor
                    .textOf("vcpu-count")
                    .ifPresent(
                        n -> compute.add(container("virtual-cpu", leaf("num-virtual-cpu", n))));
                flavor
                    .textOf("memory-mb")
                    .ifPresent(
                        mb ->
                            compute.add(container("virtual-memory", leaf("size", gigabytes(mb)))));
                children.add(entry("virtual-compute-desc", compute));
                vduChildren.add(leaf("virtual-compute-desc", vduId + "-compute"));
                converted(
                    path + "/virtual-compute-desc[id='" + vduId + "-compute']",
                    flavor.render(),
                    vduId + "-compute",
                    "vm-flavor is SOL006 virtual-compute-desc (memory-mb in GB)");
                flavor
                    .textOf("storage-gb")
                    .ifPresent(
                        gb -> {
                          children.add(
                              entry(
                                  "virtual-storage-desc",
                                  List.of(
                                      leaf("id", vduId + "-storage"),
                                      leaf("size-of-storage", gb))));
                          vduChildren.add(
                              leafListEntry("virtual-storage-desc", vduId + "-storage"));
                          converted(
                              path + "/virtual-storage-desc[id='" + vduId + "-storage']",
                              "storage-gb " + gb,
                              vduId + "-storage",
                              "vm-flavor/storage-gb is SOL006 virtual-storage-desc");
                        });
                for (var c : flavor.children()) {
                  if (!Set.of("vcpu-count", "memory-mb", "storage-gb").contains(c.name())) {
                    vduChildren.add(c);
                  }
                }
              });
      vdu.textOf("image")
          .ifPresent(
              image -> {
                images.add(image);
                vduChildren.add(leaf("sw-image-desc", image));
                converted(
                    vduPath + "/sw-image-desc",
                    image,
                    image,
                    "image is a SOL006 sw-image-desc of the same name");
              });
      vdu.textOf("cloud-init-file")
          .ifPresent(
              file -> {
                vduChildren.add(leaf("boot-data", "cloud_init/" + file));
                converted(
                    vduPath + "/boot-data",
                    file,
                    "cloud_init/" + file,
                    "cloud-init-file is SOL006 boot-data, the file in the package's cloud_init/");
              });
      for (var iface : vdu.all("interface")) {
        String name = iface.textOf("name").orElse("");
        var requirement = new ArrayList<SourceNode>();
        requirement.add(leaf("name", name));
        iface.child("position").ifPresent(requirement::add);
        iface.child("virtual-interface").ifPresent(requirement::add);
        var cpd = new ArrayList<SourceNode>();
        cpd.add(leaf("id", name + "-int"));
        iface
            .textOf("internal-connection-point-ref")
            .map(linkOfCp::get)
            .ifPresent(link -> cpd.add(leaf("int-virtual-link-desc", link)));
        cpd.add(entry("virtual-network-interface-requirement", requirement));
        vduChildren.add(entry("int-cpd", cpd));
        iface
            .textOf("external-connection-point-ref")
            .ifPresent(
                ref -> {
                  var ext =
                      extCpds.getOrDefault(
                          ref, entry("ext-cpd", List.of(leaf("id", ref + "-ext"))));
                  extCpds.put(
                      ref,
                      ext.plus(
                          container("int-cpd", leaf("vdu-id", vduId), leaf("cpd", name + "-int"))));
                });
        converted(
            vduPath + "/int-cpd[id='" + name + "-int']",
            iface.render(),
            name + "-int",
            "interface is a SOL006 int-cpd (and, if external, the ext-cpd's int-cpd)");
      }
      children.add(entry("vdu", vduChildren));
      String count = vdu.textOf("count").orElse("1");
      profiles.add(
          entry("vdu-profile", List.of(leaf("id", vduId), leaf("min-number-of-instances", count))));
      levels.add(
          entry("vdu-level", List.of(leaf("vdu-id", vduId), leaf("number-of-instances", count))));
    }
    for (var image : images) {
      children.add(
          entry(
              "sw-image-desc",
              List.of(leaf("id", image), leaf("name", image), leaf("image", image))));
    }
    children.addAll(extCpds.values());
    if (!profiles.isEmpty()) {
      var df = new ArrayList<SourceNode>();
      df.add(leaf("id", "default-df"));
      df.addAll(profiles);
      var level = new ArrayList<SourceNode>();
      level.add(leaf("id", "default-instantiation-level"));
      level.addAll(levels);
      df.add(entry("instantiation-level", level));
      children.add(entry("df", df));
      converted(
          path + "/df[id='default-df']",
          "vdu/count",
          "default-df",
          "VDU counts are SOL006 flavour default-df with its instantiation level");
    }
    return in.withChildren(children).withName("vnfd");
  }

  private static String gigabytes(String megabytes) {
    try {
      return new BigDecimal(megabytes)
          .divide(BigDecimal.valueOf(1024), 3, RoundingMode.CEILING)
          .stripTrailingZeros()
          .toPlainString();
    } catch (NumberFormatException e) {
      return megabytes;
    }
  }

  private SourceNode nsd(SourceNode in) {
    String id = in.textOf("id").orElse("");
    String path = "/nfv/nsd[id='" + id + "']";
    var children = new ArrayList<SourceNode>();
    for (var child : in.children()) {
      if (!NSD_CONSUMED.contains(child.name())) {
        children.add(child);
      }
    }
    in.child("vendor")
        .ifPresent(
            v -> {
              children.add(leaf("designer", v.text().orElse("")));
              converted(
                  path + "/designer", v.render(), v.text().orElse(""), "vendor is SOL006 designer");
            });
    var vnfdIds = new LinkedHashSet<String>();
    var profiles = new LinkedHashMap<String, List<SourceNode>>();
    for (var member : in.all("constituent-vnfd")) {
      String index = member.textOf("member-vnf-index").orElse("");
      String vnfd = member.textOf("vnfd-id-ref").orElse("");
      vnfdIds.add(vnfd);
      var profile = new ArrayList<SourceNode>();
      profile.add(leaf("id", index));
      profile.add(leaf("vnfd-id", vnfd));
      profiles.put(index, profile);
      converted(
          path + "/df[id='default-df']/vnf-profile[id='" + index + "']",
          member.render(),
          "vnf-profile " + index,
          "constituent-vnfd is a SOL006 vnf-profile of flavour default-df");
    }
    for (var vnfd : vnfdIds) {
      children.add(leafListEntry("vnfd-id", vnfd));
    }
    for (var vld : in.all("vld")) {
      String vldId = vld.textOf("id").orElse("");
      var link = new ArrayList<SourceNode>();
      for (var c : vld.children()) {
        if (!c.name().equals("vnfd-connection-point-ref")) {
          link.add(c);
        }
      }
      children.add(entry("virtual-link-desc", link));
      var byMember = new LinkedHashMap<String, List<SourceNode>>();
      for (var ref : vld.all("vnfd-connection-point-ref")) {
        String member = ref.textOf("member-vnf-index-ref").orElse("");
        String cp = ref.textOf("vnfd-connection-point-ref").orElse("");
        byMember
            .computeIfAbsent(member, k -> new ArrayList<>())
            .add(
                entry(
                    "constituent-cpd-id",
                    List.of(
                        leaf("constituent-base-element-id", member),
                        leaf("constituent-cpd-id", cp + "-ext"))));
      }
      for (var member : byMember.entrySet()) {
        var profile = profiles.get(member.getKey());
        if (profile == null) {
          log.refuse(
              path + "/vld[id='" + vldId + "']",
              vld.render(),
              "member-vnf-index-ref " + member.getKey() + " is no constituent-vnfd");
          continue;
        }
        var connectivity = new ArrayList<SourceNode>();
        connectivity.add(leaf("virtual-link-profile-id", vldId));
        connectivity.addAll(member.getValue());
        profile.add(entry("virtual-link-connectivity", connectivity));
      }
      converted(
          path + "/virtual-link-desc[id='" + vldId + "']",
          "vld " + vldId,
          "virtual-link-desc " + vldId,
          "vld is a SOL006 virtual-link-desc; its vnfd-connection-point-refs are the vnf-profiles' virtual-link-connectivity (CP names + \"-ext\")");
    }
    if (!profiles.isEmpty()) {
      var df = new ArrayList<SourceNode>();
      df.add(leaf("id", "default-df"));
      for (var profile : profiles.values()) {
        df.add(entry("vnf-profile", profile));
      }
      children.add(entry("df", df));
    }
    return in.withChildren(children).withName("nsd");
  }
}
