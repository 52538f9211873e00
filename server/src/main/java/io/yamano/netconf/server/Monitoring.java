package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.netconf.message.NetconfNamespaces;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * {@code /netconf-state} of ietf-netconf-monitoring (<a
 * href="https://www.rfc-editor.org/rfc/rfc6022#section-2.1">RFC 6022 §2.1</a>), built as of now:
 * capabilities, datastores with their global locks, schemas (every loaded module and submodule,
 * retrievable with {@code <get-schema>}), sessions and statistics.
 */
final class Monitoring {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private Monitoring() {}

  /** A root container holding {@code netconf-state}. */
  static ContainerNode state(ServerContext context) {
    var schema = context.schema();
    var module = schema.findModules("ietf-netconf-monitoring").iterator().next().getQNameModule();
    var n = new Nodes(module);
    var children = new ArrayList<DataContainerChild>();
    var caps = new ArrayList<Object>();
    caps.add(NetconfNamespaces.BASE_1_0);
    caps.add(NetconfNamespaces.BASE_1_1);
    caps.addAll(context.capabilities());
    children.add(n.container("capabilities", List.of(n.leafList("capability", caps))));
    children.add(n.container("datastores", List.of(n.list("datastore", datastores(context, n)))));
    children.add(n.container("schemas", List.of(n.list("schema", schemas(context, n)))));
    children.add(n.container("sessions", List.of(n.list("session", sessions(context, n)))));
    var stats = context.statistics();
    children.add(
        n.container(
            "statistics",
            List.of(
                n.leaf("netconf-start-time", time(context.startTime())),
                n.leaf("in-bad-hellos", Uint32.ZERO),
                n.leaf("in-sessions", counter(context.sessions().inSessions.get())),
                n.leaf("dropped-sessions", counter(context.sessions().droppedSessions.get())),
                n.leaf("in-rpcs", counter(stats.inRpcs.get())),
                n.leaf("in-bad-rpcs", counter(stats.inBadRpcs.get())),
                n.leaf("out-rpc-errors", counter(stats.outRpcErrors.get())),
                n.leaf("out-notifications", counter(stats.outNotifications.get())))));
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(
            org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier.create(
                SchemaContext.NAME))
        .withChild(n.container("netconf-state", children))
        .build();
  }

  private static List<MapEntryNode> datastores(ServerContext context, Nodes n) {
    var out = new ArrayList<MapEntryNode>();
    for (var ds : List.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP)) {
      var children = new ArrayList<DataContainerChild>();
      children.add(n.leaf("name", ds.yangName()));
      context
          .datastore()
          .lockHolder(ds)
          .ifPresent(
              holder -> {
                var lock = new ArrayList<DataContainerChild>();
                lock.add(n.leaf("locked-by-session", Uint32.valueOf(Math.max(0, holder))));
                lock.add(
                    n.leaf(
                        "locked-time",
                        time(context.locks().since(ds, holder).orElse(context.startTime()))));
                children.add(
                    n.container(
                        "locks", List.of(n.choice("lock-type", n.container("global-lock", lock)))));
              });
      out.add(n.entry("datastore", 1, children));
    }
    return out;
  }

  private static List<MapEntryNode> schemas(ServerContext context, Nodes n) {
    QName yang = n.q("yang");
    var namespaces = namespaces(context.schema());
    var out = new ArrayList<MapEntryNode>();
    var seen = new java.util.HashSet<String>();
    for (var source : context.registry().sources()) {
      if (!seen.add(source.id())) {
        continue;
      }
      var children = new ArrayList<DataContainerChild>();
      children.add(n.leaf("identifier", source.name()));
      children.add(n.leaf("version", source.revision().orElse("")));
      children.add(n.leaf("format", yang));
      children.add(n.leaf("namespace", namespaces.getOrDefault(source.name(), "")));
      children.add(n.leafList("location", List.of("NETCONF")));
      out.add(n.entry("schema", 3, children));
    }
    out.sort(Comparator.comparing(e -> e.name().toString()));
    return out;
  }

  /** The namespace of every module and submodule (a submodule's is its module's). */
  static Map<String, String> namespaces(EffectiveModelContext schema) {
    var out = new HashMap<String, String>();
    for (var m : schema.getModules()) {
      out.put(m.getName(), m.getNamespace().toString());
      for (var s : m.getSubmodules()) {
        out.put(s.getName(), m.getNamespace().toString());
      }
    }
    return out;
  }

  private static List<MapEntryNode> sessions(ServerContext context, Nodes n) {
    var out = new ArrayList<MapEntryNode>();
    for (var s : context.sessions().all()) {
      var children = new ArrayList<DataContainerChild>();
      children.add(n.leaf("session-id", Uint32.valueOf(s.id())));
      children.add(n.leaf("transport", n.q("netconf-ssh")));
      children.add(n.leaf("username", s.username()));
      if (s.transport().remoteAddress() instanceof InetSocketAddress address
          && address.getAddress() != null) {
        children.add(n.leaf("source-host", address.getAddress().getHostAddress()));
      }
      children.add(n.leaf("login-time", time(s.loginTime())));
      var stats = s.statistics();
      children.add(n.leaf("in-rpcs", counter(stats.inRpcs.get())));
      children.add(n.leaf("in-bad-rpcs", counter(stats.inBadRpcs.get())));
      children.add(n.leaf("out-rpc-errors", counter(stats.outRpcErrors.get())));
      children.add(n.leaf("out-notifications", counter(stats.outNotifications.get())));
      out.add(n.entry("session", 1, children));
    }
    return out;
  }

  /** yang:date-and-time in UTC, to the second. */
  static String time(Instant instant) {
    return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
  }

  /** A zero-based-counter32: wraps at 2^32 (RFC 6991). */
  private static Uint32 counter(long value) {
    return Uint32.valueOf(value & 0xFFFF_FFFFL);
  }
}
