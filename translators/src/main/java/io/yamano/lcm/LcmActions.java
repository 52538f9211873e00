package io.yamano.lcm;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.datastore.Transaction;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.NsInstanceConfig;
import io.yamano.lcm.model.YangNames;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.lcm.plan.OperationType;
import io.yamano.lcm.plan.Plan;
import io.yamano.lcm.plan.Step;
import io.yamano.lcm.plan.UnrealisableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * The {@code yamano-ns} actions on an {@code ns-instance} (RFC 7950 §7.15). Instantiate, scale,
 * terminate and update change the desired state in running with one commit, exactly as an operator
 * editing the configuration would, so the result survives restarts and shows in the configuration;
 * heal asks the engine for an operation on what exists. Each answers with the id of the LCM
 * operation occurrence that follows, or on {@code dry-run} with its plan and no change.
 *
 * <p>Before committing, each action plans against the configuration it is about to commit: a
 * request that would do nothing or cannot be realised is refused with the reason, and nothing is
 * committed.
 */
final class LcmActions {
  static final String APP_TAG_NOTHING = "nothing-to-do";

  private final LifecycleEngine engine;
  private final Datastore datastore;
  private final ConfigReader reader;
  private final YangNames n;

  LcmActions(LifecycleEngine engine, Datastore datastore, ConfigReader reader) {
    this.engine = engine;
    this.datastore = datastore;
    this.reader = reader;
    this.n = reader.names();
  }

  /** Registers the five handlers; closing the returned handles unregisters them. */
  List<AutoCloseable> register() {
    var ops = datastore.operations();
    var out = new ArrayList<AutoCloseable>();
    out.add(ops.register(action("instantiate"), this::instantiate));
    out.add(ops.register(action("scale"), this::scale));
    out.add(ops.register(action("heal"), this::heal));
    out.add(ops.register(action("terminate"), this::terminate));
    out.add(ops.register(action("update"), this::update));
    return out;
  }

  private Absolute action(String name) {
    return Absolute.of(n.ns("ns-instances"), n.ns("ns-instance"), n.ns(name));
  }

  /** One change of the desired state: a merge, or a removal when {@code node} is null. */
  private record Change(YangInstanceIdentifier path, NormalizedNode node) {
    void to(DataTreeModification mod) {
      if (node == null) {
        mod.delete(path);
      } else {
        mod.merge(path, node);
      }
    }

    void to(Transaction tx) throws RpcException {
      if (node == null) {
        tx.remove(path);
      } else {
        tx.merge(path, node);
      }
    }
  }

  // ---- the actions

  private ContainerNode instantiate(OperationRequest r) throws RpcException {
    String ns = nsName(r);
    NsInstanceConfig config = config(ns, r);
    var leaves = new LinkedHashMap<String, Object>();
    leaves.put("admin-state", "instantiated");
    text(r.input(), "flavour").ifPresent(f -> leaves.put("flavour", f));
    text(r.input(), "instantiation-level").ifPresent(l -> leaves.put("instantiation-level", l));
    if (config.instantiated() && !engine.state().readActual(ns).isEmpty()) {
      throw nothingToDo(ns, "NS instance '" + ns + "' is already instantiated");
    }
    return changeDesired(
        r, ns, OperationType.INSTANTIATE, List.of(leaves(ns, leaves)), "instantiate", false);
  }

  private ContainerNode terminate(OperationRequest r) throws RpcException {
    String ns = nsName(r);
    NsInstanceConfig config = config(ns, r);
    if (!config.instantiated() && engine.state().readActual(ns).isEmpty()) {
      throw nothingToDo(ns, "NS instance '" + ns + "' holds nothing to terminate");
    }
    boolean forceful = text(r.input(), "mode").map("forceful"::equals).orElse(false);
    return changeDesired(
        r,
        ns,
        OperationType.TERMINATE,
        List.of(leaves(ns, Map.of("admin-state", "not-instantiated"))),
        "terminate",
        forceful);
  }

  private ContainerNode scale(OperationRequest r) throws RpcException {
    String ns = nsName(r);
    NsInstanceConfig config = config(ns, r);
    requireInstantiated(ns, config);
    var input = r.input();
    Optional<String> toLevel = text(input, "to-level");
    if (toLevel.isPresent()) {
      return changeDesired(
          r,
          ns,
          OperationType.SCALE,
          List.of(leaves(ns, Map.of("instantiation-level", toLevel.get()))),
          "scale",
          false);
    }
    String aspect = text(input, "scaling-aspect").orElseThrow();
    boolean out = text(input, "direction").map("out"::equals).orElse(true);
    long steps = number(input, "number-of-steps").orElse(1L);
    Optional<String> member = text(input, "member-vnf-index");
    var members = new ArrayList<String>();
    var aspects = engine.memberAspects(ns, config);
    if (member.isPresent()) {
      if (!aspects.containsKey(member.get())) {
        throw refused(
            ns,
            "vnf",
            "NS instance '" + ns + "' has no instantiated member '" + member.get() + "'");
      }
      if (!aspects.get(member.get()).contains(aspect)) {
        throw refused(
            ns,
            "vnf",
            "member '"
                + member.get()
                + "' has no scaling aspect '"
                + aspect
                + "' (it has "
                + aspects.get(member.get())
                + ")");
      }
      members.add(member.get());
    } else {
      aspects.forEach(
          (m, ids) -> {
            if (ids.contains(aspect)) {
              members.add(m);
            }
          });
      if (members.isEmpty()) {
        throw refused(
            ns,
            "vnf",
            "no member VNF of NS instance '"
                + ns
                + "' has a scaling aspect '"
                + aspect
                + "'; name one of "
                + aspects);
      }
    }
    var changes = new ArrayList<Change>();
    for (String m : members) {
      long current = config.member(m).scaleLevels().getOrDefault(aspect, 0);
      long next = out ? current + steps : current - steps;
      if (next < 0) {
        throw refused(
            ns,
            "vnf",
            "member '"
                + m
                + "' is at scale level "
                + current
                + " of aspect '"
                + aspect
                + "': it cannot scale in by "
                + steps);
      }
      changes.add(scaleLevel(ns, m, aspect, next));
    }
    return changeDesired(r, ns, OperationType.SCALE, changes, "scale", false);
  }

  private ContainerNode update(OperationRequest r) throws RpcException {
    String ns = nsName(r);
    NsInstanceConfig config = config(ns, r);
    if (!config.instantiated()) {
      // members may all be removed, but the NS itself must be wanted
      requireInstantiated(ns, config);
    }
    var input = r.input();
    if (!values(input, "add-virtual-link").isEmpty()
        || !values(input, "remove-virtual-link").isEmpty()) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.OPERATION_NOT_SUPPORTED,
              null,
              r.target(),
              "virtual links follow the VNFs connected to them; add or remove the VNFs instead"));
    }
    var changes = new ArrayList<Change>();
    var root = running();
    for (var entry : entries(input, "change-vnf-package")) {
      String member = Nodes.text(entry, n.ns("member-vnf-index"));
      String vnfd = Nodes.text(entry, n.ns("vnfd-id"));
      String version = Nodes.text(entry, n.ns("version"));
      var vnfdNode = reader.vnfdNode(root, vnfd);
      if (vnfdNode.isEmpty()) {
        throw refused(ns, "vnf", "change-vnf-package of '" + member + "': no VNFD '" + vnfd + "'");
      }
      String actualVersion = Nodes.text(vnfdNode.get(), n.nfv("version"));
      if (version != null && !version.equals(actualVersion)) {
        throw refused(
            ns,
            "vnf",
            "change-vnf-package of '"
                + member
                + "': VNFD '"
                + vnfd
                + "' has version '"
                + actualVersion
                + "', not '"
                + version
                + "'");
      }
      changes.add(memberLeaves(ns, member, Map.of("vnfd-ref", vnfd)));
    }
    for (var entry : entries(input, "add-vnf")) {
      String member = Nodes.text(entry, n.ns("member-vnf-index"));
      var leaves = new LinkedHashMap<String, Object>();
      leaves.put("admin-state", "instantiated");
      String account = Nodes.text(entry, n.ns("vim-account"));
      if (account != null) {
        leaves.put("vim-account", account);
      }
      changes.add(memberLeaves(ns, member, leaves));
    }
    for (String member : values(input, "remove-vnf")) {
      changes.add(memberLeaves(ns, member, Map.of("admin-state", "not-instantiated")));
    }
    if (changes.isEmpty()) {
      throw nothingToDo(ns, "the update names no change");
    }
    return changeDesired(r, ns, OperationType.UPDATE, changes, "update", false);
  }

  private ContainerNode heal(OperationRequest r) throws RpcException {
    String ns = nsName(r);
    NsInstanceConfig config = config(ns, r);
    requireInstantiated(ns, config);
    ActualNs actual = engine.state().readActual(ns);
    var targets = new LinkedHashSet<String>();
    for (String vnf : values(r.input(), "vnf-instance")) {
      var instance = actual.vnfs().get(vnf);
      if (instance == null) {
        throw refused(ns, "state", "NS instance '" + ns + "' has no VNF instance '" + vnf + "'");
      }
      instance.vdus().keySet().forEach(v -> targets.add(vnf + "/" + v));
    }
    for (String vdu : values(r.input(), "vdu-instance")) {
      targets.add(resolveVdu(ns, actual, vdu));
    }
    Optional<Plan> plan;
    try {
      plan = engine.healPlan(ns, Set.copyOf(targets));
    } catch (UnrealisableException e) {
      throw refused(ns, e.leaf(), e.getMessage());
    }
    if (plan.isEmpty()) {
      throw nothingToDo(
          ns, "no VDU instance of NS instance '" + ns + "' is failed; name the ones to recreate");
    }
    if (bool(r.input(), "dry-run")) {
      return output(null, plan.get());
    }
    String id = UUID.randomUUID().toString();
    engine.requestHeal(ns, id, Set.copyOf(targets));
    return output(id, null);
  }

  /** {@code vnf/vdu}, or a VDU instance id that only one VNF instance has. */
  private String resolveVdu(String ns, ActualNs actual, String vdu) throws RpcException {
    int slash = vdu.indexOf('/');
    if (slash > 0) {
      var vnf = actual.vnfs().get(vdu.substring(0, slash));
      if (vnf != null && vnf.vdus().containsKey(vdu.substring(slash + 1))) {
        return vdu;
      }
    } else {
      var owners = actual.vnfs().values().stream().filter(v -> v.vdus().containsKey(vdu)).toList();
      if (owners.size() == 1) {
        return owners.get(0).id() + "/" + vdu;
      }
      if (owners.size() > 1) {
        throw refused(
            ns,
            "state",
            "VDU instance '"
                + vdu
                + "' exists in several VNF instances; write it as vnf-instance/vdu-instance");
      }
    }
    throw refused(ns, "state", "NS instance '" + ns + "' has no VDU instance '" + vdu + "'");
  }

  // ---- desired-state changes

  private ContainerNode changeDesired(
      OperationRequest r,
      String ns,
      OperationType type,
      List<Change> changes,
      String verb,
      boolean forceful)
      throws RpcException {
    var mod = datastore.snapshot(DatastoreName.RUNNING).newModification();
    for (Change c : changes) {
      c.to(mod);
    }
    NormalizedNode after = mod.readNode(YangInstanceIdentifier.of()).orElse(null);
    Optional<Plan> plan;
    try {
      plan = engine.planFor(ns, after).map(p -> forceful ? LifecycleEngine.forceful(p) : p);
    } catch (UnrealisableException e) {
      throw refused(ns, e.leaf(), e.getMessage());
    }
    if (plan.isEmpty()) {
      throw nothingToDo(ns, verb + " would not change what NS instance '" + ns + "' holds");
    }
    if (bool(r.input(), "dry-run")) {
      return output(null, plan.get());
    }
    String id = UUID.randomUUID().toString();
    engine.expect(ns, id, forceful);
    var own = datastore.session(r.invoker().sessionId());
    DatastoreSession session =
        own.orElseGet(() -> datastore.openInternalSession(r.invoker().user()));
    try {
      Transaction tx = session.newTransaction(DatastoreName.RUNNING);
      for (Change c : changes) {
        c.to(tx);
      }
      tx.commit(verb + " action on ns-instance " + ns + " (" + type.yangName() + ")");
    } catch (RpcException | RuntimeException e) {
      engine.forget(ns, id);
      throw e;
    } finally {
      if (own.isEmpty()) {
        session.close();
      }
    }
    return output(id, null);
  }

  private Change leaves(String ns, Map<String, Object> values) {
    var entry = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(key(ns));
    entry.withChild(ImmutableNodes.leafNode(n.ns("name"), ns));
    values.forEach((k, v) -> entry.withChild(ImmutableNodes.leafNode(n.ns(k), v)));
    return new Change(reader.nsEntry(ns), entry.build());
  }

  private Change memberLeaves(String ns, String member, Map<String, Object> values) {
    var entry =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(
                NodeIdentifierWithPredicates.of(n.ns("vnf"), n.ns("member-vnf-index"), member));
    entry.withChild(ImmutableNodes.leafNode(n.ns("member-vnf-index"), member));
    values.forEach((k, v) -> entry.withChild(ImmutableNodes.leafNode(n.ns(k), v)));
    return new Change(memberPath(ns, member), entry.build());
  }

  private Change scaleLevel(String ns, String member, String aspect, long level) {
    var levelPath =
        memberPath(ns, member)
            .node(new NodeIdentifier(n.ns("scale-level")))
            .node(NodeIdentifierWithPredicates.of(n.ns("scale-level"), n.ns("aspect"), aspect));
    if (level == 0) {
      return new Change(levelPath, null);
    }
    var entry =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(
                NodeIdentifierWithPredicates.of(n.ns("scale-level"), n.ns("aspect"), aspect))
            .withChild(ImmutableNodes.leafNode(n.ns("aspect"), aspect))
            .withChild(ImmutableNodes.leafNode(n.ns("level"), Uint32.valueOf(level)))
            .build();
    // merged with its member entry, so that the level never lacks its parent
    var withLevel =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(
                NodeIdentifierWithPredicates.of(n.ns("vnf"), n.ns("member-vnf-index"), member))
            .withChild(ImmutableNodes.leafNode(n.ns("member-vnf-index"), member))
            .withChild(
                ImmutableNodes.newSystemMapBuilder()
                    .withNodeIdentifier(new NodeIdentifier(n.ns("scale-level")))
                    .withChild(entry)
                    .build())
            .build();
    return new Change(memberPath(ns, member), withLevel);
  }

  private YangInstanceIdentifier memberPath(String ns, String member) {
    return reader
        .nsEntry(ns)
        .node(new NodeIdentifier(n.ns("vnf")))
        .node(NodeIdentifierWithPredicates.of(n.ns("vnf"), n.ns("member-vnf-index"), member));
  }

  private NodeIdentifierWithPredicates key(String ns) {
    return NodeIdentifierWithPredicates.of(n.ns("ns-instance"), n.ns("name"), ns);
  }

  // ---- output

  private ContainerNode output(String operationId, Plan plan) {
    var out =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(QName.create(n.ns(), "output")));
    if (operationId != null) {
      out.withChild(ImmutableNodes.leafNode(n.ns("lcm-operation-id"), operationId));
    }
    if (plan != null) {
      var steps =
          ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(n.ns("step")));
      for (Step step : plan.steps()) {
        var entry =
            ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(
                    NodeIdentifierWithPredicates.of(n.ns("step"), n.ns("id"), step.id()))
                .withChild(ImmutableNodes.leafNode(n.ns("id"), step.id()))
                .withChild(ImmutableNodes.leafNode(n.ns("description"), step.description()));
        if (!step.dependsOn().isEmpty()) {
          var deps =
              ImmutableNodes.<String>newSystemLeafSetBuilder()
                  .withNodeIdentifier(new NodeIdentifier(n.ns("depends-on")));
          step.dependsOn().forEach(d -> deps.withChildValue(d));
          entry.withChild(deps.build());
        }
        steps.withChild(entry.build());
      }
      DataContainerChild planNode =
          ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(new NodeIdentifier(n.ns("plan")))
              .withChild(steps.build())
              .build();
      out.withChild(planNode);
    }
    return out.build();
  }

  // ---- reading input and config

  private NormalizedNode running() {
    return datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(YangInstanceIdentifier.of())
        .orElse(null);
  }

  private String nsName(OperationRequest r) {
    for (var arg : r.target().getPathArguments()) {
      if (arg instanceof NodeIdentifierWithPredicates key
          && key.getNodeType().equals(n.ns("ns-instance"))) {
        return String.valueOf(key.values().iterator().next());
      }
    }
    throw new IllegalArgumentException("not an ns-instance: " + r.target());
  }

  private NsInstanceConfig config(String ns, OperationRequest r) throws RpcException {
    return reader
        .nsInstance(running(), ns)
        .orElseThrow(
            () ->
                new RpcException(
                    RpcError.application(
                        ErrorTag.DATA_MISSING,
                        "instance-required",
                        r.target(),
                        "NS instance '" + ns + "' is not configured")));
  }

  private void requireInstantiated(String ns, NsInstanceConfig config) throws RpcException {
    if (!config.instantiated() || engine.state().readActual(ns).isEmpty()) {
      throw refused(
          ns, "admin-state", "NS instance '" + ns + "' is not instantiated; instantiate it first");
    }
  }

  private RpcException refused(String ns, String leaf, String message) {
    return new RpcException(
        RpcError.application(
            ErrorTag.OPERATION_FAILED,
            RealisabilityCheck.APP_TAG,
            reader.nsLeaf(ns, leaf),
            message));
  }

  private RpcException nothingToDo(String ns, String message) {
    return new RpcException(
        RpcError.application(
            ErrorTag.OPERATION_FAILED, APP_TAG_NOTHING, reader.nsEntry(ns), message));
  }

  private Optional<String> text(ContainerNode input, String leaf) {
    return Optional.ofNullable(textOrNull(input, leaf));
  }

  private String textOrNull(ContainerNode input, String leaf) {
    return Nodes.text(input, n.ns(leaf));
  }

  private Optional<Long> number(ContainerNode input, String leaf) {
    return Optional.ofNullable(textOrNull(input, leaf)).map(Long::parseLong);
  }

  private boolean bool(ContainerNode input, String leaf) {
    return "true".equals(Nodes.text(input, n.ns(leaf)));
  }

  private List<String> values(ContainerNode input, String leafList) {
    return Nodes.values(input, n.ns(leafList));
  }

  private java.util.Collection<org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode>
      entries(ContainerNode input, String list) {
    return Nodes.entries(input, n.ns(list));
  }
}
