package io.yamano.broker.metadata;

import io.yamano.broker.Action;
import io.yamano.broker.BrokerException;
import io.yamano.broker.Check;
import io.yamano.broker.LifecycleMetadata;
import io.yamano.broker.Management;
import io.yamano.broker.Operation;
import io.yamano.broker.Primitive;
import io.yamano.broker.RetryPolicy;
import io.yamano.broker.Transition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Reads {@code yamano-vnf-lifecycle} data into {@link LifecycleMetadata}. The module's defaults are
 * applied here (a data tree holds only what was set), and anything the module cannot check (a
 * transition to an undeclared state, a bad regular expression) is a {@code BAD_METADATA} failure
 * naming the VNFD.
 */
public final class LifecycleReader {
  /** The module's namespace. */
  public static final String NAMESPACE = "urn:yamano:params:xml:ns:yang:yamano-vnf-lifecycle";

  /** The module's revision. */
  public static final Revision REVISION = Revision.of("2026-11-24");

  private LifecycleReader() {}

  /** A name of the module. */
  public static QName qname(String localName) {
    return QName.create(XMLNamespace.of(NAMESPACE), REVISION, localName);
  }

  /**
   * The lifecycle of a VNFD entry: inline, or the {@code vnf-lifecycle} it refers to.
   *
   * @param vnfd a {@code /nfv/vnfd} entry or the {@code /vnfd} container
   * @param lifecycles the {@code /vnf-lifecycles} container, or {@code null}
   * @return empty when the VNFD declares no lifecycle
   */
  public static Optional<LifecycleMetadata> ofVnfd(
      String vnfdId, NormalizedNode vnfd, NormalizedNode lifecycles) throws BrokerException {
    var lifecycle = child(vnfd, qname("lifecycle"));
    if (lifecycle.isEmpty()) {
      return Optional.empty();
    }
    var inline = child(lifecycle.get(), qname("inline"));
    if (inline.isPresent()) {
      return Optional.of(read("vnfd " + vnfdId, inline.get()));
    }
    String ref = text(lifecycle.get(), "lifecycle-ref");
    if (ref == null) {
      return Optional.empty();
    }
    for (MapEntryNode entry : entries(lifecycles, "vnf-lifecycle")) {
      if (ref.equals(text(entry, "name"))) {
        return Optional.of(read(ref, entry));
      }
    }
    throw new BrokerException(
        BrokerException.Reason.BAD_METADATA,
        "VNFD " + vnfdId + " refers to lifecycle '" + ref + "', which does not exist");
  }

  /**
   * Reads one lifecycle (the {@code inline} container or a {@code vnf-lifecycle} entry).
   *
   * @param name for messages
   */
  public static LifecycleMetadata read(String name, NormalizedNode node) throws BrokerException {
    try {
      var states = new LinkedHashSet<>(values(node, "state"));
      var transitions = new ArrayList<Transition>();
      for (MapEntryNode t : entries(node, "transition")) {
        transitions.add(
            new Transition(
                text(t, "event"),
                new LinkedHashSet<>(values(t, "from")),
                text(t, "to"),
                actions(t),
                text(t, "on-failure")));
      }
      var primitives = new LinkedHashMap<String, Primitive>();
      for (MapEntryNode p : entries(node, "primitive")) {
        var parameters = new ArrayList<Primitive.Parameter>();
        for (MapEntryNode param : entries(p, "parameter")) {
          parameters.add(
              new Primitive.Parameter(
                  text(param, "name"),
                  Boolean.parseBoolean(text(param, "mandatory", "false")),
                  text(param, "default")));
        }
        String pname = text(p, "name");
        primitives.put(
            pname,
            new Primitive(
                pname, parameters, actions(p), new LinkedHashSet<>(values(p, "allowed-in"))));
      }
      var defaults = new LinkedHashMap<String, String>();
      for (MapEntryNode param : entries(node, "parameter")) {
        String value = text(param, "value");
        if (value != null) {
          defaults.put(text(param, "name"), value);
        }
      }
      return new LifecycleMetadata(
          name,
          states,
          text(node, "initial-state", LifecycleMetadata.DEFAULT_INITIAL_STATE),
          transitions,
          primitives,
          management(node),
          defaults);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BrokerException(
          BrokerException.Reason.BAD_METADATA, "lifecycle of " + name + ": " + e.getMessage(), e);
    }
  }

  private static Management management(NormalizedNode lifecycle) {
    String broker = text(lifecycle, "broker", "netconf");
    var m = child(lifecycle, qname("management"));
    if (m.isEmpty()) {
      return new Management(broker, null, null, null, null, null, null, null, Map.of());
    }
    NormalizedNode mg = m.get();
    var properties = new LinkedHashMap<String, String>();
    for (MapEntryNode p : entries(mg, "property")) {
      properties.put(text(p, "name"), text(p, "value", ""));
    }
    return new Management(
        broker,
        text(mg, "address"),
        text(mg, "port"),
        text(mg, "username"),
        text(mg, "password"),
        text(mg, "private-key-file"),
        Duration.ofSeconds(number(mg, "connect-timeout", 10)),
        Duration.ofSeconds(number(mg, "reply-timeout", 30)),
        properties);
  }

  private static List<Action> actions(NormalizedNode owner) {
    var out = new ArrayList<Action>();
    for (MapEntryNode a : entries(owner, "action")) {
      out.add(action(a));
    }
    return out;
  }

  private static Action action(MapEntryNode a) {
    String name = text(a, "name");
    var policy =
        new RetryPolicy(
            Duration.ofSeconds(number(a, "timeout", 30)),
            (int) number(a, "retries", 2),
            Duration.ofMillis(number(a, "backoff", 1000)));
    Optional<NormalizedNode> kind;
    if ((kind = child(a, qname("netconf-edit"))).isPresent()) {
      var target =
          Operation.EditTarget.valueOf(
              text(kind.get(), "target", "auto").toUpperCase(java.util.Locale.ROOT));
      return new Action.Invoke(
          name, new Operation.NetconfEdit(text(kind.get(), "config"), target), null, policy);
    }
    if ((kind = child(a, qname("netconf-rpc"))).isPresent()) {
      return new Action.Invoke(
          name, new Operation.NetconfRpc(text(kind.get(), "request")), check(kind.get()), policy);
    }
    if ((kind = child(a, qname("rest-call"))).isPresent()) {
      var statuses = new LinkedHashSet<Integer>();
      values(kind.get(), "expect-status").forEach(s -> statuses.add(Integer.parseInt(s)));
      return new Action.Invoke(
          name,
          new Operation.RestCall(
              text(kind.get(), "method", "POST"),
              text(kind.get(), "path"),
              text(kind.get(), "body"),
              statuses),
          check(kind.get()),
          policy);
    }
    if ((kind = child(a, qname("plugin-call"))).isPresent()) {
      var args = new LinkedHashMap<String, String>();
      for (MapEntryNode arg : entries(kind.get(), "argument")) {
        args.put(text(arg, "name"), text(arg, "value", ""));
      }
      return new Action.Invoke(
          name,
          new Operation.PluginCall(text(kind.get(), "operation"), args),
          check(kind.get()),
          policy);
    }
    if ((kind = child(a, qname("primitive"))).isPresent()) {
      var params = new LinkedHashMap<String, String>();
      for (MapEntryNode p : entries(kind.get(), "parameter")) {
        params.put(text(p, "name"), text(p, "value", ""));
      }
      return new Action.RunPrimitive(name, text(kind.get(), "name"), params);
    }
    if ((kind = child(a, qname("health-check"))).isPresent()) {
      return new Action.Invoke(name, probe(kind.get()), check(kind.get()), policy);
    }
    if ((kind = child(a, qname("wait"))).isPresent()) {
      return new Action.WaitFor(
          name,
          probe(kind.get()),
          check(kind.get()),
          Duration.ofMillis(number(kind.get(), "interval", 1000)),
          Duration.ofSeconds(number(kind.get(), "wait-timeout", 300)));
    }
    if ((kind = child(a, qname("pause"))).isPresent()) {
      return new Action.Pause(name, Duration.ofMillis(number(kind.get(), "duration", 0)));
    }
    throw new IllegalArgumentException("action '" + name + "' has no kind");
  }

  private static Operation probe(NormalizedNode node) {
    if (child(node, qname("netconf-get-filter")).isPresent()) {
      return new Operation.NetconfGet(text(node, "netconf-get-filter"));
    }
    if (child(node, qname("rest-get-path")).isPresent()) {
      return new Operation.RestCall("GET", text(node, "rest-get-path"), null, null);
    }
    if (child(node, qname("plugin-operation")).isPresent()) {
      return new Operation.PluginCall(text(node, "plugin-operation"), Map.of());
    }
    throw new IllegalArgumentException(
        "a probe needs netconf-get-filter, rest-get-path or plugin-operation");
  }

  private static Check check(NormalizedNode node) {
    String contains = text(node, "expect-contains");
    if (contains != null) {
      return new Check.Contains(contains);
    }
    String pattern = text(node, "expect-pattern");
    if (pattern != null) {
      try {
        return new Check.Matches(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "bad expect-pattern: " + e.getDescription() + " in " + pattern);
      }
    }
    var json = child(node, qname("expect-json"));
    if (json.isPresent()) {
      return new Check.JsonEquals(text(json.get(), "pointer"), text(json.get(), "value"));
    }
    return new Check.None();
  }

  // ---- data tree access by local name, looking through choices

  static Optional<NormalizedNode> child(NormalizedNode node, QName name) {
    if (!(node instanceof DataContainerNode container)) {
      return Optional.empty();
    }
    DataContainerChild direct = container.childByArg(new NodeIdentifier(name));
    if (direct != null) {
      return Optional.of(direct);
    }
    for (DataContainerChild c : container.body()) {
      if (c instanceof ChoiceNode choice) {
        var found = child(choice, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String text(NormalizedNode node, String name) {
    return child(node, qname(name))
        .filter(LeafNode.class::isInstance)
        .map(n -> String.valueOf(((LeafNode<?>) n).body()))
        .orElse(null);
  }

  private static String text(NormalizedNode node, String name, String fallback) {
    String value = text(node, name);
    return value == null ? fallback : value;
  }

  private static long number(NormalizedNode node, String name, long fallback) {
    String value = text(node, name);
    return value == null ? fallback : Long.parseLong(value);
  }

  private static Collection<MapEntryNode> entries(NormalizedNode node, String name) {
    if (node == null) {
      return List.of();
    }
    return child(node, qname(name))
        .filter(MapNode.class::isInstance)
        .map(n -> ((MapNode) n).body())
        .orElse(List.of());
  }

  private static List<String> values(NormalizedNode node, String name) {
    var out = new ArrayList<String>();
    child(node, qname(name))
        .filter(LeafSetNode.class::isInstance)
        .ifPresent(
            n -> ((LeafSetNode<?>) n).body().forEach(e -> out.add(String.valueOf(e.body()))));
    return out;
  }
}
