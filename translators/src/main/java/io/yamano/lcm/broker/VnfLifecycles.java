package io.yamano.lcm.broker;

import io.yamano.broker.BrokerException;
import io.yamano.broker.LifecycleExecutor;
import io.yamano.broker.LifecycleMetadata;
import io.yamano.broker.Outcome;
import io.yamano.broker.Progress;
import io.yamano.broker.VnfBrokers;
import io.yamano.broker.metadata.LifecycleReader;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.datastore.Transaction;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.lcm.LcmPublisher;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import io.yamano.lcm.plan.Action;
import io.yamano.lcm.plan.Layout;
import io.yamano.lcm.plan.OperationType;
import io.yamano.lcm.plan.Plan;
import io.yamano.vim.Port;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * Runs VNF lifecycles for the lifecycle engine and serves {@code execute-primitive}.
 *
 * <p>A VNF's lifecycle metadata comes from its VNFD in running configuration ({@code
 * yamano-vnf-lifecycle}); a VNFD without one is not configured. Template parameters are, in
 * increasing precedence: the lifecycle's defaults, the built-in {@code ns-instance}, {@code
 * vnf-instance}, {@code member-vnf-index}, {@code vnfd-id}, {@code mgmt-address} (the first address
 * of the VNF's first VDU instance) and {@code vdu.<vdu-instance>.<cp>.ip}, then the NS instance's
 * {@code additional-param} entries named {@code NAME} or {@code <member-vnf-index>:NAME}, then (for
 * a primitive) its input.
 *
 * <p>A commit whose lifecycle metadata could not run is refused ({@link LifecycleMetadataCheck}).
 *
 * <p>Where each VNF is in its lifecycle is kept in operational state under {@code
 * ns-instance/state/vnf-lifecycle}. One lifecycle run at a time per VNF instance.
 */
public final class VnfLifecycles implements VnfConfigurator, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(VnfLifecycles.class.getName());

  private final Datastore datastore;
  private final YangNames n;
  private final QNameModule lc;
  private final LcmPublisher publisher;
  private final LifecycleExecutor executor;
  private final DatastoreSession session;
  private final ExecutorService primitives;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();
  private AutoCloseable registration;

  private VnfLifecycles(Datastore datastore, VnfBrokers brokers, LcmPublisher publisher) {
    this.datastore = datastore;
    this.n = YangNames.of(datastore.context());
    this.lc =
        datastore
            .context()
            .findModules(XMLNamespace.of(LifecycleReader.NAMESPACE))
            .iterator()
            .next()
            .getQNameModule();
    this.publisher = publisher;
    this.executor = new LifecycleExecutor(brokers);
    this.session = datastore.openInternalSession("yamano-broker");
    var count = new AtomicInteger();
    this.primitives =
        Executors.newCachedThreadPool(
            r -> {
              var t = new Thread(r, "yamano-primitive-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts: ends primitive runs a previous process left {@code processing} (as failed) and
   * registers the {@code execute-primitive} handler. Pass the result to the lifecycle engine as its
   * {@link VnfConfigurator}.
   */
  public static VnfLifecycles start(
      Datastore datastore, VnfBrokers brokers, LcmPublisher publisher) {
    var lifecycles = new VnfLifecycles(datastore, brokers, publisher);
    lifecycles.recover();
    datastore.addCommitHook(
        new LifecycleMetadataCheck(
            lifecycles.n, lifecycles.lc("vnf-lifecycles"), lifecycles.lc("vnf-lifecycle")));
    lifecycles.registration =
        datastore
            .operations()
            .register(lifecycles.executePrimitivePath(), lifecycles::executePrimitive);
    return lifecycles;
  }

  /** The schema path of {@code execute-primitive}. */
  public Absolute executePrimitivePath() {
    return Absolute.of(
        n.ns("ns-instances"),
        n.ns("ns-instance"),
        n.ns("state"),
        n.ns("vnf-instance"),
        lc("execute-primitive"));
  }

  private QName lc(String name) {
    return QName.create(lc, name);
  }

  // ---- the engine's configure step

  @Override
  public void configure(Plan plan, Action.ConfigureVnf action, Map<String, Object> outputs) {
    String ns = plan.nsName();
    String vnf = action.vnfId();
    NormalizedNode running = root(DatastoreName.RUNNING);
    Layout.VnfLayout layout = plan.target().vnfs().get(vnf);
    Optional<MapEntryNode> actual = vnfInstance(ns, vnf);
    String vnfdId =
        layout != null
            ? layout.vnfdId()
            : actual.map(a -> Nodes.text(a, n.ns("vnfd-id"))).orElse(null);
    String member =
        layout != null
            ? layout.member()
            : actual.map(a -> Nodes.text(a, n.ns("member-vnf-index"))).orElse(null);
    if (vnfdId == null) {
      return;
    }
    LifecycleMetadata metadata;
    try {
      Optional<LifecycleMetadata> found = metadata(running, vnfdId);
      if (found.isEmpty()) {
        return;
      }
      metadata = found.get();
    } catch (BrokerException e) {
      throw new VnfConfigurationException("VNF " + vnf + ": " + e.getMessage(), e);
    }
    var addresses = new LinkedHashMap<String, String>();
    actual.ifPresent(a -> addresses.putAll(addressesOf(a)));
    for (Object output : outputs.values()) {
      if (output instanceof Port port
          && vnf.equals(port.owner().vnfInstanceId())
          && ns.equals(port.owner().nsInstanceId())) {
        String cp = port.name().substring(port.name().lastIndexOf('.') + 1);
        addresses.put(port.owner().elementId() + "." + cp, port.ipAddress());
      }
    }
    Map<String, String> params = parameters(running, ns, vnf, member, vnfdId, addresses);
    Optional<String> recorded = lifecycleState(ns, vnf);
    String state;
    String event;
    if (!action.start()) {
      state = recorded.orElse(metadata.initialState());
      event = "terminating";
    } else if (plan.operation() == OperationType.INSTANTIATE || recorded.isEmpty()) {
      state = metadata.initialState();
      event = "instantiated";
    } else {
      state = recorded.get();
      event =
          switch (plan.operation()) {
            case HEAL -> "healed";
            case UPDATE -> "upgrading";
            default -> "scaled";
          };
    }
    ReentrantLock lock = lock(ns, vnf);
    lock.lock();
    try {
      Outcome outcome = executor.fire(metadata, state, event, params, Progress.NONE);
      if (!action.start()) {
        outcome
            .failure()
            .ifPresent(
                e ->
                    LOG.log(
                        System.Logger.Level.WARNING,
                        "stopping VNF "
                            + vnf
                            + " of "
                            + ns
                            + " failed; deleting it anyway: "
                            + e.getMessage()));
        forget(ns, vnf);
        return;
      }
      record(
          ns,
          vnf,
          outcome.state(),
          event,
          outcome.failure().map(Throwable::getMessage).orElse(null));
      if (outcome.failure().isPresent()) {
        BrokerException e = outcome.failure().get();
        throw new VnfConfigurationException(e.getMessage(), e);
      }
    } finally {
      lock.unlock();
    }
  }

  // ---- execute-primitive

  private ContainerNode executePrimitive(OperationRequest request) throws RpcException {
    String ns = null;
    String vnf = null;
    for (var arg : request.target().getPathArguments()) {
      if (arg instanceof NodeIdentifierWithPredicates key) {
        if (key.getNodeType().equals(n.ns("ns-instance"))) {
          ns = String.valueOf(key.values().iterator().next());
        } else if (key.getNodeType().equals(n.ns("vnf-instance"))) {
          vnf = String.valueOf(key.values().iterator().next());
        }
      }
    }
    if (ns == null || vnf == null) {
      throw new RpcException(
          RpcError.protocol(
              ErrorTag.INVALID_VALUE, "execute-primitive needs a VNF instance as target"));
    }
    String primitive = Nodes.text(request.input(), lc("primitive"));
    var arguments = new LinkedHashMap<String, String>();
    for (MapEntryNode p : Nodes.entries(request.input(), lc("parameter"))) {
      String value = Nodes.text(p, lc("value"));
      arguments.put(Nodes.text(p, lc("name")), value == null ? "" : value);
    }
    String vnfName = vnf;
    MapEntryNode instance =
        vnfInstance(ns, vnf)
            .orElseThrow(
                () ->
                    new RpcException(
                        RpcError.application(
                            ErrorTag.DATA_MISSING,
                            null,
                            request.target(),
                            "no such VNF instance")));
    String vnfdId = Nodes.text(instance, n.ns("vnfd-id"));
    String member = Nodes.text(instance, n.ns("member-vnf-index"));
    NormalizedNode running = root(DatastoreName.RUNNING);
    LifecycleMetadata metadata;
    try {
      metadata =
          metadata(running, vnfdId)
              .orElseThrow(
                  () ->
                      new BrokerException(
                          BrokerException.Reason.BAD_METADATA,
                          "VNFD "
                              + vnfdId
                              + " of VNF instance "
                              + vnfName
                              + " declares no lifecycle"));
      var declared = metadata.primitives().get(primitive);
      if (declared == null) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA,
            "VNF instance "
                + vnf
                + " has no primitive '"
                + primitive
                + "' (it has "
                + metadata.primitives().keySet()
                + ")");
      }
      declared.bind(arguments);
      String state = lifecycleState(ns, vnf).orElse(metadata.initialState());
      if (!declared.allowedIn().isEmpty() && !declared.allowedIn().contains(state)) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA,
            "primitive '"
                + primitive
                + "' may not run while VNF instance "
                + vnf
                + " is "
                + state
                + " (only in "
                + declared.allowedIn()
                + ")");
      }
    } catch (BrokerException e) {
      RpcError error = e.toRpcError();
      throw new RpcException(
          RpcError.application(
              error.tag(), error.appTag().orElse(null), request.target(), e.getMessage()));
    }
    Map<String, String> params =
        parameters(running, ns, vnf, member, vnfdId, addressesOf(instance));
    String id = UUID.randomUUID().toString();
    startOperation(ns, vnf, id, primitive);
    String nsName = ns;
    String vnfId = vnf;
    primitives.execute(
        () -> runPrimitive(nsName, vnfId, id, metadata, primitive, arguments, params));
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(new NodeIdentifier(lc("output")))
        .withChild(ImmutableNodes.leafNode(lc("lcm-operation-id"), id))
        .build();
  }

  private void runPrimitive(
      String ns,
      String vnf,
      String id,
      LifecycleMetadata metadata,
      String primitive,
      Map<String, String> arguments,
      Map<String, String> params) {
    ReentrantLock lock = lock(ns, vnf);
    lock.lock();
    try {
      String state = lifecycleState(ns, vnf).orElse(metadata.initialState());
      Progress progress =
          (action, index, total) ->
              safely(() -> progress(ns, id, action, (int) (100L * index / Math.max(1, total))));
      Outcome outcome =
          executor.runPrimitive(metadata, state, primitive, arguments, params, progress);
      String error = outcome.failure().map(Throwable::getMessage).orElse(null);
      String last =
          outcome.steps().isEmpty()
              ? null
              : outcome.steps().get(outcome.steps().size() - 1).action();
      String reply =
          error != null || outcome.steps().isEmpty()
              ? null
              : outcome.steps().get(outcome.steps().size() - 1).reply();
      safely(
          () -> endOperation(ns, id, error == null ? "completed" : "failed", last, error, reply));
      safely(() -> record(ns, vnf, outcome.state(), "primitive " + primitive, error));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "primitive " + primitive + " of " + vnf + " failed", e);
      safely(() -> endOperation(ns, id, "failed", null, String.valueOf(e.getMessage()), null));
    } finally {
      lock.unlock();
    }
  }

  // ---- reading

  private NormalizedNode root(DatastoreName name) {
    return datastore.snapshot(name).readNode(YangInstanceIdentifier.of()).orElse(null);
  }

  private Optional<LifecycleMetadata> metadata(NormalizedNode running, String vnfdId)
      throws BrokerException {
    var nfv = Nodes.child(running, n.nfv("nfv"));
    if (nfv.isEmpty()) {
      return Optional.empty();
    }
    for (MapEntryNode vnfd : Nodes.entries(nfv.get(), n.nfv("vnfd"))) {
      if (vnfdId.equals(Nodes.text(vnfd, n.nfv("id")))) {
        var read =
            LifecycleReader.ofVnfd(
                vnfdId, vnfd, Nodes.child(running, lc("vnf-lifecycles")).orElse(null));
        return read.isEmpty() ? read : Optional.of(withOpenedPassword(read.get()));
      }
    }
    return Optional.empty();
  }

  /** The metadata with its management password opened: configuration holds it sealed. */
  private LifecycleMetadata withOpenedPassword(LifecycleMetadata m) throws BrokerException {
    try {
      var management = m.management();
      return m.withManagement(
          management.withPassword(datastore.secrets().reveal(management.password())));
    } catch (io.yamano.datastore.secret.SecretException e) {
      throw new BrokerException(
          BrokerException.Reason.BAD_METADATA,
          "the management password of " + m.name() + " cannot be used: " + e.getMessage());
    }
  }

  private YangInstanceIdentifier nsEntry(String ns) {
    return YangInstanceIdentifier.of(
        new NodeIdentifier(n.ns("ns-instances")),
        new NodeIdentifier(n.ns("ns-instance")),
        NodeIdentifierWithPredicates.of(n.ns("ns-instance"), n.ns("name"), ns));
  }

  private YangInstanceIdentifier statePath(String ns) {
    return nsEntry(ns).node(new NodeIdentifier(n.ns("state")));
  }

  private Optional<MapEntryNode> vnfInstance(String ns, String vnf) {
    return datastore
        .snapshot(DatastoreName.OPERATIONAL)
        .readNode(
            statePath(ns)
                .node(new NodeIdentifier(n.ns("vnf-instance")))
                .node(NodeIdentifierWithPredicates.of(n.ns("vnf-instance"), n.ns("id"), vnf)))
        .filter(MapEntryNode.class::isInstance)
        .map(MapEntryNode.class::cast);
  }

  private YangInstanceIdentifier lifecyclePath(String ns, String vnf) {
    return statePath(ns)
        .node(new NodeIdentifier(lc("vnf-lifecycle")))
        .node(NodeIdentifierWithPredicates.of(lc("vnf-lifecycle"), lc("vnf-instance"), vnf));
  }

  /** The VNF's recorded lifecycle state. */
  public Optional<String> lifecycleState(String ns, String vnf) {
    return datastore
        .snapshot(DatastoreName.OPERATIONAL)
        .readNode(lifecyclePath(ns, vnf))
        .map(e -> Nodes.text(e, lc("state")));
  }

  /** {@code <vdu-instance>.<cp>} to IP address, in document order. */
  private Map<String, String> addressesOf(MapEntryNode vnfInstance) {
    var out = new LinkedHashMap<String, String>();
    for (MapEntryNode vdu : Nodes.entries(vnfInstance, n.ns("vdu-instance"))) {
      for (MapEntryNode address : Nodes.entries(vdu, n.ns("address"))) {
        out.put(
            Nodes.text(vdu, n.ns("id")) + "." + Nodes.text(address, n.ns("cp")),
            Nodes.text(address, n.ns("ip")));
      }
    }
    return out;
  }

  private Map<String, String> parameters(
      NormalizedNode running,
      String ns,
      String vnf,
      String member,
      String vnfdId,
      Map<String, String> addresses) {
    var params = new LinkedHashMap<String, String>();
    params.put("ns-instance", ns);
    params.put(LifecycleExecutor.VNF_INSTANCE, vnf);
    if (member != null) {
      params.put("member-vnf-index", member);
    }
    params.put("vnfd-id", vnfdId);
    addresses.forEach((key, ip) -> params.put("vdu." + key + ".ip", ip));
    if (!addresses.isEmpty()) {
      params.put(LifecycleExecutor.MGMT_ADDRESS, addresses.values().iterator().next());
    }
    var entry = Nodes.path(running, n.ns("ns-instances"));
    var own = new LinkedHashMap<String, String>();
    if (entry.isPresent()) {
      for (MapEntryNode instance : Nodes.entries(entry.get(), n.ns("ns-instance"))) {
        if (!ns.equals(Nodes.text(instance, n.ns("name")))) {
          continue;
        }
        for (MapEntryNode p : Nodes.entries(instance, n.ns("additional-param"))) {
          String name = Nodes.text(p, n.ns("name"));
          String value = Nodes.text(p, n.ns("value"));
          if (value == null) {
            continue;
          }
          int colon = name.indexOf(':');
          if (colon < 0) {
            params.put(name, value);
          } else if (name.substring(0, colon).equals(member)) {
            own.put(name.substring(colon + 1), value);
          }
        }
      }
    }
    params.putAll(own);
    return params;
  }

  // ---- writing operational state

  @FunctionalInterface
  private interface Edit {
    void apply(Transaction tx) throws RpcException;
  }

  private synchronized void write(String comment, Edit edit) {
    try {
      Transaction tx = session.newTransaction(DatastoreName.OPERATIONAL);
      edit.apply(tx);
      tx.commit(comment);
    } catch (RpcException e) {
      throw new IllegalStateException(
          "operational state not written (" + comment + "): " + e.getMessage(), e);
    }
  }

  private ContainerNode stateWith(DataContainerChild child) {
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(new NodeIdentifier(n.ns("state")))
        .withChild(child)
        .build();
  }

  private static MapEntryNode entry(
      QName list, QName key, String keyValue, List<DataContainerChild> c) {
    var b =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(list, key, keyValue))
            .withChild(ImmutableNodes.leafNode(key, keyValue));
    c.forEach(b::withChild);
    return b.build();
  }

  private static void leaf(List<DataContainerChild> c, QName name, Object value) {
    if (value != null) {
      c.add(ImmutableNodes.leafNode(name, value));
    }
  }

  private void record(String ns, String vnf, String state, String event, String error) {
    var c = new ArrayList<DataContainerChild>();
    leaf(c, lc("state"), state);
    leaf(c, lc("last-event"), event);
    var entry = entry(lc("vnf-lifecycle"), lc("vnf-instance"), vnf, c);
    var map =
        ImmutableNodes.newSystemMapBuilder()
            .withNodeIdentifier(new NodeIdentifier(lc("vnf-lifecycle")))
            .withChild(entry)
            .build();
    write(
        "broker: " + vnf + " of " + ns + " " + state,
        tx -> {
          // replace the entry so that a cleared error disappears
          tx.remove(lifecyclePath(ns, vnf));
          tx.merge(statePath(ns), stateWith(map));
          if (error != null) {
            tx.merge(
                lifecyclePath(ns, vnf).node(new NodeIdentifier(lc("error-message"))),
                ImmutableNodes.leafNode(lc("error-message"), error));
          }
        });
  }

  private void forget(String ns, String vnf) {
    safely(
        () ->
            write("broker: forget " + vnf + " of " + ns, tx -> tx.remove(lifecyclePath(ns, vnf))));
  }

  private YangInstanceIdentifier operationPath(String ns, String id) {
    return statePath(ns)
        .node(new NodeIdentifier(n.ns("lcm-operation")))
        .node(NodeIdentifierWithPredicates.of(n.ns("lcm-operation"), n.ns("id"), id));
  }

  private void startOperation(String ns, String vnf, String id, String primitive) {
    var c = new ArrayList<DataContainerChild>();
    leaf(c, n.ns("operation"), OperationType.EXECUTE_PRIMITIVE.yangName());
    leaf(c, n.ns("state"), "processing");
    leaf(c, n.ns("start-time"), clock.instant().toString());
    leaf(c, n.ns("progress"), Uint8.ZERO);
    leaf(c, lc("vnf-instance"), vnf);
    leaf(c, lc("primitive"), primitive);
    var map =
        ImmutableNodes.newSystemMapBuilder()
            .withNodeIdentifier(new NodeIdentifier(n.ns("lcm-operation")))
            .withChild(entry(n.ns("lcm-operation"), n.ns("id"), id, c))
            .build();
    write(
        "broker: execute-primitive " + primitive + " on " + vnf,
        tx -> tx.merge(statePath(ns), stateWith(map)));
    notify(ns, id, "processing", null, null);
  }

  private void progress(String ns, String id, String step, int percent) {
    write(
        "broker: " + step,
        tx -> {
          tx.merge(
              operationPath(ns, id).node(new NodeIdentifier(n.ns("current-step"))),
              ImmutableNodes.leafNode(n.ns("current-step"), step));
          tx.merge(
              operationPath(ns, id).node(new NodeIdentifier(n.ns("progress"))),
              ImmutableNodes.leafNode(n.ns("progress"), Uint8.valueOf(percent)));
        });
  }

  private void endOperation(
      String ns, String id, String state, String step, String error, String reply) {
    var path = operationPath(ns, id);
    write(
        "broker: execute-primitive " + state,
        tx -> {
          tx.merge(
              path.node(new NodeIdentifier(n.ns("state"))),
              ImmutableNodes.leafNode(n.ns("state"), state));
          tx.merge(
              path.node(new NodeIdentifier(n.ns("end-time"))),
              ImmutableNodes.leafNode(n.ns("end-time"), clock.instant().toString()));
          if ("completed".equals(state)) {
            tx.merge(
                path.node(new NodeIdentifier(n.ns("progress"))),
                ImmutableNodes.leafNode(n.ns("progress"), Uint8.valueOf(100)));
          }
          if (step != null) {
            tx.merge(
                path.node(new NodeIdentifier(n.ns("current-step"))),
                ImmutableNodes.leafNode(n.ns("current-step"), step));
          }
          if (error != null) {
            tx.merge(
                path.node(new NodeIdentifier(n.ns("error-message"))),
                ImmutableNodes.leafNode(n.ns("error-message"), error));
          }
          if (reply != null) {
            tx.merge(
                path.node(new NodeIdentifier(lc("reply"))),
                ImmutableNodes.leafNode(lc("reply"), reply));
          }
        });
    notify(ns, id, state, step, error);
  }

  /** Ends primitive runs left {@code processing} by a previous process. */
  private void recover() {
    var root = root(DatastoreName.OPERATIONAL);
    var instances =
        root == null ? Optional.<NormalizedNode>empty() : Nodes.child(root, n.ns("ns-instances"));
    if (instances.isEmpty()) {
      return;
    }
    for (MapEntryNode instance : Nodes.entries(instances.get(), n.ns("ns-instance"))) {
      String ns = Nodes.text(instance, n.ns("name"));
      var state = Nodes.child(instance, n.ns("state"));
      if (state.isEmpty()) {
        continue;
      }
      for (MapEntryNode op : Nodes.entries(state.get(), n.ns("lcm-operation"))) {
        if (OperationType.EXECUTE_PRIMITIVE.yangName().equals(Nodes.text(op, n.ns("operation")))
            && "processing".equals(Nodes.text(op, n.ns("state")))) {
          String id = Nodes.text(op, n.ns("id"));
          safely(() -> endOperation(ns, id, "failed", null, "interrupted by a restart", null));
        }
      }
    }
  }

  private void notify(String ns, String id, String state, String step, String error) {
    publisher.operationStateChanged(
        ns, id, OperationType.EXECUTE_PRIMITIVE.yangName(), state, step, error);
  }

  private ReentrantLock lock(String ns, String vnf) {
    return locks.computeIfAbsent(ns + "/" + vnf, k -> new ReentrantLock());
  }

  private static void safely(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "broker state not written: " + e.getMessage());
    }
  }

  /** Unregisters the handler and waits (up to a minute) for running primitives. Idempotent. */
  @Override
  public synchronized void close() {
    if (registration != null) {
      try {
        registration.close();
      } catch (Exception e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "unregistering execute-primitive failed: " + e.getMessage());
      }
      registration = null;
    }
    primitives.shutdown();
    try {
      primitives.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.close();
    session.close();
  }
}
