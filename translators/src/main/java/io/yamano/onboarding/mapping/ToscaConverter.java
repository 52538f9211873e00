package io.yamano.onboarding.mapping;

import io.yamano.onboarding.DeviationKind;
import io.yamano.onboarding.source.DocumentSyntaxException;
import io.yamano.onboarding.source.ScalarKind;
import io.yamano.onboarding.source.SourceNode;
import io.yamano.onboarding.source.YamlDocuments;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Best-effort conversion of an ETSI SOL001 TOSCA VNFD (as Tacker's packages write it) into SOL006:
 * the VNF node's descriptor properties (with its node type's defaults), and per deployment flavour
 * (a template with {@code substitution_mappings.properties.flavour_id}) the VDUs ({@code
 * Vdu.Compute} with their compute, local storage and software image), block storage, VDU connection
 * points, internal virtual links, external CPs from the substitution mappings, VDU profiles and
 * instantiation levels. Every template converted is reported as coerced, every one that is not as
 * kept-as-extension; sizes in TOSCA units become SOL006's GB.
 */
public final class ToscaConverter {
  private static final String VNF = "tosca.nodes.nfv.VNF";
  private static final String VDU = "tosca.nodes.nfv.Vdu.Compute";
  private static final String STORAGE = "tosca.nodes.nfv.Vdu.VirtualBlockStorage";
  private static final String VDU_CP = "tosca.nodes.nfv.VduCp";
  private static final String VL = "tosca.nodes.nfv.VnfVirtualLink";

  private final DeviationLog log;
  private final String source;
  private final Map<String, byte[]> packageFiles;
  private final Map<String, SourceNode> nodeTypes = new LinkedHashMap<>();
  private final Map<String, SourceNode> documents = new LinkedHashMap<>();
  private String vnfdPath = "/nfv/vnfd";

  /**
   * @param source the entry definitions' path in the package (imports are relative to it)
   * @param packageFiles the package's files
   */
  public ToscaConverter(DeviationLog log, String source, Map<String, byte[]> packageFiles) {
    this.log = log;
    this.source = source;
    this.packageFiles = packageFiles;
  }

  public List<SourceNode> convert(SourceNode root) {
    load(source, root);
    var top = root;
    var vnfTemplate =
        templates(top).entrySet().stream().filter(e -> isA(type(e.getValue()), VNF)).findFirst();
    if (vnfTemplate.isEmpty()) {
      log.refuse(
          "/topology_template/node_templates",
          "",
          "no node template of type " + VNF + " (or derived): not a SOL001 VNFD");
      return List.of();
    }
    var properties = properties(vnfTemplate.get().getValue(), type(vnfTemplate.get().getValue()));
    String vnfPath = "/topology_template/node_templates/" + vnfTemplate.get().getKey();
    var children = new ArrayList<SourceNode>();
    String id = properties.getOrDefault("descriptor_id", leaf("", "")).text().orElse("");
    children.add(leaf("id", id));
    copy(properties, "provider", "provider", children);
    copy(properties, "product_name", "product-name", children);
    copy(properties, "software_version", "software-version", children);
    copy(properties, "descriptor_version", "version", children);
    copy(properties, "product_info_name", "product-info-name", children);
    copy(properties, "product_info_description", "product-info-description", children);
    var vnfm = properties.get("vnfm_info");
    if (vnfm != null) {
      for (var value : vnfm.children().isEmpty() ? List.of(vnfm) : vnfm.children()) {
        value.text().ifPresent(t -> children.add(entryLeaf("vnfm-info", t)));
      }
    }
    log.add(
        vnfPath,
        DeviationKind.COERCED,
        vnfTemplate.get().getValue().render(),
        "vnfd " + id,
        "SOL001 VNF node (its properties and its type's defaults) is the SOL006 vnfd's identity");
    vnfdPath = "/nfv/vnfd[id='" + id + "']";

    var flavours = new ArrayList<Map.Entry<String, SourceNode>>();
    for (var document : documents.entrySet()) {
      var flavourId =
          document
              .getValue()
              .child("topology_template")
              .flatMap(t -> t.child("substitution_mappings"))
              .flatMap(s -> s.child("properties"))
              .flatMap(p -> p.textOf("flavour_id"));
      if (flavourId.isPresent()) {
        flavours.add(Map.entry(flavourId.get(), document.getValue()));
      }
    }
    if (flavours.isEmpty()) {
      flavours.add(
          Map.entry(
              properties.getOrDefault("flavour_id", leaf("", "default")).text().orElse("default"),
              top));
    }
    var vdus = new LinkedHashMap<String, SourceNode>();
    var computes = new LinkedHashMap<String, SourceNode>();
    var storages = new LinkedHashMap<String, SourceNode>();
    var images = new LinkedHashMap<String, SourceNode>();
    var links = new LinkedHashMap<String, SourceNode>();
    var extCpds = new LinkedHashMap<String, SourceNode>();
    var dfs = new ArrayList<SourceNode>();
    for (var flavour : flavours) {
      var templates = templates(flavour.getValue());
      String base = "/topology_template/node_templates/";
      var vduCps = new LinkedHashMap<String, List<SourceNode>>();
      var cpBinding = new LinkedHashMap<String, String>();
      for (var t : templates.entrySet()) {
        String type = type(t.getValue());
        if (isA(type, VDU_CP)) {
          var cp = new ArrayList<SourceNode>();
          cp.add(leaf("id", t.getKey()));
          var props = t.getValue().child("properties");
          props
              .map(p -> p.all("layer_protocols"))
              .orElse(List.of())
              .forEach(l -> l.text().ifPresent(v -> cp.add(entryLeaf("layer-protocol", v))));
          props.flatMap(p -> p.textOf("order")).ifPresent(o -> cp.add(leaf("order", o)));
          String binding = requirement(t.getValue(), "virtual_binding").orElse("");
          requirement(t.getValue(), "virtual_link")
              .filter(templates::containsKey)
              .ifPresent(l -> cp.add(leaf("int-virtual-link-desc", l)));
          cpBinding.put(t.getKey(), binding);
          vduCps.computeIfAbsent(binding, k -> new ArrayList<>()).add(entry("int-cpd", cp));
          log.add(
              base + t.getKey(),
              DeviationKind.COERCED,
              t.getValue().render(),
              "vdu " + binding + " int-cpd " + t.getKey(),
              "SOL001 VduCp is a SOL006 int-cpd of the VDU it binds to");
        }
      }
      var profiles = new ArrayList<SourceNode>();
      var minimum = new LinkedHashMap<String, String>();
      for (var t : templates.entrySet()) {
        String type = type(t.getValue());
        String name = t.getKey();
        var props =
            t.getValue().child("properties").orElse(SourceNode.container("properties", List.of()));
        if (isA(type, VDU)) {
          var vdu = new ArrayList<SourceNode>();
          vdu.add(leaf("id", name));
          vdu.add(leaf("name", props.textOf("name").orElse(name)));
          props.textOf("description").ifPresent(d -> vdu.add(leaf("description", d)));
          var compute =
              t.getValue()
                  .child("capabilities")
                  .flatMap(c -> c.child("virtual_compute"))
                  .flatMap(c -> c.child("properties"));
          if (compute.isPresent()) {
            var desc = new ArrayList<SourceNode>();
            desc.add(leaf("id", name + "-compute"));
            compute
                .get()
                .child("virtual_cpu")
                .flatMap(c -> c.textOf("num_virtual_cpu"))
                .ifPresent(n -> desc.add(container("virtual-cpu", leaf("num-virtual-cpu", n))));
            compute
                .get()
                .child("virtual_memory")
                .flatMap(m -> m.textOf("virtual_mem_size"))
                .ifPresent(m -> desc.add(container("virtual-memory", leaf("size", gigabytes(m)))));
            computes.put(name + "-compute", entry("virtual-compute-desc", desc));
            vdu.add(leaf("virtual-compute-desc", name + "-compute"));
            int index = 0;
            for (var local : compute.get().all("virtual_local_storage")) {
              String storageId = name + "-storage" + (index++ == 0 ? "" : "-" + index);
              var size = local.textOf("size_of_storage").map(ToscaConverter::gigabytes).orElse("0");
              storages.put(
                  storageId,
                  entry(
                      "virtual-storage-desc",
                      List.of(
                          leaf("id", storageId),
                          container(
                              "block-storage-data", leaf("size-of-storage", integer(size))))));
              vdu.add(entryLeaf("virtual-storage-desc", storageId));
            }
          }
          for (var storage : requirements(t.getValue(), "virtual_storage")) {
            vdu.add(entryLeaf("virtual-storage-desc", storage));
          }
          image(t.getValue(), name, images).ifPresent(i -> vdu.add(leaf("sw-image-desc", i)));
          vdu.addAll(vduCps.getOrDefault(name, List.of()));
          var known = vdus.get(name);
          if (known == null) {
            vdus.put(name, entry("vdu", vdu));
          } else {
            // The same VDU in another flavour may bring connection points of its own.
            var ids = known.all("int-cpd").stream().map(c -> c.textOf("id").orElse("")).toList();
            var merged = known;
            for (var cpd : vduCps.getOrDefault(name, List.of())) {
              if (!ids.contains(cpd.textOf("id").orElse(""))) {
                merged = merged.plus(cpd);
              }
            }
            vdus.put(name, merged);
          }
          var profile = props.child("vdu_profile");
          String min = profile.flatMap(p -> p.textOf("min_number_of_instances")).orElse("1");
          String max = profile.flatMap(p -> p.textOf("max_number_of_instances")).orElse(min);
          minimum.put(name, min);
          profiles.add(
              entry(
                  "vdu-profile",
                  List.of(
                      leaf("id", name),
                      leaf("min-number-of-instances", min),
                      leaf("max-number-of-instances", max))));
          log.add(
              base + name,
              DeviationKind.COERCED,
              t.getValue().render(),
              "vdu " + name,
              "SOL001 Vdu.Compute is a SOL006 vdu with its virtual-compute-desc, storage, sw-image-desc and vdu-profile");
        } else if (isA(type, STORAGE)) {
          var data = props.child("virtual_block_storage_data");
          var block = new ArrayList<SourceNode>();
          data.flatMap(d -> d.textOf("size_of_storage"))
              .ifPresent(s -> block.add(leaf("size-of-storage", integer(gigabytes(s)))));
          data.flatMap(d -> d.textOf("rdma_enabled"))
              .ifPresent(r -> block.add(leaf("rdma-enabled", r)));
          image(t.getValue(), name, images).ifPresent(i -> block.add(leaf("sw-image-desc", i)));
          storages.put(
              name,
              entry(
                  "virtual-storage-desc",
                  List.of(leaf("id", name), SourceNode.container("block-storage-data", block))));
          log.add(
              base + name,
              DeviationKind.COERCED,
              t.getValue().render(),
              "virtual-storage-desc " + name,
              "SOL001 VirtualBlockStorage is a SOL006 virtual-storage-desc");
        } else if (isA(type, VL)) {
          var link = new ArrayList<SourceNode>();
          link.add(leaf("id", name));
          props.textOf("description").ifPresent(d -> link.add(leaf("description", d)));
          var protocols =
              props.child("connectivity_type").map(c -> c.all("layer_protocols")).orElse(List.of());
          var connectivity = new ArrayList<SourceNode>();
          protocols.forEach(
              p -> p.text().ifPresent(v -> connectivity.add(entryLeaf("layer-protocol", v))));
          if (!connectivity.isEmpty()) {
            link.add(SourceNode.container("connectivity-type", connectivity));
          }
          links.putIfAbsent(name, entry("int-virtual-link-desc", link));
          log.add(
              base + name,
              DeviationKind.COERCED,
              t.getValue().render(),
              "int-virtual-link-desc " + name,
              "SOL001 VnfVirtualLink is a SOL006 int-virtual-link-desc (its vl_profile is not converted)");
        } else if (isA(type, "tosca.nodes.nfv.VnfExtCp")
            && requirement(t.getValue(), "internal_virtual_link").isPresent()) {
          log.add(
              base + name,
              DeviationKind.COERCED,
              t.getValue().render(),
              "ext-cpd " + name,
              "SOL001 VnfExtCp is a SOL006 ext-cpd on its internal virtual link");
        } else if (!isA(type, VDU_CP) && !isA(type, VNF)) {
          log.add(
              base + name,
              DeviationKind.KEPT_AS_EXTENSION,
              t.getValue().render(),
              "",
              "SOL001 node template of type "
                  + type
                  + " has no SOL006 counterpart Yamano converts; kept with the package as a vendor extension");
        }
      }
      var mappings =
          flavour
              .getValue()
              .child("topology_template")
              .flatMap(t -> t.child("substitution_mappings"))
              .flatMap(s -> s.child("requirements"));
      var seen = new java.util.HashSet<String>();
      for (var requirement : mappings.map(SourceNode::children).orElse(List.of())) {
        var pair = mappings.get().all(requirement.name());
        if (pair.size() != 2
            || !Set.of("virtual_link", "external_virtual_link")
                .contains(pair.get(1).text().orElse(""))
            || !seen.add(requirement.name())) {
          continue;
        }
        String cp = pair.get(0).text().orElse("");
        if (templates.containsKey(cp) && isA(type(templates.get(cp)), "tosca.nodes.nfv.VnfExtCp")) {
          var link = requirement(templates.get(cp), "internal_virtual_link");
          if (link.isPresent()) {
            extCpds.putIfAbsent(
                cp,
                entry(
                    "ext-cpd", List.of(leaf("id", cp), leaf("int-virtual-link-desc", link.get()))));
          }
          continue;
        }
        String vdu = cpBinding.getOrDefault(cp, "");
        extCpds.putIfAbsent(
            cp,
            entry(
                "ext-cpd",
                List.of(
                    leaf("id", cp),
                    SourceNode.container(
                        "int-cpd", List.of(leaf("vdu-id", vdu), leaf("cpd", cp))))));
      }
      var df = new ArrayList<SourceNode>();
      df.add(leaf("id", flavour.getKey()));

      profiles.forEach(df::add);
      df.addAll(
          levels(flavour.getValue(), minimum, vnfdPath + "/df[id='" + flavour.getKey() + "']"));
      dfs.add(entry("df", df));
    }
    children.addAll(vdus.values());
    children.addAll(computes.values());
    children.addAll(storages.values());
    children.addAll(images.values());
    children.addAll(links.values());
    children.addAll(extCpds.values());
    children.addAll(dfs);
    return List.of(SourceNode.container("vnfd", children));
  }

  /** Instantiation levels from the policies, or one level with each VDU's minimum. */
  private List<SourceNode> levels(SourceNode document, Map<String, String> minimum, String dfPath) {
    var policies =
        document.child("topology_template").map(t -> t.all("policies")).orElse(List.of());
    var levelNames = new LinkedHashMap<String, Map<String, String>>();
    String defaultLevel = null;
    for (var list : policies) {
      for (var policy : list.children()) {
        String type = policy.textOf("type").orElse("");
        var props = policy.child("properties");
        if (type.equals("tosca.policies.nfv.InstantiationLevels")) {
          props
              .flatMap(p -> p.child("levels"))
              .ifPresent(
                  l ->
                      l.children()
                          .forEach(
                              level ->
                                  levelNames.putIfAbsent(level.name(), new LinkedHashMap<>())));
          defaultLevel = props.flatMap(p -> p.textOf("default_level")).orElse(null);
        } else if (type.equals("tosca.policies.nfv.VduInstantiationLevels")) {
          var targets = policy.all("targets");
          for (var level :
              props.flatMap(p -> p.child("levels")).map(SourceNode::children).orElse(List.of())) {
            var counts = levelNames.computeIfAbsent(level.name(), k -> new LinkedHashMap<>());
            for (var target : targets) {
              target
                  .text()
                  .ifPresent(t -> counts.put(t, level.textOf("number_of_instances").orElse("1")));
            }
          }
        } else {
          log.add(
              "/topology_template/policies/" + policy.name(),
              DeviationKind.KEPT_AS_EXTENSION,
              policy.render(),
              "",
              "SOL001 policy "
                  + type
                  + " is not converted (scaling is not taken from TOSCA); kept with the package as a vendor extension");
        }
      }
    }
    var out = new ArrayList<SourceNode>();
    if (levelNames.isEmpty()) {
      levelNames.put("default", new LinkedHashMap<>(minimum));
      log.add(
          dfPath + "/instantiation-level[id='default']",
          DeviationKind.DEFAULTED,
          "",
          String.valueOf(minimum),
          "the flavour defines no instantiation levels; the documented default is one level with each VDU's min_number_of_instances");
    }
    for (var level : levelNames.entrySet()) {
      var children = new ArrayList<SourceNode>();
      children.add(leaf("id", level.getKey()));
      for (var vdu : minimum.keySet()) {
        String count = level.getValue().getOrDefault(vdu, minimum.get(vdu));
        children.add(
            entry("vdu-level", List.of(leaf("vdu-id", vdu), leaf("number-of-instances", count))));
      }
      out.add(entry("instantiation-level", children));
    }
    if (levelNames.size() > 1) {
      if (defaultLevel == null) {
        defaultLevel = levelNames.keySet().iterator().next();
        log.add(
            dfPath + "/default-instantiation-level",
            DeviationKind.DEFAULTED,
            "",
            defaultLevel,
            "several instantiation levels and no default_level; the documented default is the"
                + " first level");
      }
      out.add(leaf("default-instantiation-level", defaultLevel));
    }
    return out;
  }

  /** The software image of a VDU or storage template, as a sw-image-desc named after it. */
  private Optional<String> image(SourceNode template, String name, Map<String, SourceNode> images) {
    var data = template.child("properties").flatMap(p -> p.child("sw_image_data"));
    if (data.isEmpty()) {
      return Optional.empty();
    }
    String id = name + "-image";
    var image = new ArrayList<SourceNode>();
    image.add(leaf("id", id));
    data.get().textOf("name").ifPresent(v -> image.add(leaf("name", v)));
    data.get().textOf("version").ifPresent(v -> image.add(leaf("version", v)));
    data.get()
        .child("checksum")
        .ifPresent(
            c ->
                image.add(
                    SourceNode.container(
                        "checksum",
                        List.of(
                            leaf("algorithm", c.textOf("algorithm").orElse("")),
                            leaf("hash", c.textOf("hash").orElse(""))))));
    data.get().textOf("container_format").ifPresent(v -> image.add(leaf("container-format", v)));
    data.get().textOf("disk_format").ifPresent(v -> image.add(leaf("disk-format", v)));
    data.get()
        .textOf("min_disk")
        .ifPresent(v -> image.add(leaf("min-disk", integer(gigabytes(v)))));
    data.get().textOf("min_ram").ifPresent(v -> image.add(leaf("min-ram", gigabytes(v))));
    data.get().textOf("size").ifPresent(v -> image.add(leaf("size", integer(gigabytes(v)))));
    var file =
        template
            .child("artifacts")
            .flatMap(a -> a.child("sw_image"))
            .flatMap(s -> s.textOf("file"));
    if (file.isPresent()) {
      String path = resolve(source, file.get());
      image.add(leaf("image", path));
      if (!packageFiles.containsKey(path)) {
        log.add(
            vnfdPath + "/sw-image-desc[id='" + id + "']/image",
            DeviationKind.COERCED,
            file.get(),
            path,
            "the image artifact is not in the package; the reference is kept, so the image must exist on the VIM under that name");
      }
    }
    images.putIfAbsent(id, entry("sw-image-desc", image));
    return Optional.of(id);
  }

  private void load(String path, SourceNode document) {
    if (documents.containsKey(path)) {
      return;
    }
    documents.put(path, document);
    document
        .child("node_types")
        .ifPresent(types -> types.children().forEach(t -> nodeTypes.putIfAbsent(t.name(), t)));
    for (var imported : document.all("imports")) {
      String file = imported.text().orElseGet(() -> imported.textOf("file").orElse(""));
      String target = resolve(path, file);
      byte[] bytes = packageFiles.get(target);
      if (bytes == null && (file.contains("://") || file.contains("etsi_nfv_sol001_"))) {
        // ETSI's SOL001 type definitions: the converter knows the standard types by name.
        continue;
      }
      if (bytes == null) {
        log.refuse(path, file, "imports " + target + ", which is not in the package");
        continue;
      }
      try {
        load(target, YamlDocuments.read(bytes));
      } catch (DocumentSyntaxException e) {
        log.refuse(target, "", e.getMessage());
      }
    }
  }

  static String resolve(String from, String relative) {
    Path parent = Path.of(from).getParent();
    Path resolved = (parent == null ? Path.of(relative) : parent.resolve(relative)).normalize();
    return resolved.toString().replace('\\', '/');
  }

  private static Map<String, SourceNode> templates(SourceNode document) {
    var out = new LinkedHashMap<String, SourceNode>();
    document
        .child("topology_template")
        .flatMap(t -> t.child("node_templates"))
        .ifPresent(n -> n.children().forEach(c -> out.put(c.name(), c)));
    return out;
  }

  private static String type(SourceNode template) {
    return template.textOf("type").orElse("");
  }

  private boolean isA(String type, String base) {
    String current = type;
    for (int depth = 0; current != null && depth < 32; depth++) {
      if (current.equals(base)) {
        return true;
      }
      var definition = nodeTypes.get(current);
      current = definition == null ? null : definition.textOf("derived_from").orElse(null);
    }
    return false;
  }

  /** The template's properties, over its type chain's defaults; {@code get_input} is no value. */
  private Map<String, SourceNode> properties(SourceNode template, String type) {
    var out = new LinkedHashMap<String, SourceNode>();
    var chain = new ArrayList<SourceNode>();
    String current = type;
    for (int depth = 0; current != null && depth < 32 && nodeTypes.containsKey(current); depth++) {
      chain.add(0, nodeTypes.get(current));
      current = nodeTypes.get(current).textOf("derived_from").orElse(null);
    }
    for (var definition : chain) {
      for (var property :
          definition.child("properties").map(SourceNode::children).orElse(List.of())) {
        var defaults = property.all("default");
        if (defaults.size() == 1 && defaults.get(0).isScalar()) {
          out.put(property.name(), defaults.get(0));
        } else if (!defaults.isEmpty()) {
          out.put(property.name(), SourceNode.container(property.name(), defaults));
        }
      }
    }
    for (var property : template.child("properties").map(SourceNode::children).orElse(List.of())) {
      if (property.child("get_input").isPresent()) {
        continue;
      }
      var same = template.child("properties").get().all(property.name());
      out.put(
          property.name(),
          same.size() > 1 || property.inSequence()
              ? SourceNode.container(property.name(), same)
              : property);
    }
    return out;
  }

  private static Optional<String> requirement(SourceNode template, String name) {
    var all = requirements(template, name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private static List<String> requirements(SourceNode template, String name) {
    var out = new ArrayList<String>();
    for (var requirement : template.all("requirements")) {
      requirement
          .child(name)
          .ifPresent(r -> r.text().or(() -> r.textOf("node")).ifPresent(out::add));
    }
    return out;
  }

  private static void copy(
      Map<String, SourceNode> properties, String from, String to, List<SourceNode> out) {
    var value = properties.get(from);
    if (value != null && value.isScalar()) {
      out.add(new SourceNode("", to, value.text(), value.kind(), List.of(), false));
    }
  }

  /** TOSCA scalar-unit.size ("512 MB", "3 GiB") in GB. */
  static String gigabytes(String size) {
    var parts = size.strip().split("\\s+");
    if (parts.length != 2) {
      return size;
    }
    BigDecimal factor =
        switch (parts[1].toUpperCase(Locale.ROOT)) {
          case "B" -> new BigDecimal("1e-9");
          case "KB" -> new BigDecimal("1e-6");
          case "KIB" -> new BigDecimal("1024e-9");
          case "MB" -> new BigDecimal("1e-3");
          case "MIB" -> new BigDecimal("1048576e-9");
          case "GB" -> BigDecimal.ONE;
          case "GIB" -> new BigDecimal("1.073741824");
          case "TB" -> new BigDecimal("1000");
          case "TIB" -> new BigDecimal("1099.511627776");
          default -> null;
        };
    if (factor == null) {
      return size;
    }
    try {
      return new BigDecimal(parts[0]).multiply(factor).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return size;
    }
  }

  /** GB as a whole number for uint64 leaves, rounded up so a requirement stays met. */
  private static String integer(String gigabytes) {
    try {
      return new BigDecimal(gigabytes).setScale(0, RoundingMode.CEILING).toPlainString();
    } catch (NumberFormatException e) {
      return gigabytes;
    }
  }

  private static SourceNode leaf(String name, String value) {
    return new SourceNode("", name, Optional.of(value), ScalarKind.UNTYPED, List.of(), false);
  }

  private static SourceNode entryLeaf(String name, String value) {
    return new SourceNode("", name, Optional.of(value), ScalarKind.UNTYPED, List.of(), true);
  }

  private static SourceNode container(String name, SourceNode... children) {
    return SourceNode.container(name, List.of(children));
  }

  private static SourceNode entry(String name, List<SourceNode> children) {
    return SourceNode.entry(name, children);
  }
}
