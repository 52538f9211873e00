package io.yamano.lcm.model;

import io.yamano.datastore.secret.Secrets;
import io.yamano.vim.Capacity;
import io.yamano.vim.Secret;
import io.yamano.vim.VimAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Reads NS instances, descriptors and VIM accounts out of a configuration tree (the root of
 * running, or a proposed commit's {@code rootAfter}).
 */
public final class ConfigReader {

  private final YangNames names;
  private final Secrets secrets;

  /** A reader for paths and descriptors; the VIM secrets it reads cannot be opened. */
  public ConfigReader(YangNames names) {
    this(names, null);
  }

  /** A reader whose VIM account secrets open with {@code secrets}. */
  public ConfigReader(YangNames names, Secrets secrets) {
    this.names = names;
    this.secrets = secrets;
  }

  public YangNames names() {
    return names;
  }

  /** {@code /ns-instances/ns-instance}. */
  public YangInstanceIdentifier nsList() {
    return YangInstanceIdentifier.of(
        new NodeIdentifier(names.ns("ns-instances")), new NodeIdentifier(names.ns("ns-instance")));
  }

  /** {@code /ns-instances/ns-instance[name=...]}. */
  public YangInstanceIdentifier nsEntry(String name) {
    return nsList()
        .node(NodeIdentifierWithPredicates.of(names.ns("ns-instance"), names.ns("name"), name));
  }

  /** A leaf of an ns-instance entry (for error paths). */
  public YangInstanceIdentifier nsLeaf(String name, String leaf) {
    return nsEntry(name).node(new NodeIdentifier(names.ns(leaf)));
  }

  /** Every NS instance of the configuration. */
  public List<NsInstanceConfig> nsInstances(NormalizedNode root) {
    var out = new ArrayList<NsInstanceConfig>();
    for (MapEntryNode entry :
        Nodes.entries(section(root, names.ns("ns-instances")), names.ns("ns-instance"))) {
      out.add(nsInstance(entry));
    }
    return out;
  }

  /** One NS instance, found by its key (not by reading the others). */
  public Optional<NsInstanceConfig> nsInstance(NormalizedNode root, String name) {
    return Nodes.child(section(root, names.ns("ns-instances")), names.ns("ns-instance"))
        .filter(MapNode.class::isInstance)
        .map(list -> ((MapNode) list).childByArg(nsKey(name)))
        .map(this::nsInstance);
  }

  private NodeIdentifierWithPredicates nsKey(String name) {
    return NodeIdentifierWithPredicates.of(names.ns("ns-instance"), names.ns("name"), name);
  }

  /** An ns-instance list entry as a record. */
  public NsInstanceConfig nsInstance(MapEntryNode entry) {
    var accounts = new HashMap<String, String>();
    var members = new HashMap<String, NsInstanceConfig.Member>();
    for (MapEntryNode vnf : Nodes.entries(entry, names.ns("vnf"))) {
      String index = Nodes.text(vnf, names.ns("member-vnf-index"));
      String account = Nodes.text(vnf, names.ns("vim-account"));
      if (account != null) {
        accounts.put(index, account);
      }
      var levels = new LinkedHashMap<String, Integer>();
      for (MapEntryNode level : Nodes.entries(vnf, names.ns("scale-level"))) {
        levels.put(
            Nodes.text(level, names.ns("aspect")), (int) Nodes.number(level, names.ns("level"), 0));
      }
      String memberAdmin = Nodes.text(vnf, names.ns("admin-state"));
      var placement = Nodes.child(vnf, names.ns("placement"));
      var attributes = new LinkedHashMap<String, String>();
      placement.ifPresent(
          p -> {
            for (MapEntryNode a : Nodes.entries(p, names.ns("attribute"))) {
              attributes.put(Nodes.text(a, names.ns("name")), Nodes.text(a, names.ns("value")));
            }
          });
      members.put(
          index,
          new NsInstanceConfig.Member(
              Nodes.text(vnf, names.ns("vnfd-ref")),
              memberAdmin == null || memberAdmin.equals("instantiated"),
              levels,
              placement.map(p -> Nodes.text(p, names.ns("zone"))).orElse(null),
              attributes));
    }
    var fixed = new LinkedHashMap<String, String>();
    for (MapEntryNode f : Nodes.entries(entry, names.ns("fixed-address"))) {
      fixed.put(
          Nodes.text(f, names.ns("vnf-instance"))
              + "/"
              + Nodes.text(f, names.ns("vdu-instance"))
              + "/"
              + Nodes.text(f, names.ns("cp")),
          Nodes.text(f, names.ns("ip")));
    }
    String admin = Nodes.text(entry, names.ns("admin-state"));
    return new NsInstanceConfig(
        Nodes.text(entry, names.ns("name")),
        Nodes.text(entry, names.ns("nsd-ref")),
        Nodes.text(entry, names.ns("flavour")),
        Nodes.text(entry, names.ns("instantiation-level")),
        Nodes.text(entry, names.ns("vim-account")),
        accounts,
        admin == null || admin.equals("instantiated"),
        members,
        fixed);
  }

  /** The VIM account of a name, as drivers see it. */
  public Optional<VimAccount> vimAccount(NormalizedNode root, String name) {
    for (MapEntryNode entry :
        Nodes.entries(section(root, names.vim("vim-accounts")), names.vim("vim-account"))) {
      if (name.equals(Nodes.text(entry, names.vim("name")))) {
        return Optional.of(vimAccount(entry));
      }
    }
    return Optional.empty();
  }

  private VimAccount vimAccount(MapEntryNode entry) {
    var capacityNode = Nodes.child(entry, names.vim("capacity"));
    Capacity capacity = capacityNode.map(this::capacity).orElse(Capacity.UNBOUNDED);
    var zoneCapacity = new HashMap<String, Capacity>();
    capacityNode.ifPresent(
        c -> {
          for (MapEntryNode zone : Nodes.entries(c, names.vim("zone"))) {
            zoneCapacity.put(Nodes.text(zone, names.vim("name")), capacity(zone));
          }
        });
    var zones = new ArrayList<VimAccount.Zone>();
    var attributes = new LinkedHashMap<String, String>();
    Nodes.child(entry, names.vim("placement"))
        .ifPresent(
            placement -> {
              for (MapEntryNode zone : Nodes.entries(placement, names.vim("zone"))) {
                String zoneName = Nodes.text(zone, names.vim("name"));
                var hosts =
                    Nodes.values(zone, names.vim("host")).stream()
                        .map(VimAccount.Host::of)
                        .toList();
                zones.add(
                    new VimAccount.Zone(
                        zoneName,
                        zoneCapacity.getOrDefault(zoneName, Capacity.UNBOUNDED),
                        hosts,
                        Nodes.values(zone, names.vim("host-aggregate")),
                        attributes(zone)));
              }
              attributes.putAll(attributes(placement));
            });
    var options = new LinkedHashMap<String, String>();
    Nodes.child(entry, names.vim("simulation"))
        .map(sim -> Nodes.text(sim, names.vim("latency-ms")))
        .filter(ms -> !"0".equals(ms))
        .ifPresent(ms -> options.put("latency-ms", ms));
    return new VimAccount(
        Nodes.text(entry, names.vim("name")),
        Nodes.text(entry, names.vim("type")),
        endpoint(Nodes.text(entry, names.vim("endpoint"))),
        credentials(entry),
        capacity,
        zones,
        attributes,
        options);
  }

  private static java.net.URI endpoint(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new java.net.URI(text);
    } catch (java.net.URISyntaxException e) {
      return null; // inet:uri admits forms java.net.URI does not; such a VIM gets no endpoint
    }
  }

  private VimAccount.Credentials credentials(MapEntryNode entry) {
    var node = Nodes.child(entry, names.vim("credentials"));
    if (node.isEmpty()) {
      return VimAccount.Credentials.NONE;
    }
    var c = node.get();
    var secret = Nodes.child(c, names.vim("secret"));
    return new VimAccount.Credentials(
        Nodes.text(c, names.vim("user")),
        secret.map(s -> sealed(Nodes.text(s, names.vim("password")))).orElse(null),
        secret.map(s -> sealed(Nodes.text(s, names.vim("token")))).orElse(null),
        Nodes.text(c, names.vim("project")),
        Nodes.text(c, names.vim("domain")),
        Nodes.text(c, names.vim("ca-certificate")));
  }

  private Secret sealed(String value) {
    return Secret.sealed(
        value,
        text -> {
          if (secrets == null) {
            throw new IllegalStateException("this reader was given no key");
          }
          return secrets.reveal(text);
        });
  }

  private Map<String, String> attributes(NormalizedNode node) {
    var out = new LinkedHashMap<String, String>();
    for (MapEntryNode attribute : Nodes.entries(node, names.vim("attribute"))) {
      String value = Nodes.text(attribute, names.vim("value"));
      out.put(Nodes.text(attribute, names.vim("name")), value == null ? "" : value);
    }
    return out;
  }

  private Capacity capacity(NormalizedNode node) {
    long unlimited = Capacity.UNLIMITED;
    return new Capacity(
        Nodes.number(node, names.vim("vcpus"), unlimited),
        Nodes.number(node, names.vim("memory-mb"), unlimited),
        Nodes.number(node, names.vim("storage-gb"), unlimited),
        Nodes.number(node, names.vim("max-instances"), unlimited));
  }

  /** The NSD of an id. */
  public Optional<NsDescriptor> nsd(NormalizedNode root, String id) {
    for (MapEntryNode nsd : Nodes.entries(section(root, names.nfv("nfv")), names.nfv("nsd"))) {
      if (id.equals(Nodes.text(nsd, names.nfv("id")))) {
        return Optional.of(nsd(nsd));
      }
    }
    return Optional.empty();
  }

  /** The {@code vnfd} list entry of an id, as stored. */
  public Optional<MapEntryNode> vnfdNode(NormalizedNode root, String id) {
    for (MapEntryNode vnfd : Nodes.entries(section(root, names.nfv("nfv")), names.nfv("vnfd"))) {
      if (id.equals(Nodes.text(vnfd, names.nfv("id")))) {
        return Optional.of(vnfd);
      }
    }
    return Optional.empty();
  }

  /** Every VNFD, by id. */
  public Map<String, VnfDescriptor> vnfds(NormalizedNode root) {
    var out = new LinkedHashMap<String, VnfDescriptor>();
    for (MapEntryNode vnfd : Nodes.entries(section(root, names.nfv("nfv")), names.nfv("vnfd"))) {
      var read = vnfd(vnfd);
      out.put(read.id(), read);
    }
    return out;
  }

  private NsDescriptor nsd(MapEntryNode nsd) {
    var flavours = new LinkedHashMap<String, NsDescriptor.NsFlavour>();
    for (MapEntryNode df : Nodes.entries(nsd, names.nfv("df"))) {
      var profiles = new LinkedHashMap<String, NsDescriptor.VnfProfile>();
      for (MapEntryNode p : Nodes.entries(df, names.nfv("vnf-profile"))) {
        var links = new LinkedHashMap<String, List<String>>();
        for (MapEntryNode c : Nodes.entries(p, names.nfv("virtual-link-connectivity"))) {
          var cps = new ArrayList<String>();
          for (MapEntryNode cp : Nodes.entries(c, names.nfv("constituent-cpd-id"))) {
            cps.add(Nodes.text(cp, names.nfv("constituent-cpd-id")));
          }
          links.put(Nodes.text(c, names.nfv("virtual-link-profile-id")), cps);
        }
        var profile =
            new NsDescriptor.VnfProfile(
                Nodes.text(p, names.nfv("id")),
                Nodes.text(p, names.nfv("vnfd-id")),
                Nodes.text(p, names.nfv("flavour-id")),
                Nodes.text(p, names.nfv("instantiation-level")),
                (int) Nodes.number(p, names.nfv("min-number-of-instances"), 1),
                (int) Nodes.number(p, names.nfv("max-number-of-instances"), 1),
                links);
        profiles.put(profile.id(), profile);
      }
      var levels = new LinkedHashMap<String, Map<String, Integer>>();
      for (MapEntryNode level : Nodes.entries(df, names.nfv("ns-instantiation-level"))) {
        var counts = new LinkedHashMap<String, Integer>();
        for (MapEntryNode m : Nodes.entries(level, names.nfv("vnf-to-level-mapping"))) {
          counts.put(
              Nodes.text(m, names.nfv("vnf-profile-id")),
              (int) Nodes.number(m, names.nfv("number-of-instances"), 1));
        }
        levels.put(Nodes.text(level, names.nfv("id")), counts);
      }
      var links = new LinkedHashMap<String, NsDescriptor.VirtualLinkProfile>();
      for (MapEntryNode vl : Nodes.entries(df, names.nfv("virtual-link-profile"))) {
        String cidr =
            Nodes.path(vl, names.nfv("virtual-link-protocol-data"), names.nfv("l3-protocol-data"))
                .map(l3 -> Nodes.text(l3, names.nfv("cidr")))
                .orElse(null);
        var pools =
            Nodes.path(vl, names.nfv("virtual-link-protocol-data"), names.nfv("l3-protocol-data"))
                .map(l3 -> Nodes.values(l3, names.nfv("ip-allocation-pools")))
                .orElse(List.of());
        var link =
            new NsDescriptor.VirtualLinkProfile(
                Nodes.text(vl, names.nfv("id")),
                Nodes.text(vl, names.nfv("virtual-link-desc-id")),
                cidr,
                pools);
        links.put(link.id(), link);
      }
      String id = Nodes.text(df, names.nfv("id"));
      flavours.put(
          id,
          new NsDescriptor.NsFlavour(
              id,
              profiles,
              levels,
              Nodes.text(df, names.nfv("default-instantiation-level")),
              links));
    }
    return new NsDescriptor(Nodes.text(nsd, names.nfv("id")), flavours);
  }

  private VnfDescriptor vnfd(MapEntryNode vnfd) {
    var computes = new HashMap<String, long[]>();
    for (MapEntryNode c : Nodes.entries(vnfd, names.nfv("virtual-compute-desc"))) {
      long vcpus =
          Nodes.child(c, names.nfv("virtual-cpu"))
              .map(cpu -> Nodes.number(cpu, names.nfv("num-virtual-cpu"), 1))
              .orElse(1L);
      double gb =
          Nodes.child(c, names.nfv("virtual-memory"))
              .map(mem -> Nodes.decimal(mem, names.nfv("size"), 1.0))
              .orElse(1.0);
      long disk = 0;
      for (MapEntryNode d : Nodes.entries(c, names.nfv("virtual-disk"))) {
        disk += Nodes.number(d, names.nfv("size-of-storage"), 0);
      }
      computes.put(
          Nodes.text(c, names.nfv("id")),
          new long[] {vcpus, Math.max(1, (long) Math.ceil(gb * 1024)), disk});
    }
    var images = new HashMap<String, String>();
    for (MapEntryNode image : Nodes.entries(vnfd, names.nfv("sw-image-desc"))) {
      String ref = Nodes.text(image, names.nfv("image"));
      String id = Nodes.text(image, names.nfv("id"));
      images.put(id, ref == null ? id : ref);
    }
    var vdus = new LinkedHashMap<String, VnfDescriptor.Vdu>();
    for (MapEntryNode vdu : Nodes.entries(vnfd, names.nfv("vdu"))) {
      var cps = new LinkedHashMap<String, String>();
      for (MapEntryNode cp : Nodes.entries(vdu, names.nfv("int-cpd"))) {
        cps.put(
            Nodes.text(cp, names.nfv("id")), Nodes.text(cp, names.nfv("int-virtual-link-desc")));
      }
      long[] size =
          computes.getOrDefault(
              Nodes.text(vdu, names.nfv("virtual-compute-desc")), new long[] {1, 1024, 0});
      String imageId = Nodes.text(vdu, names.nfv("sw-image-desc"));
      String id = Nodes.text(vdu, names.nfv("id"));
      vdus.put(
          id,
          new VnfDescriptor.Vdu(
              id,
              cps,
              (int) size[0],
              size[1],
              size[2],
              imageId == null ? null : images.getOrDefault(imageId, imageId)));
    }
    var internalLinks = new ArrayList<String>();
    for (MapEntryNode vl : Nodes.entries(vnfd, names.nfv("int-virtual-link-desc"))) {
      internalLinks.add(Nodes.text(vl, names.nfv("id")));
    }
    var extCps = new LinkedHashMap<String, VnfDescriptor.VduCp>();
    for (MapEntryNode ext : Nodes.entries(vnfd, names.nfv("ext-cpd"))) {
      Nodes.child(ext, names.nfv("int-cpd"))
          .ifPresent(
              cp ->
                  extCps.put(
                      Nodes.text(ext, names.nfv("id")),
                      new VnfDescriptor.VduCp(
                          Nodes.text(cp, names.nfv("vdu-id")), Nodes.text(cp, names.nfv("cpd")))));
    }
    var flavours = new LinkedHashMap<String, VnfDescriptor.VnfFlavour>();
    for (MapEntryNode df : Nodes.entries(vnfd, names.nfv("df"))) {
      flavours.put(Nodes.text(df, names.nfv("id")), vnfFlavour(df));
    }
    return new VnfDescriptor(
        Nodes.text(vnfd, names.nfv("id")), vdus, internalLinks, extCps, flavours);
  }

  private VnfDescriptor.VnfFlavour vnfFlavour(MapEntryNode df) {
    var profiles = new LinkedHashMap<String, VnfDescriptor.VduProfile>();
    for (MapEntryNode p : Nodes.entries(df, names.nfv("vdu-profile"))) {
      var local = new ArrayList<AffinityGroup>();
      for (MapEntryNode rule :
          Nodes.entries(p, names.nfv("local-affinity-or-anti-affinity-rule"))) {
        String type = Nodes.text(rule, names.nfv("type"));
        String scope = Nodes.text(rule, names.nfv("scope"));
        local.add(
            new AffinityGroup("local-" + type + "-" + scope, "anti-affinity".equals(type), scope));
      }
      var profile =
          new VnfDescriptor.VduProfile(
              Nodes.text(p, names.nfv("id")),
              (int) Nodes.number(p, names.nfv("min-number-of-instances"), 1),
              (int) Nodes.number(p, names.nfv("max-number-of-instances"), 1),
              Nodes.values(p, names.nfv("affinity-or-anti-affinity-group-id")),
              local);
      profiles.put(profile.vduId(), profile);
    }
    var levels = new LinkedHashMap<String, Map<String, Integer>>();
    for (MapEntryNode level : Nodes.entries(df, names.nfv("instantiation-level"))) {
      var counts = new LinkedHashMap<String, Integer>();
      for (MapEntryNode v : Nodes.entries(level, names.nfv("vdu-level"))) {
        counts.put(
            Nodes.text(v, names.nfv("vdu-id")),
            (int) Nodes.number(v, names.nfv("number-of-instances"), 1));
      }
      levels.put(Nodes.text(level, names.nfv("id")), counts);
    }
    var aspects = new LinkedHashMap<String, VnfDescriptor.ScalingAspect>();
    for (MapEntryNode a : Nodes.entries(df, names.nfv("scaling-aspect"))) {
      var delta = new LinkedHashMap<String, Integer>();
      Nodes.child(a, names.nfv("aspect-delta-details"))
          .ifPresent(
              details -> {
                String chosen = Nodes.text(details, names.nfv("step-deltas"));
                for (MapEntryNode d : Nodes.entries(details, names.nfv("deltas"))) {
                  if (chosen == null || chosen.equals(Nodes.text(d, names.nfv("id")))) {
                    for (MapEntryNode v : Nodes.entries(d, names.nfv("vdu-delta"))) {
                      delta.put(
                          Nodes.text(v, names.nfv("id")),
                          (int) Nodes.number(v, names.nfv("number-of-instances"), 1));
                    }
                    break;
                  }
                }
              });
      String id = Nodes.text(a, names.nfv("id"));
      aspects.put(
          id,
          new VnfDescriptor.ScalingAspect(
              id, (int) Nodes.number(a, names.nfv("max-scale-level"), 1), delta));
    }
    var groups = new LinkedHashMap<String, AffinityGroup>();
    for (MapEntryNode g : Nodes.entries(df, names.nfv("affinity-or-anti-affinity-group"))) {
      String id = Nodes.text(g, names.nfv("id"));
      groups.put(
          id,
          new AffinityGroup(
              id,
              "anti-affinity".equals(Nodes.text(g, names.nfv("affinityorAntiaffinity"))),
              String.valueOf(Nodes.text(g, names.nfv("scope")))));
    }
    return new VnfDescriptor.VnfFlavour(
        Nodes.text(df, names.nfv("id")),
        profiles,
        levels,
        Nodes.text(df, names.nfv("default-instantiation-level")),
        aspects,
        groups);
  }

  private static NormalizedNode section(NormalizedNode root, QName top) {
    return Nodes.child(root, top).orElse(root == null ? null : emptyOf(root));
  }

  private static NormalizedNode emptyOf(NormalizedNode root) {
    return org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(new NodeIdentifier(QName.create("urn:yamano:empty", "empty")))
        .build();
  }
}
