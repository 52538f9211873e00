package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * The YANG library (<a href="https://www.rfc-editor.org/rfc/rfc8525">RFC 8525</a>): one module set
 * {@code complete} holding every module of the schema with its supported features and submodules,
 * one schema {@code complete}, and the NMDA datastores running, candidate, startup and operational
 * (RFC 8342) all using it; plus the deprecated {@code modules-state} (RFC 7895) for older clients.
 * Built once per server: the schema does not change while it runs.
 */
final class YangLibrary {
  private static final String COMPLETE = "complete";
  private static volatile Cache cache;

  private record Cache(ServerContext context, ContainerNode state) {}

  private YangLibrary() {}

  /** A root container holding {@code yang-library} and {@code modules-state}. */
  static ContainerNode state(ServerContext context) {
    var c = cache;
    if (c == null || c.context() != context) {
      c = new Cache(context, build(context));
      cache = c;
    }
    return c.state();
  }

  private static ContainerNode build(ServerContext context) {
    var schema = context.schema();
    var n = new Nodes(schema.findModules("ietf-yang-library").iterator().next().getQNameModule());
    var ds = new Nodes(schema.findModules("ietf-datastores").iterator().next().getQNameModule());
    List<Module> modules = new ArrayList<>(schema.getModules());
    modules.sort(Comparator.comparing(Module::getName));

    var moduleEntries = new ArrayList<MapEntryNode>();
    var legacyEntries = new ArrayList<MapEntryNode>();
    for (Module m : modules) {
      var children = new ArrayList<DataContainerChild>();
      children.add(n.leaf("name", m.getName()));
      m.getRevision().ifPresent(r -> children.add(n.leaf("revision", r.toString())));
      children.add(n.leaf("namespace", m.getNamespace().toString()));
      var subs = new ArrayList<MapEntryNode>();
      var legacySubs = new ArrayList<MapEntryNode>();
      for (var s : m.getSubmodules()) {
        var sc = new ArrayList<DataContainerChild>();
        sc.add(n.leaf("name", s.getName()));
        s.getRevision().ifPresent(r -> sc.add(n.leaf("revision", r.toString())));
        subs.add(n.entry("submodule", 1, sc));
        legacySubs.add(
            n.entry(
                "submodule",
                2,
                List.of(
                    n.leaf("name", s.getName()),
                    n.leaf("revision", s.getRevision().map(Object::toString).orElse("")))));
      }
      if (!subs.isEmpty()) {
        children.add(n.list("submodule", subs));
      }
      var features = Capabilities.features(m);
      if (!features.isEmpty()) {
        children.add(n.leafList("feature", features));
      }
      moduleEntries.add(n.entry("module", 1, children));

      var legacy = new ArrayList<DataContainerChild>();
      legacy.add(n.leaf("name", m.getName()));
      legacy.add(n.leaf("revision", m.getRevision().map(Object::toString).orElse("")));
      legacy.add(n.leaf("namespace", m.getNamespace().toString()));
      if (!features.isEmpty()) {
        legacy.add(n.leafList("feature", features));
      }
      legacy.add(n.leaf("conformance-type", "implement"));
      if (!legacySubs.isEmpty()) {
        legacy.add(n.list("submodule", legacySubs));
      }
      legacyEntries.add(n.entry("module", 2, legacy));
    }

    var moduleSet =
        n.entry(
            "module-set", 1, List.of(n.leaf("name", COMPLETE), n.list("module", moduleEntries)));
    var schemaEntry =
        n.entry(
            "schema",
            1,
            List.of(n.leaf("name", COMPLETE), n.leafList("module-set", List.of(COMPLETE))));
    var datastores = new ArrayList<MapEntryNode>();
    for (DatastoreName name : DatastoreName.values()) {
      QName identity = ds.q(name.yangName());
      datastores.add(
          n.entry("datastore", 1, List.of(n.leaf("name", identity), n.leaf("schema", COMPLETE))));
    }
    var library =
        n.container(
            "yang-library",
            List.of(
                n.list("module-set", List.of(moduleSet)),
                n.list("schema", List.of(schemaEntry)),
                n.list("datastore", datastores),
                n.leaf("content-id", context.contentId())));
    var modulesState =
        n.container(
            "modules-state",
            List.of(n.leaf("module-set-id", context.contentId()), n.list("module", legacyEntries)));
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
        .withChild(library)
        .withChild(modulesState)
        .build();
  }
}
