package io.yamano.datastore.nacm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The {@code /nacm} configuration (RFC 8341 §3.2), as the engine uses it. Absent leaves take the
 * RFC's defaults: NACM enabled, read and exec permitted, writes denied, external groups used.
 *
 * @param enabled {@code enable-nacm}
 * @param readDefault {@code read-default} is permit
 * @param writeDefault {@code write-default} is permit
 * @param execDefault {@code exec-default} is permit
 * @param externalGroups {@code enable-external-groups}
 * @param groups members of each {@code /nacm/groups/group}, by group name
 * @param ruleLists the rule-lists in configuration order
 * @param problems rule paths that name nothing in the schema (those rules match nothing)
 */
public record NacmConfig(
    boolean enabled,
    boolean readDefault,
    boolean writeDefault,
    boolean execDefault,
    boolean externalGroups,
    Map<String, Set<String>> groups,
    List<RuleList> ruleLists,
    List<String> problems) {
  public NacmConfig {
    groups = Map.copyOf(groups);
    ruleLists = List.copyOf(ruleLists);
    problems = List.copyOf(problems);
  }

  /** The configuration of an empty {@code /nacm}: the RFC 8341 defaults. */
  static NacmConfig defaults() {
    return new NacmConfig(true, true, false, true, true, Map.of(), List.of(), List.of());
  }

  static NacmConfig from(Optional<NormalizedNode> nacm, QNameModule module, SchemaIndex schema) {
    if (nacm.isEmpty() || !(nacm.get() instanceof DataContainerNode root)) {
      return defaults();
    }
    var groups = new HashMap<String, Set<String>>();
    var groupsNode = root.childByArg(id(module, "groups"));
    if (groupsNode instanceof DataContainerNode g
        && g.childByArg(id(module, "group")) instanceof MapNode list) {
      for (MapEntryNode entry : list.body()) {
        groups.put(
            text(entry, module, "name").orElse(""),
            new HashSet<>(texts(entry, module, "user-name")));
      }
    }
    var ruleLists = new ArrayList<RuleList>();
    var problems = new ArrayList<String>();
    if (root.childByArg(id(module, "rule-list")) instanceof MapNode lists) {
      for (MapEntryNode entry : lists.body()) {
        var listName = text(entry, module, "name").orElse("");
        var rules = new ArrayList<Rule>();
        if (entry.childByArg(id(module, "rule")) instanceof MapNode ruleMap) {
          for (MapEntryNode r : ruleMap.body()) {
            rules.add(rule(listName, r, module, schema, problems));
          }
        }
        ruleLists.add(new RuleList(listName, new HashSet<>(texts(entry, module, "group")), rules));
      }
    }
    return new NacmConfig(
        bool(root, module, "enable-nacm", true),
        action(root, module, "read-default", true),
        action(root, module, "write-default", false),
        action(root, module, "exec-default", true),
        bool(root, module, "enable-external-groups", true),
        groups,
        ruleLists,
        problems);
  }

  private static Rule rule(
      String listName,
      MapEntryNode r,
      QNameModule module,
      SchemaIndex schema,
      List<String> problems) {
    var name = text(r, module, "name").orElse("");
    var moduleName = text(r, module, "module-name").filter(m -> !m.equals("*"));
    RuleType type = new RuleType.Any();
    // rpc-name, notification-name and path are cases of the choice rule-type
    DataContainerNode holder =
        r.childByArg(id(module, "rule-type")) instanceof ChoiceNode choice ? choice : r;
    var rpc = text(holder, module, "rpc-name");
    var notification = text(holder, module, "notification-name");
    var path = text(holder, module, "path");
    if (rpc.isPresent()) {
      type = new RuleType.ProtocolOperation(rpc.filter(n -> !n.equals("*")));
    } else if (notification.isPresent()) {
      type = new RuleType.Notification(notification.filter(n -> !n.equals("*")));
    } else if (path.isPresent()) {
      Optional<NodePath> compiled;
      try {
        compiled = Optional.of(NodePath.parse(path.get(), schema));
      } catch (IllegalArgumentException e) {
        compiled = Optional.empty();
        problems.add("rule-list '" + listName + "' rule '" + name + "': path " + e.getMessage());
      }
      type = new RuleType.DataNode(path.get(), compiled);
    }
    var ops = EnumSet.noneOf(Access.class);
    var leaf = r.childByArg(id(module, "access-operations"));
    Object value = leaf instanceof LeafNode<?> l ? l.body() : "*";
    Collection<?> names =
        value instanceof Collection<?> c ? c : List.of(String.valueOf(value).trim().split("\\s+"));
    for (var n : names) {
      if (String.valueOf(n).equals("*")) {
        ops = EnumSet.allOf(Access.class);
        break;
      }
      Access.of(String.valueOf(n)).ifPresent(ops::add);
    }
    boolean permit = text(r, module, "action").map(a -> a.equals("permit")).orElse(false);
    return new Rule(name, moduleName, type, ops, permit);
  }

  private static NodeIdentifier id(QNameModule module, String name) {
    return new NodeIdentifier(QName.create(module, name));
  }

  private static Optional<String> text(DataContainerNode node, QNameModule module, String leaf) {
    var child = node.childByArg(id(module, leaf));
    if (child instanceof LeafNode<?> l) {
      var body = l.body();
      if (body instanceof Collection<?> c) {
        return Optional.of(String.join(" ", c.stream().map(String::valueOf).toList()));
      }
      return Optional.of(String.valueOf(body));
    }
    return Optional.empty();
  }

  private static List<String> texts(DataContainerNode node, QNameModule module, String leafList) {
    var child = node.childByArg(id(module, leafList));
    if (child instanceof LeafSetNode<?> set) {
      return set.body().stream().map(e -> String.valueOf(e.body())).toList();
    }
    return List.of();
  }

  private static boolean bool(
      DataContainerNode node, QNameModule module, String leaf, boolean def) {
    return text(node, module, leaf).map(Boolean::parseBoolean).orElse(def);
  }

  private static boolean action(
      DataContainerNode node, QNameModule module, String leaf, boolean def) {
    return text(node, module, leaf).map(v -> v.equals("permit")).orElse(def);
  }
}
