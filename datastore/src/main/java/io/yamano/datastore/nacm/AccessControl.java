package io.yamano.datastore.nacm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeSnapshot;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The NACM engine (RFC 8341) of one datastore. It reads {@code /nacm} (and the {@code group}s of
 * {@code yamano-aaa} users, as external groups) from running whenever they changed, and hands out
 * one {@link UserAccess} per user and configuration generation. Every front end asks it the same
 * questions, so a rule means the same on NETCONF, RESTCONF and the CLI.
 *
 * <p>Change detection costs two reads: running's trees are immutable and share unchanged subtrees,
 * so the {@code /nacm} and {@code /aaa} nodes are the same objects until a commit changes them.
 */
public final class AccessControl {
  /** The reason given for sessions that bypass access control. */
  public static final String RECOVERY =
      "a recovery session (Yamano's own components and local administration) bypasses access"
          + " control (RFC 8341 §3.4)";

  private record Generation(
      NormalizedNode nacm, NormalizedNode aaa, NacmConfig config, Map<String, UserAccess> users) {}

  private final SchemaIndex schema;
  private final Supplier<DataTreeSnapshot> running;
  private final Optional<QNameModule> nacmModule;
  private final YangInstanceIdentifier nacmPath;
  private final Optional<QNameModule> aaaModule;
  private final YangInstanceIdentifier aaaPath;
  private final List<Consumer<Denial>> listeners = new CopyOnWriteArrayList<>();
  private final UserAccess recovery;
  private volatile Generation generation;

  /**
   * @param context the schema (it must contain {@code ietf-netconf-acm} for rules to exist)
   * @param running the current running datastore
   */
  public AccessControl(EffectiveModelContext context, Supplier<DataTreeSnapshot> running) {
    this.schema = new SchemaIndex(context);
    this.running = running;
    this.nacmModule =
        context.findModules("ietf-netconf-acm").stream().findFirst().map(m -> m.getQNameModule());
    this.nacmPath =
        nacmModule
            .map(m -> YangInstanceIdentifier.of(QName.create(m, "nacm")))
            .orElse(YangInstanceIdentifier.of());
    this.aaaModule =
        context.findModules("yamano-aaa").stream().findFirst().map(m -> m.getQNameModule());
    this.aaaPath =
        aaaModule
            .map(m -> YangInstanceIdentifier.of(QName.create(m, "aaa")))
            .orElse(YangInstanceIdentifier.of());
    this.recovery = new UserAccess("", Set.of(), NacmConfig.defaults(), schema, RECOVERY, this);
  }

  /** Access that nothing restricts: Yamano's own components and local recovery. */
  public UserAccess recovery() {
    return recovery;
  }

  /** The configuration in force now. */
  public NacmConfig config() {
    return current().config;
  }

  /** What {@code user} may do under the configuration in force now. */
  public UserAccess forUser(String user) {
    var g = current();
    return g.users.computeIfAbsent(user, u -> build(u, g));
  }

  /**
   * Refuses a commit whose {@code /nacm} has a rule path that names nothing in the schema (a typo
   * would otherwise make a rule silently match nothing): {@code invalid-value} at the rule's path.
   */
  public void checkRules(io.yamano.datastore.ChangeSet proposed)
      throws io.yamano.error.RpcException {
    if (nacmModule.isEmpty() || proposed.under(nacmPath).findAny().isEmpty()) {
      return;
    }
    var root = proposed.rootAfter();
    Optional<NormalizedNode> nacm =
        root instanceof DataContainerNode c
            ? Optional.ofNullable(c.childByArg((NodeIdentifier) nacmPath.getLastPathArgument()))
            : Optional.empty();
    var config = NacmConfig.from(nacm, nacmModule.get(), schema);
    if (!config.problems().isEmpty()) {
      throw new io.yamano.error.RpcException(
          io.yamano.error.RpcError.application(
              io.yamano.error.ErrorTag.INVALID_VALUE,
              null,
              nacmPath,
              String.join("; ", config.problems())));
    }
  }

  /** Receives every denied write, rpc and action (for the audit log). */
  public AutoCloseable onDenied(Consumer<Denial> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  void denied(Denial denial) {
    for (var l : listeners) {
      try {
        l.accept(denial);
      } catch (RuntimeException e) {
        System.getLogger(AccessControl.class.getName())
            .log(System.Logger.Level.WARNING, "denial listener failed: " + e);
      }
    }
  }

  /**
   * Says which rule (or default) allows or denies {@code access} by {@code user} on {@code path}: a
   * data node ({@code /ex:top/ex:item[ex:id='a']}), an rpc ({@code /ietf-netconf:commit}, with
   * {@code exec}), an action ({@code /ex:top/ex:reset}, with {@code exec}) or a notification
   * ({@code /ietf-netconf-notifications:netconf-config-change}, with {@code read}).
   *
   * @throws IllegalArgumentException if the path does not parse or names an unknown module
   */
  public Decision explain(String user, Access access, String path) {
    return forUser(user).explain(access, NodePath.parse(path, schema));
  }

  private Generation current() {
    var snapshot = running.get();
    var nacm = nacmModule.isPresent() ? snapshot.readNode(nacmPath).orElse(null) : null;
    var aaa = aaaModule.isPresent() ? snapshot.readNode(aaaPath).orElse(null) : null;
    var g = generation;
    if (g != null && g.nacm == nacm && g.aaa == aaa) {
      return g;
    }
    var config =
        nacmModule
            .map(m -> NacmConfig.from(Optional.ofNullable(nacm), m, schema))
            .orElse(NacmConfig.defaults());
    g = new Generation(nacm, aaa, config, new ConcurrentHashMap<>());
    generation = g;
    return g;
  }

  private UserAccess build(String user, Generation g) {
    var config = g.config;
    if (nacmModule.isEmpty()) {
      return new UserAccess(
          user,
          Set.of(),
          config,
          schema,
          "ietf-netconf-acm is not loaded: access control is off",
          this);
    }
    if (!config.enabled()) {
      return new UserAccess(
          user, Set.of(), config, schema, "enable-nacm is false: access control is off", this);
    }
    var groups = new HashSet<String>();
    config
        .groups()
        .forEach(
            (group, members) -> {
              if (members.contains(user)) {
                groups.add(group);
              }
            });
    if (config.externalGroups()) {
      groups.addAll(externalGroups(user, g.aaa));
    }
    return new UserAccess(user, groups, config, schema, null, this);
  }

  /** The {@code group}s of the user's {@code /aaa/user} entry (RFC 8341 external groups). */
  private Set<String> externalGroups(String user, NormalizedNode aaa) {
    if (aaaModule.isEmpty() || !(aaa instanceof DataContainerNode root)) {
      return Set.of();
    }
    var m = aaaModule.get();
    var users = root.childByArg(new NodeIdentifier(QName.create(m, "user")));
    if (!(users instanceof org.opendaylight.yangtools.yang.data.api.schema.MapNode map)) {
      return Set.of();
    }
    var entry =
        map.childByArg(
            NodeIdentifierWithPredicates.of(
                QName.create(m, "user"), QName.create(m, "name"), user));
    if (entry == null) {
      return Set.of();
    }
    var groups = entry.childByArg(new NodeIdentifier(QName.create(m, "group")));
    if (groups instanceof LeafSetNode<?> set) {
      var out = new HashSet<String>();
      set.body().forEach(e -> out.add(String.valueOf(e.body())));
      return out;
    }
    return Set.of();
  }
}
