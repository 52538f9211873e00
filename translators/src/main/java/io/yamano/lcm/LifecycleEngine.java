package io.yamano.lcm;

import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.lcm.exec.ActualAssembler;
import io.yamano.lcm.exec.Execution;
import io.yamano.lcm.exec.JournalRecovery;
import io.yamano.lcm.exec.PlanExecutor;
import io.yamano.lcm.exec.VimConnections;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.NsInstanceConfig;
import io.yamano.lcm.model.YangNames;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.lcm.plan.Layout;
import io.yamano.lcm.plan.LayoutBuilder;
import io.yamano.lcm.plan.OperationType;
import io.yamano.lcm.plan.Plan;
import io.yamano.lcm.plan.Planner;
import io.yamano.lcm.plan.UnrealisableException;
import io.yamano.lcm.state.OperationalState;
import io.yamano.vim.ResourceKind;
import io.yamano.vim.ResourceStatus;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.VimException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Yamano's lifecycle engine: makes the VIMs hold what the {@code ns-instance} entries of running
 * configuration ask for.
 *
 * <p>On every commit to running it reconciles each NS instance the commit touched: admin-state
 * {@code instantiated} and nothing held → instantiate; a changed level → scale; admin-state {@code
 * not-instantiated} or the entry deleted → terminate. Work is asynchronous (the commit returns at
 * once) and serialised per NS instance. Each operation is an {@code lcm-operation} occurrence under
 * the NS's operational {@code state}, whose plan is journaled step by step; each state change of an
 * occurrence is published as {@code lcm-operation-state-change}.
 *
 * <p>On start the engine first rolls back, from the journal, every operation a previous run left
 * unfinished, then reconciles every NS instance, which retries what was interrupted.
 *
 * <pre>{@code
 * try (var engine = LifecycleEngine.start(datastore, VimDrivers.load(), bus::publish)) { ... }
 * }</pre>
 */
public final class LifecycleEngine implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LifecycleEngine.class.getName());

  private final Datastore datastore;
  private final LcmPublisher publisher;
  private final YangNames names;
  private final ConfigReader reader;
  private final OperationalState state;
  private final VimConnections vims;
  private final PlanExecutor executor;
  private final NsQueue queue;
  private final Clock clock = Clock.systemUTC();
  private volatile boolean open = true;
  private volatile long seenSequence;
  private AutoCloseable subscription;
  private List<AutoCloseable> actions = List.of();

  /** An operation an action asked for: the id its output promised, and how to run it. */
  private record Expected(String id, boolean forceful) {}

  /** A heal an action asked for, run when the NS is otherwise reconciled. */
  private record HealRequest(String id, Set<String> targets) {}

  private final Map<String, Expected> expected = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, HealRequest> heals = new java.util.concurrent.ConcurrentHashMap<>();

  private LifecycleEngine(
      Datastore datastore,
      VimDrivers drivers,
      LcmPublisher publisher,
      EngineOptions options,
      io.yamano.lcm.broker.VnfConfigurator configurator) {
    this.datastore = datastore;
    this.publisher = publisher;
    this.names = YangNames.of(datastore.context());
    this.reader = new ConfigReader(names, datastore.secrets());
    this.state = new OperationalState(datastore, names);
    this.vims =
        new VimConnections(
            drivers, name -> reader.vimAccount(running(), name), options.permitsPerAccount());
    this.executor = new PlanExecutor(vims, options.stepThreads(), configurator);
    this.queue = new NsQueue(this::reconcile);
    datastore.addCommitHook(new RealisabilityCheck(reader, state, vims, drivers, () -> open));
  }

  /** Starts the engine with the default options. */
  public static LifecycleEngine start(
      Datastore datastore, VimDrivers drivers, LcmPublisher publisher) {
    return start(datastore, drivers, publisher, EngineOptions.DEFAULTS);
  }

  /**
   * Starts the engine: recovers unfinished operations, subscribes to running and reconciles every
   * NS instance.
   */
  public static LifecycleEngine start(
      Datastore datastore, VimDrivers drivers, LcmPublisher publisher, EngineOptions options) {
    return start(datastore, drivers, publisher, options, io.yamano.lcm.broker.VnfConfigurator.NONE);
  }

  /** As {@link #start(Datastore, VimDrivers, LcmPublisher, EngineOptions)}, configuring VNFs. */
  public static LifecycleEngine start(
      Datastore datastore,
      VimDrivers drivers,
      LcmPublisher publisher,
      EngineOptions options,
      io.yamano.lcm.broker.VnfConfigurator configurator) {
    var engine = new LifecycleEngine(datastore, drivers, publisher, options, configurator);
    engine.recover();
    engine.seenSequence = engine.latestRunningSequence();
    engine.subscription = datastore.subscribe(DatastoreName.RUNNING, engine::onCommit);
    var actions =
        new java.util.ArrayList<>(new LcmActions(engine, datastore, engine.reader).register());
    actions.add(VimActions.register(datastore, engine.names, engine.vims));
    engine.actions = actions;
    engine.reconcileAll();
    return engine;
  }

  /**
   * Waits until the engine has seen every commit to running made so far and no NS instance is being
   * reconciled; false on timeout.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long target = latestRunningSequence();
    while (seenSequence < target) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return queue.awaitIdle(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
  }

  private long latestRunningSequence() {
    try {
      return datastore.history(1).stream()
          .filter(c -> c.datastore() == DatastoreName.RUNNING)
          .mapToLong(io.yamano.datastore.CommitRecord::sequence)
          .max()
          .orElse(0);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** The engine's view of operational state (for tests and the CLI). */
  public OperationalState state() {
    return state;
  }

  /**
   * Computes, without executing, the plan reconciling an NS instance would run now (what {@code
   * dry-run} returns).
   */
  public Optional<Plan> dryRun(String ns) throws UnrealisableException {
    return planFor(ns, running());
  }

  /**
   * What committing {@code proposedRunning} would make the engine do, as text: for every NS
   * instance whose desired state it changes, the operation and its steps (or why it would be
   * refused). Nothing is executed; this is {@code commit dry-run}'s plan.
   */
  public String describePlans(NormalizedNode proposedRunning) {
    var current = running();
    var names = new LinkedHashSet<String>();
    for (var ns : reader.nsInstances(proposedRunning)) {
      if (!reader.nsInstance(current, ns.name()).equals(Optional.of(ns))) {
        names.add(ns.name());
      }
    }
    for (var ns : reader.nsInstances(current)) {
      if (reader.nsInstance(proposedRunning, ns.name()).isEmpty()) {
        names.add(ns.name());
      }
    }
    var out = new StringBuilder();
    for (String ns : names) {
      try {
        var planned = planned(ns, proposedRunning);
        if (planned.isEmpty()) {
          out.append("ns-instance ").append(ns).append(": nothing to do\n");
          continue;
        }
        var plan = planned.get().plan();
        out.append("ns-instance ")
            .append(ns)
            .append(": ")
            .append(plan.operation().yangName())
            .append(", ")
            .append(plan.steps().size())
            .append(" steps\n");
        for (var step : plan.steps()) {
          out.append("  ").append(step.id()).append("  ").append(step.description());
          if (!step.dependsOn().isEmpty()) {
            out.append("  (after ").append(String.join(", ", step.dependsOn())).append(')');
          }
          out.append('\n');
        }
      } catch (UnrealisableException e) {
        out.append("ns-instance ").append(ns).append(": refused: ").append(e.getMessage());
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The plan reconciling {@code ns} would run if running configuration were {@code root}. */
  Optional<Plan> planFor(String ns, NormalizedNode root) throws UnrealisableException {
    return planned(ns, root).map(Planned::plan);
  }

  /** Scaling aspect ids of the VNF flavour of each instantiated member, by member-vnf-index. */
  Map<String, Set<String>> memberAspects(String ns, NsInstanceConfig config) {
    var out = new LinkedHashMap<String, Set<String>>();
    var root = running();
    var nsd = reader.nsd(root, config.nsdId());
    if (nsd.isEmpty() || config.flavour() == null) {
      return out;
    }
    var flavour = nsd.get().flavour(config.flavour());
    if (flavour.isEmpty()) {
      return out;
    }
    var vnfds = reader.vnfds(root);
    for (var profile : flavour.get().vnfProfiles().values()) {
      var member = config.member(profile.id());
      if (!member.instantiated()) {
        continue;
      }
      var vnfd = vnfds.get(member.vnfdRef() != null ? member.vnfdRef() : profile.vnfdId());
      var vnfFlavour = vnfd == null ? null : vnfd.flavour(profile.flavourId()).orElse(null);
      out.put(
          profile.id(), vnfFlavour == null ? Set.of() : Set.copyOf(vnfFlavour.aspects().keySet()));
    }
    return out;
  }

  /** Makes the next operation started for {@code ns} carry the id an action answered with. */
  void expect(String ns, String id, boolean forceful) {
    expected.put(ns, new Expected(id, forceful));
  }

  /** Drops an expectation whose commit failed. */
  void forget(String ns, String id) {
    expected.computeIfPresent(ns, (k, e) -> e.id().equals(id) ? null : e);
  }

  /** Queues a heal of {@code targets} ({@code vnf/vdu}; empty for every failed one). */
  void requestHeal(String ns, String id, Set<String> targets) {
    heals.put(ns, new HealRequest(id, targets));
    queue.request(ns);
  }

  /**
   * A plan without the steps that stop VNFs through their managers: a forceful terminate deletes
   * resources straight away.
   */
  static Plan forceful(Plan plan) {
    var dropped = new java.util.HashSet<String>();
    var steps = new java.util.ArrayList<io.yamano.lcm.plan.Step>();
    for (var step : plan.steps()) {
      if (step.action() instanceof io.yamano.lcm.plan.Action.ConfigureVnf c && !c.start()) {
        dropped.add(step.id());
        continue;
      }
      var deps = step.dependsOn().stream().filter(d -> !dropped.contains(d)).toList();
      steps.add(io.yamano.lcm.plan.Step.of(step.id(), step.description(), deps, step.action()));
    }
    return new Plan(plan.operation(), plan.nsName(), steps, plan.target());
  }

  /**
   * The heal plan of {@code ns}: the VDU instances named, or when none is named those the VIM
   * reports broken or missing.
   */
  Optional<Plan> healPlan(String ns, Set<String> targets) throws UnrealisableException {
    var config = reader.nsInstance(running(), ns);
    ActualNs actual = state.readActual(ns);
    if (config.isEmpty() || actual.isEmpty()) {
      return Optional.empty();
    }
    var checked = new LinkedHashMap<String, ActualNs.VnfInstance>();
    for (var vnf : actual.vnfs().values()) {
      var vdus = new LinkedHashMap<String, ActualNs.VduInstance>();
      for (var vdu : vnf.vdus().values()) {
        vdus.put(vdu.id(), vdu.withFailed(broken(vnf.account(), vdu.computeId())));
      }
      checked.put(
          vnf.id(),
          new ActualNs.VnfInstance(vnf.id(), vnf.member(), vnf.vnfdId(), vnf.account(), vdus));
    }
    var marked = new ActualNs(ns, actual.flavour(), actual.level(), checked, actual.networks());
    Layout layout = layout(config.get(), running());
    Plan plan = Planner.heal(layout, marked, targets);
    return plan.isEmpty() ? Optional.empty() : Optional.of(plan);
  }

  /**
   * Recreates the VDU instances of an NS whose compute resource the VIM reports broken or missing.
   *
   * @return completes when the heal operation has ended (at once if nothing is broken)
   */
  public CompletableFuture<Execution.Outcome> heal(String ns) {
    var config = reader.nsInstance(running(), ns);
    Optional<Plan> plan;
    try {
      plan = healPlan(ns, Set.of());
    } catch (UnrealisableException e) {
      return CompletableFuture.completedFuture(Execution.Outcome.FAILED);
    }
    if (plan.isEmpty()) {
      return CompletableFuture.completedFuture(Execution.Outcome.COMPLETED);
    }
    return run(config.get(), OperationType.HEAL, plan.get(), state.readActual(ns))
        .thenApply(Execution::outcome);
  }

  private boolean broken(String account, String computeId) {
    try {
      return vims.connection(account).status(ResourceKind.COMPUTE, computeId)
          == ResourceStatus.ERROR;
    } catch (VimException e) {
      return e.reason() == VimException.Reason.NOT_FOUND;
    }
  }

  // ---- reconciliation

  private NormalizedNode running() {
    return datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of())
        .orElse(null);
  }

  private void onCommit(ChangeSet changes) {
    if (open) {
      for (String ns : changedInstances(reader, changes)) {
        queue.request(ns);
      }
    }
    seenSequence = Math.max(seenSequence, changes.sequence());
  }

  private void reconcileAll() {
    var all = new LinkedHashSet<String>();
    reader.nsInstances(running()).forEach(n -> all.add(n.name()));
    all.addAll(state.instances());
    all.forEach(queue::request);
  }

  /**
   * NS instance names a change set creates, changes or deletes, and those whose NSD or VNFDs it
   * changes (their desired layout may differ now: reconciling scales or updates them, and the
   * commit hook refuses a descriptor change that makes one unrealisable).
   */
  static Set<String> changedInstances(ConfigReader reader, ChangeSet changes) {
    var list = reader.nsList();
    var out = new LinkedHashSet<String>();
    var nsds = new java.util.HashSet<String>();
    var vnfds = new java.util.HashSet<String>();
    boolean allDescriptors = false;
    var nfv = YangInstanceIdentifier.of(new NodeIdentifier(reader.names().nfv("nfv")));
    for (var change : changes.changes()) {
      var path = change.path();
      if (!nfv.contains(path)) {
        continue;
      }
      if (path.getPathArguments().size() < 3) {
        allDescriptors = true; // the catalog or a whole descriptor list at once
      } else {
        var arg = path.getPathArguments().get(2);
        if (arg instanceof NodeIdentifierWithPredicates key) {
          String id = String.valueOf(key.values().iterator().next());
          if (key.getNodeType().getLocalName().equals("nsd")) {
            nsds.add(id);
          } else if (key.getNodeType().getLocalName().equals("vnfd")) {
            vnfds.add(id);
          }
        }
      }
    }
    if (allDescriptors || !nsds.isEmpty() || !vnfds.isEmpty()) {
      var root = changes.rootAfter();
      for (var ns : reader.nsInstances(root)) {
        if (ns.instantiated()
            && (allDescriptors || nsds.contains(ns.nsdId()) || usesAny(reader, root, ns, vnfds))) {
          out.add(ns.name());
        }
      }
    }
    for (var change : changes.changes()) {
      var path = change.path();
      if (list.contains(path) && path.getPathArguments().size() > list.getPathArguments().size()) {
        var arg = path.getPathArguments().get(list.getPathArguments().size());
        if (arg instanceof NodeIdentifierWithPredicates key) {
          out.add(String.valueOf(key.values().iterator().next()));
        }
      } else if (path.contains(list) && change.kind() != io.yamano.datastore.ChangeKind.MODIFIED) {
        // the list or its container changed as a whole: every entry before and after
        for (var node : new Object[] {change.before().orElse(null), change.after().orElse(null)}) {
          if (node instanceof NormalizedNode n) {
            reader.nsInstances(wrap(reader, path, n)).forEach(c -> out.add(c.name()));
          }
        }
      }
    }
    return out;
  }

  private static boolean usesAny(
      ConfigReader reader, NormalizedNode root, NsInstanceConfig ns, Set<String> vnfds) {
    if (vnfds.isEmpty()) {
      return false;
    }
    for (var member : ns.members().values()) {
      if (member.vnfdRef() != null && vnfds.contains(member.vnfdRef())) {
        return true;
      }
    }
    return reader
        .nsd(root, ns.nsdId())
        .flatMap(nsd -> ns.flavour() == null ? Optional.empty() : nsd.flavour(ns.flavour()))
        .map(f -> f.vnfProfiles().values().stream().anyMatch(p -> vnfds.contains(p.vnfdId())))
        .orElse(false);
  }

  private static NormalizedNode wrap(
      ConfigReader reader,
      org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier path,
      NormalizedNode node) {
    var builder =
        org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(
                new org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier(
                    org.opendaylight.yangtools.yang.common.QName.create(
                        reader.names().ns(), "root")));
    if (path.getPathArguments().isEmpty()
        && node instanceof org.opendaylight.yangtools.yang.data.api.schema.ContainerNode root) {
      return root;
    }
    if (path.getPathArguments().size() == 1
        && node
            instanceof org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild child) {
      return builder.withChild(child).build();
    }
    if (node instanceof org.opendaylight.yangtools.yang.data.api.schema.MapNode map) {
      var container =
          org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(
                  new org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier
                      .NodeIdentifier(reader.names().ns("ns-instances")))
              .withChild(map)
              .build();
      return builder.withChild(container).build();
    }
    return builder.build();
  }

  private record Planned(NsInstanceConfig config, OperationType type, Plan plan, ActualNs actual) {}

  private Layout layout(NsInstanceConfig config, NormalizedNode root) throws UnrealisableException {
    var nsd =
        reader
            .nsd(root, config.nsdId())
            .orElseThrow(
                () -> new UnrealisableException("nsd-ref", "no NSD '" + config.nsdId() + "'"));
    return LayoutBuilder.build(config, nsd, reader.vnfds(root));
  }

  private Optional<Planned> planned(String ns, NormalizedNode root) throws UnrealisableException {
    var config = reader.nsInstance(root, ns);
    ActualNs actual = state.readActual(ns);
    if (config.isEmpty() || !config.get().instantiated()) {
      if (actual.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Planned(
              config.orElse(null), OperationType.TERMINATE, Planner.terminate(actual), actual));
    }
    Layout layout = layout(config.get(), root);
    if (actual.isEmpty()) {
      return Optional.of(
          new Planned(
              config.get(), OperationType.INSTANTIATE, Planner.instantiate(layout), actual));
    }
    var type = changesComposition(layout, actual) ? OperationType.UPDATE : OperationType.SCALE;
    Plan plan = Planner.plan(type, layout, actual, Set.of());
    return plan.isEmpty()
        ? Optional.empty()
        : Optional.of(new Planned(config.get(), type, plan, actual));
  }

  /**
   * An update rather than a scaling: a member VNF comes or goes, or runs on another VNFD. (Scaling
   * changes only how many instances there are.)
   */
  private static boolean changesComposition(Layout layout, ActualNs actual) {
    var wanted = new java.util.HashMap<String, String>();
    layout.vnfs().values().forEach(v -> wanted.put(v.member(), v.vnfdId()));
    var held = new java.util.HashMap<String, String>();
    actual.vnfs().values().forEach(v -> held.put(v.member(), v.vnfdId()));
    return !wanted.equals(held);
  }

  private CompletableFuture<?> reconcile(String ns) {
    if (!open) {
      return CompletableFuture.completedFuture(null);
    }
    Optional<Planned> planned;
    try {
      planned = planned(ns, running());
    } catch (UnrealisableException e) {
      var config = reader.nsInstance(running(), ns).orElseThrow();
      String id = UUID.randomUUID().toString();
      var type = OperationType.INSTANTIATE;
      var empty = new Plan(type, ns, java.util.List.of(), Layout.empty(ns));
      state.startOperation(ns, config.nsdId(), id, type, empty, clock.instant());
      state.endOperation(ns, id, "failed", e.getMessage(), clock.instant());
      state.setStatus(ns, "failed");
      notify(ns, id, type, "failed", null, e.getMessage());
      return CompletableFuture.completedFuture(null);
    }
    if (planned.isEmpty()) {
      var heal = heals.remove(ns);
      if (heal != null) {
        return healNow(ns, heal);
      }
      var config = reader.nsInstance(running(), ns);
      var status = state.status(ns);
      if (config.isEmpty()) {
        if (!state.instances().contains(ns)) {
          return CompletableFuture.completedFuture(null);
        }
        state.remove(ns);
      } else if (config.get().instantiated() && !"instantiated".equals(status.orElse(null))) {
        state.setStatus(ns, "instantiated");
      } else if (!config.get().instantiated()
          && status.isPresent()
          && !"not-instantiated".equals(status.get())) {
        state.setStatus(ns, "not-instantiated");
      }
      return CompletableFuture.completedFuture(null);
    }
    var p = planned.get();
    NsInstanceConfig config = p.config();
    if (config == null) {
      config = new NsInstanceConfig(ns, nsdOf(ns), null, null, null, Map.of(), false);
    }
    NsInstanceConfig effective = config;
    return run(effective, p.type(), p.plan(), p.actual())
        .thenAccept(
            execution -> {
              if (execution.outcome() == Execution.Outcome.COMPLETED
                  && p.type() == OperationType.TERMINATE
                  && reader.nsInstance(running(), ns).isEmpty()) {
                state.remove(ns);
              }
            });
  }

  private CompletableFuture<?> healNow(String ns, HealRequest heal) {
    var config = reader.nsInstance(running(), ns);
    Optional<Plan> plan;
    try {
      plan = config.isEmpty() ? Optional.empty() : healPlan(ns, heal.targets());
    } catch (UnrealisableException e) {
      plan = Optional.empty();
    }
    var type = OperationType.HEAL;
    if (plan.isEmpty()) {
      // what the action saw broken is fine again, or the NS went away: record why nothing ran
      String nsd = config.map(NsInstanceConfig::nsdId).orElse(nsdOf(ns));
      state.startOperation(
          ns,
          nsd,
          heal.id(),
          type,
          new Plan(type, ns, List.of(), Layout.empty(ns)),
          clock.instant());
      state.endOperation(ns, heal.id(), "completed", null, clock.instant());
      notify(ns, heal.id(), type, "completed", null, null);
      return CompletableFuture.completedFuture(null);
    }
    expected.put(ns, new Expected(heal.id(), false));
    return run(config.get(), type, plan.get(), state.readActual(ns));
  }

  /** The NS's {@code on-failure} is {@code keep}: a failed step leaves the done ones in place. */
  private boolean keepOnFailure(String ns) {
    return datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(reader.nsLeaf(ns, "on-failure"))
        .map(io.yamano.lcm.model.Nodes::text)
        .map("keep"::equals)
        .orElse(false);
  }

  private String nsdOf(String ns) {
    return datastore
        .snapshot(DatastoreName.OPERATIONAL)
        .readNode(reader.nsLeaf(ns, "nsd-ref"))
        .map(io.yamano.lcm.model.Nodes::text)
        .orElse("unknown");
  }

  private CompletableFuture<Execution> run(
      NsInstanceConfig config, OperationType type, Plan plan, ActualNs actual) {
    String ns = config.name();
    var asked = expected.remove(ns);
    String id = asked == null ? UUID.randomUUID().toString() : asked.id();
    if (asked != null && asked.forceful()) {
      plan = forceful(plan);
    }
    state.startOperation(ns, config.nsdId(), id, type, plan, clock.instant());
    notify(ns, id, type, "processing", null, null);
    return executor
        .execute(plan, state.journal(ns, id, plan), keepOnFailure(ns))
        .thenApply(
            execution -> {
              if (heals.containsKey(ns)) {
                queue.request(ns);
              }
              try {
                finish(ns, id, type, actual, execution);
              } catch (RuntimeException e) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "recording the end of " + type.yangName() + " of " + ns + " failed",
                    e);
              }
              return execution;
            });
  }

  private void finish(
      String ns, String id, OperationType type, ActualNs before, Execution execution) {
    String lastStep = execution.failure().map(f -> f.stepId()).orElse(null);
    switch (execution.outcome()) {
      case COMPLETED -> {
        ActualNs after = ActualAssembler.apply(before, execution);
        // an update may remove every member VNF: the NS stays instantiated, holding nothing
        boolean held = !after.isEmpty() || type == OperationType.UPDATE;
        state.writeActual(after, held ? "instantiated" : "not-instantiated");
        state.endOperation(ns, id, "completed", null, clock.instant());
        notify(ns, id, type, "completed", lastStep, null);
      }
      case ROLLED_BACK -> {
        String message = execution.failure().orElseThrow().message();
        if (!execution.rollbackProblems().isEmpty()) {
          message += "; rollback left: " + String.join("; ", execution.rollbackProblems());
        }
        state.writeActual(before, before.isEmpty() ? "failed" : "instantiated");
        state.endOperation(ns, id, "rolled-back", message, clock.instant());
        notify(ns, id, type, "rolled-back", lastStep, message);
      }
      case FAILED -> {
        String message = execution.failure().orElseThrow().message();
        state.writeActual(ActualAssembler.apply(before, execution), "failed");
        state.endOperation(ns, id, "failed", message, clock.instant());
        notify(ns, id, type, "failed", lastStep, message);
      }
      case INTERRUPTED -> {
        // left 'processing': the next start rolls it back from the journal
      }
    }
  }

  // ---- recovery

  private void recover() {
    var recovery = new JournalRecovery(vims);
    for (var op : state.unfinished()) {
      var problems =
          recovery.rollBack(op, step -> state.markUndone(op.nsName(), op.operationId(), step.id()));
      String message = "interrupted by a restart; rolled back from the journal";
      if (!problems.isEmpty()) {
        message += "; rollback left: " + String.join("; ", problems);
      }
      state.endOperation(op.nsName(), op.operationId(), "rolled-back", message, clock.instant());
      ActualNs actual = state.readActual(op.nsName());
      state.setStatus(op.nsName(), actual.isEmpty() ? "not-instantiated" : "instantiated");
      notify(
          op.nsName(),
          op.operationId(),
          OperationType.ofYang(op.operation()),
          "rolled-back",
          null,
          message);
    }
  }

  // ---- notifications

  private void notify(
      String ns, String id, OperationType type, String opState, String step, String error) {
    publisher.operationStateChanged(ns, id, type.yangName(), opState, step, error);
  }

  /**
   * Stops: no new operations start; running steps end and their operations stay {@code processing},
   * to be rolled back at the next start. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (!open) {
      return;
    }
    open = false;
    for (var registration : actions) {
      try {
        registration.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "unregistering an action failed: " + e.getMessage());
      }
    }
    queue.close();
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "unsubscribing failed: " + e.getMessage());
      }
    }
    executor.close();
    vims.close();
    state.close();
  }
}
