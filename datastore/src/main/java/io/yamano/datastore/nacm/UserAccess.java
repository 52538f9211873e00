package io.yamano.datastore.nacm;

import io.yamano.datastore.ChangeKind;
import io.yamano.datastore.DataChange;
import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;

/**
 * What one user may do, under one generation of the NACM configuration: the rules of the rule-lists
 * of the user's groups, in order, with the defaults (RFC 8341 §3.4). Immutable and thread-safe;
 * obtained from {@link AccessControl#forUser}.
 */
public final class UserAccess {
  private static final QName CLOSE_SESSION =
      QName.create("urn:ietf:params:xml:ns:netconf:base:1.0", "close-session");
  private static final QName KILL_SESSION =
      QName.create("urn:ietf:params:xml:ns:netconf:base:1.0", "kill-session");
  private static final QName DELETE_CONFIG =
      QName.create("urn:ietf:params:xml:ns:netconf:base:1.0", "delete-config");
  private static final String NOTIFICATION_NS = "urn:ietf:params:xml:ns:netmod:notification";

  private record Applicable(RuleList list, Rule rule) {}

  private final String user;
  private final Set<String> groups;
  private final NacmConfig config;
  private final SchemaIndex schema;
  private final boolean unrestricted;
  private final String unrestrictedReason;
  private final List<Applicable> rules;
  private final boolean readsAll;
  private final boolean readModuleRules;
  private final AccessControl owner;

  /** The last tree pruned and its result, as one value so that readers never mix two pairs. */
  private record Pruned(ContainerNode read, ContainerNode pruned) {}

  private volatile Pruned last;

  UserAccess(
      String user,
      Set<String> groups,
      NacmConfig config,
      SchemaIndex schema,
      String unrestrictedReason,
      AccessControl owner) {
    this.user = user;
    this.groups = Set.copyOf(groups);
    this.config = config;
    this.schema = schema;
    this.unrestrictedReason = unrestrictedReason;
    this.unrestricted = unrestrictedReason != null;
    this.owner = owner;
    var applicable = new ArrayList<Applicable>();
    for (var list : config.ruleLists()) {
      if (list.appliesTo(this.groups)) {
        for (var rule : list.rules()) {
          applicable.add(new Applicable(list, rule));
        }
      }
    }
    this.rules = List.copyOf(applicable);
    this.readModuleRules =
        rules.stream()
            .anyMatch(
                a -> a.rule.operations().contains(Access.READ) && a.rule.module().isPresent());
    this.readsAll =
        unrestricted || firstUniversal(Access.READ).map(a -> a.rule.permit()).orElse(false);
  }

  /** The user this access is for. */
  public String user() {
    return user;
  }

  /** The NACM groups the user is in (from {@code /nacm/groups} and external groups). */
  public Set<String> groups() {
    return groups;
  }

  /**
   * Whether {@link #prune} never removes anything for this user (a permit-all read rule, NACM
   * disabled, or a recovery session): callers may skip work done only for pruning.
   */
  public boolean readsEverything() {
    return readsAll;
  }

  /** Whether nothing is ever denied (NACM disabled, or a recovery session). */
  public boolean unrestricted() {
    return unrestricted;
  }

  private Optional<Applicable> firstUniversal(Access access) {
    for (var a : rules) {
      if (a.rule.operations().contains(access)) {
        return a.rule.isUniversal(access) ? Optional.of(a) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  // ---- protocol operations (§3.4.4) ----

  /** Whether the user may invoke the rpc {@code rpc} (RFC 8341 §3.4.4). */
  public Decision exec(QName rpc) {
    if (unrestricted) {
      return Decision.other(true, unrestrictedReason);
    }
    if (sameName(rpc, CLOSE_SESSION)) {
      return Decision.other(true, "close-session is always permitted (RFC 8341 §3.4.4)");
    }
    var module = schema.moduleName(rpc);
    for (var a : rules) {
      var r = a.rule;
      if (r.operations().contains(Access.EXEC)
          && r.matchesModule(module)
          && (r.type() instanceof RuleType.Any
              || (r.type() instanceof RuleType.ProtocolOperation op
                  && op.matches(rpc.getLocalName())))) {
        return Decision.byRule(a.list, r);
      }
    }
    var definition =
        schema.context.findModuleStatement(rpc.getModule()).flatMap(m -> m.findSchemaTreeNode(rpc));
    if (definition.isPresent() && (schema.flags(definition.get()) & SchemaIndex.DENY_ALL) != 0) {
      return Decision.other(false, noRule() + "; the rpc is marked nacm:default-deny-all");
    }
    if (sameName(rpc, KILL_SESSION) || sameName(rpc, DELETE_CONFIG)) {
      return Decision.other(
          false, noRule() + "; " + rpc.getLocalName() + " is denied by default (RFC 8341 §3.4.4)");
    }
    return Decision.other(
        config.execDefault(), noRule() + "; exec-default is " + verb(config.execDefault()));
  }

  /** As {@link #exec}, throwing {@code access-denied} (error-type protocol) when denied. */
  public void checkExec(QName rpc, String frontEnd) throws RpcException {
    var d = exec(rpc);
    if (!d.permitted()) {
      owner.denied(
          new Denial(
              user,
              frontEnd,
              Access.EXEC,
              "rpc " + schema.moduleName(rpc) + ":" + rpc.getLocalName(),
              d));
      throw new RpcException(
          new RpcError(
              ErrorType.PROTOCOL,
              ErrorTag.ACCESS_DENIED,
              Optional.empty(),
              Optional.empty(),
              "access denied: " + user + " may not invoke " + rpc.getLocalName(),
              Map.of()));
    }
  }

  /** Whether the user may invoke {@code action} on the data node {@code target} (§3.4.5). */
  public Decision action(YangInstanceIdentifier target, QName action) {
    if (unrestricted) {
      return Decision.other(true, unrestrictedReason);
    }
    var located = locate(target);
    var step = new NodeStep(located.step, action, null, null);
    int flags = located.flags;
    if (located.context instanceof DataSchemaContext.Composite c) {
      var node = c.dataSchemaNode();
      if (node instanceof org.opendaylight.yangtools.yang.model.api.ActionNodeContainer container) {
        var definition = container.findAction(action);
        if (definition.isPresent()) {
          flags |= schema.flags(definition.get());
        }
      }
    }
    return decideData(Access.EXEC, step, flags);
  }

  /** As {@link #action}, throwing {@code access-denied} with the target's path when denied. */
  public void checkAction(YangInstanceIdentifier target, QName action, String frontEnd)
      throws RpcException {
    var d = action(target, action);
    if (!d.permitted()) {
      owner.denied(
          new Denial(
              user,
              frontEnd,
              Access.EXEC,
              "action " + action.getLocalName() + " on " + describe(target),
              d));
      throw new RpcException(
          RpcError.application(
              ErrorTag.ACCESS_DENIED,
              null,
              target,
              "access denied: " + user + " may not invoke " + action.getLocalName()));
    }
  }

  // ---- notifications (§3.4.6) ----

  /** Whether the user may receive the notification {@code notification} (RFC 8341 §3.4.6). */
  public Decision notification(QName notification) {
    if (unrestricted) {
      return Decision.other(true, unrestrictedReason);
    }
    if (notification.getNamespace().toString().equals(NOTIFICATION_NS)
        && (notification.getLocalName().equals("replayComplete")
            || notification.getLocalName().equals("notificationComplete"))) {
      return Decision.other(true, "replayComplete and notificationComplete are always sent");
    }
    var module = schema.moduleName(notification);
    for (var a : rules) {
      var r = a.rule;
      if (r.operations().contains(Access.READ)
          && r.matchesModule(module)
          && (r.type() instanceof RuleType.Any
              || (r.type() instanceof RuleType.Notification n
                  && n.matches(notification.getLocalName())))) {
        return Decision.byRule(a.list, r);
      }
    }
    var definition =
        schema
            .context
            .findModuleStatement(notification.getModule())
            .flatMap(m -> m.findSchemaTreeNode(notification));
    if (definition.isPresent() && (schema.flags(definition.get()) & SchemaIndex.DENY_ALL) != 0) {
      return Decision.other(false, noRule() + "; the notification is marked nacm:default-deny-all");
    }
    return Decision.other(
        config.readDefault(), noRule() + "; read-default is " + verb(config.readDefault()));
  }

  /** Whether the notification with this content element may be sent to the user. */
  public boolean mayReceive(String namespace, String localName) {
    if (unrestricted) {
      return true;
    }
    try {
      var module =
          schema.context.findModules(
              org.opendaylight.yangtools.yang.common.XMLNamespace.of(namespace));
      if (module.isEmpty()) {
        return notification(QName.create(namespace, localName)).permitted();
      }
      return notification(QName.create(module.iterator().next().getQNameModule(), localName))
          .permitted();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---- data nodes (§3.4.5) ----

  /** Whether the user may perform {@code access} on the data node at {@code path}. */
  public Decision data(Access access, YangInstanceIdentifier path) {
    if (unrestricted) {
      return Decision.other(true, unrestrictedReason);
    }
    var located = locate(path);
    if (located.step == null) {
      return Decision.other(true, "the datastore root is not a data node");
    }
    return decideData(access, located.step, located.flags);
  }

  Decision decideData(Access access, NodeStep step, int flags) {
    if (unrestricted) {
      return Decision.other(true, unrestrictedReason);
    }
    int i = match(access, step);
    if (i >= 0) {
      return Decision.byRule(rules.get(i).list, rules.get(i).rule);
    }
    if (access == Access.READ && (flags & SchemaIndex.DENY_ALL) != 0) {
      return Decision.other(false, noRule() + "; the node is marked nacm:default-deny-all");
    }
    if (access.isWrite() && (flags & (SchemaIndex.DENY_ALL | SchemaIndex.DENY_WRITE)) != 0) {
      return Decision.other(
          false,
          noRule()
              + "; the node is marked nacm:default-deny-"
              + ((flags & SchemaIndex.DENY_ALL) != 0 ? "all" : "write"));
    }
    if (access == Access.EXEC) {
      return Decision.other(
          config.execDefault(), noRule() + "; exec-default is " + verb(config.execDefault()));
    }
    if (access == Access.READ) {
      return Decision.other(
          config.readDefault(), noRule() + "; read-default is " + verb(config.readDefault()));
    }
    return Decision.other(
        config.writeDefault(), noRule() + "; write-default is " + verb(config.writeDefault()));
  }

  private boolean permits(Access access, NodeStep step, int flags) {
    int i = match(access, step);
    if (i >= 0) {
      return rules.get(i).rule.permit();
    }
    if (access == Access.READ) {
      return (flags & SchemaIndex.DENY_ALL) == 0 && config.readDefault();
    }
    if (access == Access.EXEC) {
      return config.execDefault();
    }
    return (flags & (SchemaIndex.DENY_ALL | SchemaIndex.DENY_WRITE)) == 0 && config.writeDefault();
  }

  private int match(Access access, NodeStep step) {
    String module = null;
    for (int i = 0; i < rules.size(); i++) {
      var r = rules.get(i).rule;
      if (!r.operations().contains(access)) {
        continue;
      }
      if (r.module().isPresent()) {
        if (module == null) {
          module = schema.moduleName(step.name);
        }
        if (!r.module().get().equals(module)) {
          continue;
        }
      }
      if (r.type() instanceof RuleType.Any) {
        return i;
      }
      if (r.type() instanceof RuleType.DataNode dn
          && dn.path().isPresent()
          && dn.path().get().matches(step)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether every node below {@code step} gets the node's own read decision, so the subtree need
   * not be walked: no path rule reaches below it, nothing below is default-deny-all, and no
   * module-name rule can tell its nodes apart (they are all in one module, or there are none).
   */
  private boolean sameBelow(NodeStep step, DataSchemaContext ctx) {
    if (ctx == null) {
      return false;
    }
    for (var a : rules) {
      var r = a.rule;
      if (r.operations().contains(Access.READ)
          && r.type() instanceof RuleType.DataNode dn
          && dn.path().isPresent()
          && dn.path().get().reachesBelow(step)) {
        return false;
      }
    }
    var below = schema.subtree(ctx.dataSchemaNode());
    return !below.denyAllBelow() && (!readModuleRules || below.singleModule());
  }

  /** Whether some permit rule names a node below {@code step}: a denied node may hold it. */
  private boolean permitsBelow(Access access, NodeStep step) {
    for (var a : rules) {
      var r = a.rule;
      if (r.permit()
          && r.operations().contains(access)
          && r.type() instanceof RuleType.DataNode dn
          && dn.path().isPresent()
          && dn.path().get().reachesBelow(step)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameName(QName a, QName b) {
    return a.getLocalName().equals(b.getLocalName()) && a.getNamespace().equals(b.getNamespace());
  }

  private String noRule() {
    if (groups.isEmpty()) {
      return "user '" + user + "' is in no NACM group";
    }
    return "no rule of the groups " + new java.util.TreeSet<>(groups) + " matched";
  }

  private static String verb(boolean permit) {
    return permit ? "permit" : "deny";
  }

  // ---- schema walk of a path ----

  private record Located(NodeStep step, DataSchemaContext context, int flags) {}

  private Located locate(YangInstanceIdentifier path) {
    NodeStep step = null;
    DataSchemaContext ctx = schema.tree.getRoot();
    int flags = 0;
    for (var arg : path.getPathArguments()) {
      ctx = ctx instanceof DataSchemaContext.Composite c ? c.childByArg(arg) : null;
      if (ctx != null) {
        flags |= schema.flags(ctx.dataSchemaNode());
      }
      if (ctx instanceof DataSchemaContext.PathMixin) {
        continue;
      }
      step = stepOf(step, arg);
    }
    return new Located(step, ctx, flags);
  }

  private static NodeStep stepOf(NodeStep parent, PathArgument arg) {
    if (arg instanceof NodeIdentifierWithPredicates p) {
      return new NodeStep(parent, p.getNodeType(), keysOf(p), null);
    }
    if (arg instanceof NodeWithValue<?> v) {
      return new NodeStep(parent, v.getNodeType(), null, v.getValue());
    }
    return new NodeStep(parent, arg.getNodeType(), null, null);
  }

  private static Map<QName, Object> keysOf(NodeIdentifierWithPredicates p) {
    if (p.size() == 1) {
      var e = p.entrySet().iterator().next();
      return Map.of(e.getKey(), e.getValue());
    }
    var keys = new HashMap<QName, Object>();
    p.entrySet().forEach(e -> keys.put(e.getKey(), e.getValue()));
    return keys;
  }

  // ---- read pruning ----

  /**
   * The tree without what the user may not read (RFC 8341 §3.4.5): denied nodes and their
   * descendants are left out silently, except that a denied node is kept as an empty shell (with
   * its keys) around descendants that a rule explicitly permits. Returns {@code root} itself when
   * nothing is removed.
   */
  public ContainerNode prune(ContainerNode root) {
    if (readsAll) {
      return root;
    }
    var cached = last;
    if (cached != null && cached.read == root) {
      return cached.pruned;
    }
    var kept = pruneChildren(root, null, schema.tree.getRoot(), 0);
    ContainerNode out;
    if (kept == null) {
      out = root;
    } else {
      var b = ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name());
      kept.forEach(b::withChild);
      out = b.build();
    }
    last = new Pruned(root, out);
    return out;
  }

  /**
   * Prunes a subtree read at {@code path} (a RESTCONF or CLI read below the root); empty when the
   * user may read nothing of it.
   */
  public Optional<NormalizedNode> prune(YangInstanceIdentifier path, NormalizedNode node) {
    if (readsAll) {
      return Optional.of(node);
    }
    if (path.isEmpty() && node instanceof ContainerNode c) {
      return Optional.of(prune(c));
    }
    var parent = path.getParent();
    var located = locate(parent == null ? YangInstanceIdentifier.of() : parent);
    return Optional.ofNullable(pruneNode(node, located.step, located.context, located.flags));
  }

  /** The kept children, or null when all are kept unchanged. */
  private List<DataContainerChild> pruneChildren(
      DataContainerNode node, NodeStep parent, DataSchemaContext ctx, int flags) {
    List<DataContainerChild> kept = null;
    int index = 0;
    var body = node.body();
    for (var child : body) {
      var pruned = (DataContainerChild) pruneNode(child, parent, ctx, flags);
      if (pruned != child && kept == null) {
        kept = new ArrayList<>(body.size());
        int j = 0;
        for (var earlier : body) {
          if (j++ == index) {
            break;
          }
          kept.add(earlier);
        }
      }
      if (kept != null && pruned != null) {
        kept.add(pruned);
      }
      index++;
    }
    return kept;
  }

  /** The node as the user may see it: itself, a pruned copy, or null. */
  private NormalizedNode pruneNode(
      NormalizedNode node, NodeStep parent, DataSchemaContext parentCtx, int flags) {
    var ctx = parentCtx instanceof DataSchemaContext.Composite c ? c.childByArg(node.name()) : null;
    int f = ctx == null ? flags : flags | schema.flags(ctx.dataSchemaNode());
    if (node instanceof ChoiceNode choice) {
      var kept = pruneChildren(choice, parent, ctx, f);
      if (kept == null) {
        return node;
      }
      if (kept.isEmpty()) {
        return null;
      }
      var b = ImmutableNodes.newChoiceBuilder().withNodeIdentifier(choice.name());
      kept.forEach(b::withChild);
      return b.build();
    }
    if (node instanceof MapNode map) {
      List<MapEntryNode> kept = null;
      boolean changed = false;
      for (var entry : map.body()) {
        var p = (MapEntryNode) pruneNode(entry, parent, ctx, f);
        if (p != entry) {
          changed = true;
        }
        if (p != null) {
          if (kept == null) {
            kept = new ArrayList<>();
          }
          kept.add(p);
        }
      }
      if (!changed) {
        return node;
      }
      if (kept == null) {
        return null;
      }
      if (map instanceof UserMapNode) {
        var b = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name());
        kept.forEach(b::withChild);
        return b.build();
      }
      var b = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name());
      kept.forEach(b::withChild);
      return b.build();
    }
    if (node instanceof LeafSetNode<?> set) {
      List<LeafSetEntryNode<?>> kept = new ArrayList<>();
      boolean changed = false;
      for (LeafSetEntryNode<?> entry : set.body()) {
        var step = new NodeStep(parent, entry.name().getNodeType(), null, entry.body());
        if (permits(Access.READ, step, f)) {
          kept.add(entry);
        } else {
          changed = true;
        }
      }
      if (!changed) {
        return node;
      }
      if (kept.isEmpty()) {
        return null;
      }
      return rebuildLeafSet(set, kept);
    }
    if (node instanceof UnkeyedListNode list) {
      var b = ImmutableNodes.newUnkeyedListBuilder().withNodeIdentifier(list.name());
      boolean changed = false;
      int count = 0;
      for (var entry : list.body()) {
        var p = pruneNode(entry, parent, ctx, f);
        changed |= p != entry;
        if (p != null) {
          b.withChild((UnkeyedListEntryNode) p);
          count++;
        }
      }
      return !changed ? node : count == 0 ? null : b.build();
    }
    var step =
        node instanceof MapEntryNode entry
            ? new NodeStep(parent, entry.name().getNodeType(), keysOf(entry.name()), null)
            : new NodeStep(parent, node.name().getNodeType(), null, null);
    boolean permitted = permits(Access.READ, step, f);
    if (!(node instanceof DataContainerNode container)) {
      return permitted ? node : null;
    }
    if (!permitted && !permitsBelow(Access.READ, step)) {
      return null;
    }
    if (permitted && sameBelow(step, ctx)) {
      return node;
    }
    var kept = pruneChildren(container, step, ctx, f);
    if (permitted && kept == null) {
      return node;
    }
    if (!permitted) {
      // a shell around explicitly permitted descendants: keep only those, plus a list entry's keys
      if (kept == null) {
        kept = new ArrayList<>(container.body());
      }
      if (kept.isEmpty()) {
        return null;
      }
      if (node instanceof MapEntryNode entry) {
        var keyNames = entry.name().keySet();
        boolean onlyKeys = kept.stream().allMatch(c -> keyNames.contains(c.name().getNodeType()));
        if (onlyKeys) {
          return null;
        }
        for (var key : keyNames) {
          var keyLeaf = entry.childByArg(new NodeIdentifier(key));
          if (keyLeaf != null && kept.stream().noneMatch(c -> c.name().getNodeType().equals(key))) {
            kept.add(0, keyLeaf);
          }
        }
      }
    }
    return rebuild(container, kept);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static NormalizedNode rebuildLeafSet(LeafSetNode<?> set, List<LeafSetEntryNode<?>> kept) {
    if (set instanceof UserLeafSetNode) {
      var b = ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(set.name());
      for (var e : kept) {
        b.withChild((LeafSetEntryNode) e);
      }
      return b.build();
    }
    var b = ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(set.name());
    for (var e : kept) {
      b.withChild((LeafSetEntryNode) e);
    }
    return b.build();
  }

  private static NormalizedNode rebuild(DataContainerNode node, List<DataContainerChild> children) {
    if (node instanceof MapEntryNode entry) {
      var b = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name());
      children.forEach(b::withChild);
      return b.build();
    }
    if (node instanceof UnkeyedListEntryNode entry) {
      var b = ImmutableNodes.newUnkeyedListEntryBuilder().withNodeIdentifier(entry.name());
      children.forEach(b::withChild);
      return b.build();
    }
    var b = ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) node.name());
    children.forEach(b::withChild);
    return b.build();
  }

  // ---- writes ----

  /**
   * Checks every node a change set creates, updates or deletes (RFC 8341 §3.4.5). Non-presence
   * containers are structure only and are not checked themselves; their children are.
   *
   * @throws RpcException {@code access-denied} with the path of the first denied node
   */
  public void checkWrite(List<DataChange> changes, String frontEnd) throws RpcException {
    if (unrestricted) {
      return;
    }
    for (var change : changes) {
      if (change.kind() == ChangeKind.MODIFIED) {
        continue;
      }
      var path = change.path();
      var parentPath = path.getParent();
      var located = locate(parentPath == null ? YangInstanceIdentifier.of() : parentPath);
      switch (change.kind()) {
        case CREATED ->
            walk(
                Access.CREATE,
                change.after().orElseThrow(),
                located.step,
                located.context,
                located.flags,
                path,
                frontEnd);
        case DELETED ->
            walk(
                Access.DELETE,
                change.before().orElseThrow(),
                located.step,
                located.context,
                located.flags,
                path,
                frontEnd);
        case REPLACED ->
            diff(
                change.before().orElseThrow(),
                change.after().orElseThrow(),
                located.step,
                located.context,
                located.flags,
                path,
                frontEnd);
        default -> {}
      }
    }
  }

  /** Checks {@code access} on a whole subtree (created or deleted). */
  private void walk(
      Access access,
      NormalizedNode node,
      NodeStep parent,
      DataSchemaContext parentCtx,
      int flags,
      YangInstanceIdentifier path,
      String frontEnd)
      throws RpcException {
    var ctx = parentCtx instanceof DataSchemaContext.Composite c ? c.childByArg(node.name()) : null;
    int f = ctx == null ? flags : flags | schema.flags(ctx.dataSchemaNode());
    NodeStep step = parent;
    if (!(ctx instanceof DataSchemaContext.PathMixin) && !isMixin(node)) {
      step = stepOf(parent, node.name());
      if (!SchemaIndex.isStructural(ctx == null ? null : ctx.dataSchemaNode())) {
        check(access, step, f, path, frontEnd);
      }
    }
    for (var child : children(node)) {
      walk(access, child, step, ctx, f, path.node(child.name()), frontEnd);
    }
  }

  /** Checks what changed between two images of one node. */
  private void diff(
      NormalizedNode before,
      NormalizedNode after,
      NodeStep parent,
      DataSchemaContext parentCtx,
      int flags,
      YangInstanceIdentifier path,
      String frontEnd)
      throws RpcException {
    if (before.equals(after)) {
      return;
    }
    var ctx =
        parentCtx instanceof DataSchemaContext.Composite c ? c.childByArg(after.name()) : null;
    int f = ctx == null ? flags : flags | schema.flags(ctx.dataSchemaNode());
    NodeStep step = parent;
    if (!(ctx instanceof DataSchemaContext.PathMixin) && !isMixin(after)) {
      step = stepOf(parent, after.name());
    }
    if (!(after instanceof DistinctNodeContainer<?, ?>) && !(after instanceof UnkeyedListNode)) {
      check(Access.UPDATE, step, f, path, frontEnd);
      return;
    }
    if (after instanceof UnkeyedListNode) {
      check(Access.UPDATE, step, f, path, frontEnd);
      return;
    }
    @SuppressWarnings("unchecked")
    var b = (DistinctNodeContainer<PathArgument, NormalizedNode>) before;
    @SuppressWarnings("unchecked")
    var a = (DistinctNodeContainer<PathArgument, NormalizedNode>) after;
    for (var child : a.body()) {
      var old = b.childByArg(child.name());
      if (old == null) {
        walk(Access.CREATE, child, step, ctx, f, path.node(child.name()), frontEnd);
      } else {
        diff(old, child, step, ctx, f, path.node(child.name()), frontEnd);
      }
    }
    for (var child : b.body()) {
      if (a.childByArg(child.name()) == null) {
        walk(Access.DELETE, child, step, ctx, f, path.node(child.name()), frontEnd);
      }
    }
  }

  private void check(
      Access access, NodeStep step, int flags, YangInstanceIdentifier path, String frontEnd)
      throws RpcException {
    if (permits(access, step, flags)) {
      return;
    }
    var d = decideData(access, step, flags);
    owner.denied(new Denial(user, frontEnd, access, describe(path), d));
    throw new RpcException(
        RpcError.application(
            ErrorTag.ACCESS_DENIED,
            null,
            path,
            "access denied: " + user + " may not " + access.yangName() + " this node"));
  }

  /** A path as {@code /module:node/child[key='value']}, module names where the module changes. */
  private String describe(YangInstanceIdentifier path) {
    var b = new StringBuilder();
    String module = null;
    QName previous = null;
    for (var arg : path.getPathArguments()) {
      var name = arg.getNodeType();
      if (!name.equals(previous)) {
        var m = schema.moduleName(name);
        b.append('/');
        if (!m.equals(module)) {
          b.append(m).append(':');
          module = m;
        }
        b.append(name.getLocalName());
      }
      if (arg instanceof NodeIdentifierWithPredicates p) {
        p.entrySet()
            .forEach(
                e ->
                    b.append('[')
                        .append(e.getKey().getLocalName())
                        .append("='")
                        .append(e.getValue())
                        .append("']"));
      } else if (arg instanceof NodeWithValue<?> v) {
        b.append("[.='").append(v.getValue()).append("']");
      }
      previous = name;
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  private static boolean isMixin(NormalizedNode node) {
    return node instanceof MapNode
        || node instanceof LeafSetNode<?>
        || node instanceof ChoiceNode
        || node instanceof UnkeyedListNode;
  }

  @SuppressWarnings("unchecked")
  private static Collection<NormalizedNode> children(NormalizedNode node) {
    if (node instanceof DistinctNodeContainer<?, ?> c) {
      return (Collection<NormalizedNode>) c.body();
    }
    if (node instanceof UnkeyedListNode l) {
      return (Collection<NormalizedNode>) (Collection<?>) l.body();
    }
    return List.of();
  }

  /** Explains the decision for a parsed path (see {@link AccessControl#explain}). */
  Decision explain(Access access, NodePath path) {
    if (unrestricted) {
      return Decision.other(true, unrestrictedReason);
    }
    var steps = path.steps();
    if (steps.isEmpty()) {
      return Decision.other(true, "the datastore root is not a data node");
    }
    var first = steps.get(0).name();
    var module = schema.context.findModuleStatement(first.getModule());
    if (steps.size() == 1 && module.isPresent()) {
      var top = module.get().findSchemaTreeNode(first);
      if (top.isPresent()
          && top.get()
              instanceof org.opendaylight.yangtools.yang.model.api.stmt.RpcEffectiveStatement) {
        return exec(first);
      }
      if (top.isPresent()
          && top.get()
              instanceof
              org.opendaylight.yangtools.yang.model.api.stmt.NotificationEffectiveStatement) {
        return notification(first);
      }
    }
    NodeStep step = null;
    DataSchemaContext ctx = schema.tree.getRoot();
    int flags = 0;
    for (var s : steps) {
      DataSchemaContext next = null;
      if (ctx instanceof DataSchemaContext.Composite c) {
        next = c.childByQName(s.name());
        // choices and list or leaf-list wrappers: step through to the node or entry itself
        while (next instanceof DataSchemaContext.PathMixin mixin) {
          var inner = mixin.childByQName(s.name());
          if (inner == null || inner == next) {
            break;
          }
          next = inner;
        }
      }
      if (next == null && access == Access.EXEC && ctx != null) {
        // the last step may be an action
        if (ctx.dataSchemaNode()
                instanceof org.opendaylight.yangtools.yang.model.api.ActionNodeContainer container
            && container.findAction(s.name()).isPresent()) {
          flags |= schema.flags(container.findAction(s.name()).get());
        }
      }
      ctx = next;
      if (ctx != null) {
        flags |= schema.flags(ctx.dataSchemaNode());
      }
      Map<QName, Object> keys = s.keys().isEmpty() ? null : Map.copyOf(s.keys());
      step = new NodeStep(step, s.name(), keys, s.value().orElse(null));
    }
    return decideData(access, step, flags);
  }
}
