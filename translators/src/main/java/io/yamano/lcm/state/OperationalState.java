package io.yamano.lcm.state;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.datastore.Transaction;
import io.yamano.error.RpcException;
import io.yamano.lcm.exec.JournaledOperation;
import io.yamano.lcm.exec.JournaledStep;
import io.yamano.lcm.exec.PlanJournal;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.lcm.plan.OperationType;
import io.yamano.lcm.plan.Plan;
import io.yamano.lcm.plan.Step;
import io.yamano.lcm.plan.Undo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Reads and writes the lifecycle engine's part of the operational datastore. Every write is one
 * operational commit, durable when the method returns; writes are serialised.
 */
public final class OperationalState implements AutoCloseable {

  /** How many finished operation occurrences an NS instance keeps. */
  public static final int KEPT_OPERATIONS = 10;

  @FunctionalInterface
  private interface Edit {
    void apply(Transaction tx) throws RpcException;
  }

  private final Datastore datastore;
  private final DatastoreSession session;
  private final YangNames n;
  private final ConfigReader paths;
  private final Map<String, String> nsdRefs = new ConcurrentHashMap<>();

  public OperationalState(Datastore datastore, YangNames names) {
    this.datastore = datastore;
    this.session = datastore.openInternalSession("yamano-lcm");
    this.n = names;
    this.paths = new ConfigReader(names);
  }

  /** The journal's code for an undo. */
  public static String undoCode(Undo undo) {
    if (undo instanceof Undo.DeleteCreated) {
      return "delete";
    }
    if (undo instanceof Undo.ReleaseReservation) {
      return "release";
    }
    return "none";
  }

  // ---- writes

  /** Records a new operation occurrence with its whole plan, every step pending. */
  public void startOperation(
      String ns, String nsdRef, String operationId, OperationType type, Plan plan, Instant now) {
    nsdRefs.put(ns, nsdRef);
    var steps = new ArrayList<MapEntryNode>();
    for (Step step : plan.steps()) {
      var c = new ArrayList<DataContainerChild>();
      Trees.leaf(c, n.lcm("description"), step.description());
      if (!step.dependsOn().isEmpty()) {
        c.add(Trees.leafList(n.lcm("depends-on"), step.dependsOn()));
      }
      Trees.leaf(c, n.lcm("undo"), undoCode(step.undo()));
      Trees.leaf(c, n.lcm("vim-account"), step.action().account());
      Trees.leaf(c, n.lcm("resource-kind"), step.action().resourceKind());
      Trees.leaf(c, n.lcm("resource-name"), step.action().resourceName());
      Trees.leaf(c, n.lcm("status"), "pending");
      steps.add(Trees.entry(n.lcm("step"), Map.of(n.lcm("id"), step.id()), c));
    }
    var op = new ArrayList<DataContainerChild>();
    Trees.leaf(op, n.ns("operation"), type.yangName());
    Trees.leaf(op, n.ns("state"), "processing");
    Trees.leaf(op, n.ns("start-time"), now.toString());
    Trees.leaf(op, n.ns("progress"), Uint8.ZERO);
    op.add(Trees.container(n.lcm("plan"), List.of(Trees.map(n.lcm("step"), steps))));
    var state = new ArrayList<DataContainerChild>();
    Trees.leaf(state, n.ns("status"), type.runningStatus());
    state.add(operations(Trees.entry(n.ns("lcm-operation"), Map.of(n.ns("id"), operationId), op)));
    var stale = staleOperations(ns);
    write(
        "lcm: " + type.yangName() + " " + ns,
        tx -> {
          for (String id : stale) {
            tx.remove(operationPath(ns, id));
          }
          tx.merge(paths.nsEntry(ns), nsEntry(ns, state));
        });
  }

  /** Ends an operation occurrence. */
  public void endOperation(
      String ns, String operationId, String state, String errorMessage, Instant now) {
    var op = new ArrayList<DataContainerChild>();
    Trees.leaf(op, n.ns("state"), state);
    Trees.leaf(op, n.ns("end-time"), now.toString());
    if ("completed".equals(state)) {
      Trees.leaf(op, n.ns("progress"), Uint8.valueOf(100));
    }
    Trees.leaf(op, n.ns("error-message"), errorMessage);
    writeOperation(ns, operationId, op, "lcm: " + state + " " + ns);
  }

  /** The journal of one operation occurrence. */
  public PlanJournal journal(String ns, String operationId, Plan plan) {
    int total = Math.max(1, plan.steps().size());
    return new PlanJournal() {
      @Override
      public void started(Step step) {
        var op = new ArrayList<DataContainerChild>();
        Trees.leaf(op, n.ns("current-step"), step.id());
        writeStep(ns, operationId, step.id(), op, "running", null, null, 0);
      }

      @Override
      public void done(Step step, String resourceId, int sequence) {
        var op = new ArrayList<DataContainerChild>();
        Trees.leaf(op, n.ns("progress"), Uint8.valueOf(Math.min(100, sequence * 100 / total)));
        writeStep(ns, operationId, step.id(), op, "done", resourceId, null, sequence);
      }

      @Override
      public void failed(Step step, String message) {
        writeStep(ns, operationId, step.id(), new ArrayList<>(), "failed", null, message, 0);
      }

      @Override
      public void skipped(Step step) {
        writeStep(ns, operationId, step.id(), new ArrayList<>(), "skipped", null, null, 0);
      }

      @Override
      public void undone(Step step) {
        markUndone(ns, operationId, step.id());
      }
    };
  }

  /** Marks a journaled step undone (by a rollback or by recovery). */
  public void markUndone(String ns, String operationId, String stepId) {
    writeStep(ns, operationId, stepId, new ArrayList<>(), "undone", null, null, 0);
  }

  /** Sets {@code state/status}. */
  public void setStatus(String ns, String status) {
    var state = new ArrayList<DataContainerChild>();
    Trees.leaf(state, n.ns("status"), status);
    write("lcm: " + ns + " " + status, tx -> tx.merge(paths.nsEntry(ns), nsEntry(ns, state)));
  }

  /** Replaces the NS's VNF, VDU and virtual link instance records and sets its status. */
  public void writeActual(ActualNs actual, String status) {
    String ns = actual.nsName();
    var vnfs = new ArrayList<MapEntryNode>();
    for (var vnf : actual.vnfs().values()) {
      var vdus = new ArrayList<MapEntryNode>();
      for (var vdu : vnf.vdus().values()) {
        var addresses = new ArrayList<MapEntryNode>();
        for (var port : vdu.ports().values()) {
          var keys = new LinkedHashMap<QName, Object>();
          keys.put(n.ns("cp"), port.cp());
          keys.put(n.ns("ip"), port.ip());
          var c = new ArrayList<DataContainerChild>();
          Trees.leaf(c, n.lcm("vim-port-id"), port.portId());
          addresses.add(Trees.entry(n.ns("address"), keys, c));
        }
        var c = new ArrayList<DataContainerChild>();
        Trees.leaf(c, n.ns("vdu-id"), vdu.vduId());
        Trees.leaf(c, n.ns("vim-resource-id"), vdu.computeId());
        Trees.leaf(c, n.ns("host"), vdu.host());
        Trees.leaf(c, n.ns("zone"), vdu.zone());
        Trees.leaf(c, n.ns("status"), vdu.failed() ? "failed" : "active");
        if (!addresses.isEmpty()) {
          c.add(Trees.map(n.ns("address"), addresses));
        }
        vdus.add(Trees.entry(n.ns("vdu-instance"), Map.of(n.ns("id"), vdu.id()), c));
      }
      var c = new ArrayList<DataContainerChild>();
      Trees.leaf(c, n.ns("vnfd-id"), vnf.vnfdId());
      Trees.leaf(c, n.ns("member-vnf-index"), vnf.member());
      Trees.leaf(c, n.ns("vim-account"), vnf.account());
      if (!vdus.isEmpty()) {
        c.add(Trees.map(n.ns("vdu-instance"), vdus));
      }
      vnfs.add(Trees.entry(n.ns("vnf-instance"), Map.of(n.ns("id"), vnf.id()), c));
    }
    var links = new ArrayList<MapEntryNode>();
    for (var link : actual.networks().values()) {
      var c = new ArrayList<DataContainerChild>();
      Trees.leaf(c, n.ns("virtual-link-desc-id"), link.virtualLinkDescId());
      Trees.leaf(c, n.ns("vim-resource-id"), link.networkId());
      Trees.leaf(c, n.lcm("vim-account"), link.account());
      links.add(Trees.entry(n.ns("virtual-link-instance"), Map.of(n.ns("id"), link.id()), c));
    }
    var state = new ArrayList<DataContainerChild>();
    Trees.leaf(state, n.ns("status"), status);
    if (!vnfs.isEmpty()) {
      state.add(Trees.map(n.ns("vnf-instance"), vnfs));
    }
    if (!links.isEmpty()) {
      state.add(Trees.map(n.ns("virtual-link-instance"), links));
    }
    var statePath = paths.nsEntry(ns).node(new NodeIdentifier(n.ns("state")));
    write(
        "lcm: state of " + ns,
        tx -> {
          tx.remove(statePath.node(new NodeIdentifier(n.ns("vnf-instance"))));
          tx.remove(statePath.node(new NodeIdentifier(n.ns("virtual-link-instance"))));
          tx.remove(statePath.node(new NodeIdentifier(n.lcm("flavour"))));
          tx.remove(statePath.node(new NodeIdentifier(n.lcm("instantiation-level"))));
          tx.merge(paths.nsEntry(ns), nsEntry(ns, state));
          if (actual.flavour() != null) {
            tx.merge(
                statePath.node(new NodeIdentifier(n.lcm("flavour"))),
                org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode(
                    n.lcm("flavour"), actual.flavour()));
          }
          if (actual.level() != null) {
            tx.merge(
                statePath.node(new NodeIdentifier(n.lcm("instantiation-level"))),
                org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode(
                    n.lcm("instantiation-level"), actual.level()));
          }
        });
  }

  /** Removes everything recorded about an NS instance. */
  public void remove(String ns) {
    nsdRefs.remove(ns);
    write("lcm: forget " + ns, tx -> tx.remove(paths.nsEntry(ns)));
  }

  // ---- reads

  private NormalizedNode root() {
    return datastore
        .snapshot(DatastoreName.OPERATIONAL)
        .readNode(YangInstanceIdentifier.of())
        .orElse(null);
  }

  private Optional<NormalizedNode> nsState(String ns) {
    return datastore
        .snapshot(DatastoreName.OPERATIONAL)
        .readNode(paths.nsEntry(ns).node(new NodeIdentifier(n.ns("state"))));
  }

  /** NS instances with an entry in operational state. */
  public List<String> instances() {
    var out = new ArrayList<String>();
    var root = root();
    if (root == null) {
      return out;
    }
    Nodes.child(root, n.ns("ns-instances"))
        .ifPresent(
            s ->
                Nodes.entries(s, n.ns("ns-instance"))
                    .forEach(e -> out.add(Nodes.text(e, n.ns("name")))));
    return out;
  }

  /** The recorded {@code state/status}, if any. */
  public Optional<String> status(String ns) {
    return nsState(ns).map(s -> Nodes.text(s, n.ns("status")));
  }

  /** What the NS holds, as recorded; empty when nothing is. */
  public ActualNs readActual(String ns) {
    var state = nsState(ns);
    if (state.isEmpty()) {
      return ActualNs.empty(ns);
    }
    var s = state.get();
    var vnfs = new LinkedHashMap<String, ActualNs.VnfInstance>();
    for (MapEntryNode vnf : Nodes.entries(s, n.ns("vnf-instance"))) {
      var vdus = new LinkedHashMap<String, ActualNs.VduInstance>();
      for (MapEntryNode vdu : Nodes.entries(vnf, n.ns("vdu-instance"))) {
        var ports = new LinkedHashMap<String, ActualNs.PortInstance>();
        for (MapEntryNode a : Nodes.entries(vdu, n.ns("address"))) {
          String cp = Nodes.text(a, n.ns("cp"));
          ports.put(
              cp,
              new ActualNs.PortInstance(
                  cp, Nodes.text(a, n.ns("ip")), Nodes.text(a, n.lcm("vim-port-id"))));
        }
        String id = Nodes.text(vdu, n.ns("id"));
        vdus.put(
            id,
            new ActualNs.VduInstance(
                id,
                Nodes.text(vdu, n.ns("vdu-id")),
                Nodes.text(vdu, n.ns("vim-resource-id")),
                Nodes.text(vdu, n.ns("zone")),
                Nodes.text(vdu, n.ns("host")),
                ports,
                "failed".equals(Nodes.text(vdu, n.ns("status")))));
      }
      String id = Nodes.text(vnf, n.ns("id"));
      vnfs.put(
          id,
          new ActualNs.VnfInstance(
              id,
              Nodes.text(vnf, n.ns("member-vnf-index")),
              Nodes.text(vnf, n.ns("vnfd-id")),
              Nodes.text(vnf, n.ns("vim-account")),
              vdus));
    }
    var links = new LinkedHashMap<String, ActualNs.NetworkInstance>();
    for (MapEntryNode vl : Nodes.entries(s, n.ns("virtual-link-instance"))) {
      String id = Nodes.text(vl, n.ns("id"));
      links.put(
          id,
          new ActualNs.NetworkInstance(
              id,
              Nodes.text(vl, n.ns("virtual-link-desc-id")),
              Nodes.text(vl, n.lcm("vim-account")),
              Nodes.text(vl, n.ns("vim-resource-id"))));
    }
    return new ActualNs(
        ns,
        Nodes.text(s, n.lcm("flavour")),
        Nodes.text(s, n.lcm("instantiation-level")),
        vnfs,
        links);
  }

  /** Every operation occurrence still {@code processing}: what a restart must recover. */
  public List<JournaledOperation> unfinished() {
    var out = new ArrayList<JournaledOperation>();
    for (String ns : instances()) {
      var state = nsState(ns);
      if (state.isEmpty()) {
        continue;
      }
      for (MapEntryNode op : Nodes.entries(state.get(), n.ns("lcm-operation"))) {
        if (!"processing".equals(Nodes.text(op, n.ns("state")))) {
          continue;
        }
        var steps = new ArrayList<JournaledStep>();
        Nodes.child(op, n.lcm("plan"))
            .ifPresent(
                plan -> {
                  for (MapEntryNode step : Nodes.entries(plan, n.lcm("step"))) {
                    steps.add(
                        new JournaledStep(
                            Nodes.text(step, n.lcm("id")),
                            Nodes.text(step, n.lcm("vim-account")),
                            Nodes.text(step, n.lcm("resource-kind")),
                            Nodes.text(step, n.lcm("resource-name")),
                            Nodes.text(step, n.lcm("resource-id")),
                            Nodes.text(step, n.lcm("status")),
                            Nodes.number(step, n.lcm("sequence"), 0),
                            Nodes.text(step, n.lcm("undo"))));
                  }
                });
        out.add(
            new JournaledOperation(
                ns, Nodes.text(op, n.ns("id")), Nodes.text(op, n.ns("operation")), steps));
      }
    }
    return out;
  }

  /** An operation occurrence's {@code state}, if recorded. */
  public Optional<String> operationState(String ns, String operationId) {
    return datastore
        .snapshot(DatastoreName.OPERATIONAL)
        .readNode(operationPath(ns, operationId))
        .map(op -> Nodes.text(op, n.ns("state")));
  }

  @Override
  public void close() {
    session.close();
  }

  // ---- helpers

  private List<String> staleOperations(String ns) {
    var state = nsState(ns);
    if (state.isEmpty()) {
      return List.of();
    }
    var finished =
        Nodes.entries(state.get(), n.ns("lcm-operation")).stream()
            .filter(op -> !"processing".equals(Nodes.text(op, n.ns("state"))))
            .sorted(Comparator.comparing(op -> String.valueOf(Nodes.text(op, n.ns("start-time")))))
            .map(op -> Nodes.text(op, n.ns("id")))
            .toList();
    int excess = finished.size() - (KEPT_OPERATIONS - 1);
    return excess <= 0 ? List.of() : finished.subList(0, excess);
  }

  private YangInstanceIdentifier operationPath(String ns, String operationId) {
    return paths
        .nsEntry(ns)
        .node(new NodeIdentifier(n.ns("state")))
        .node(new NodeIdentifier(n.ns("lcm-operation")))
        .node(
            YangInstanceIdentifier.NodeIdentifierWithPredicates.of(
                n.ns("lcm-operation"), n.ns("id"), operationId));
  }

  private void writeStep(
      String ns,
      String operationId,
      String stepId,
      List<DataContainerChild> op,
      String status,
      String resourceId,
      String error,
      int sequence) {
    var c = new ArrayList<DataContainerChild>();
    Trees.leaf(c, n.lcm("status"), status);
    Trees.leaf(c, n.lcm("resource-id"), resourceId);
    Trees.leaf(c, n.lcm("error-message"), error);
    if (sequence > 0) {
      Trees.leaf(c, n.lcm("sequence"), Uint32.valueOf(sequence));
    }
    var step = Trees.entry(n.lcm("step"), Map.of(n.lcm("id"), stepId), c);
    op.add(Trees.container(n.lcm("plan"), List.of(Trees.map(n.lcm("step"), List.of(step)))));
    writeOperation(ns, operationId, op, "lcm: " + stepId + " " + status);
  }

  private void writeOperation(
      String ns, String operationId, List<DataContainerChild> op, String comment) {
    var state = new ArrayList<DataContainerChild>();
    state.add(operations(Trees.entry(n.ns("lcm-operation"), Map.of(n.ns("id"), operationId), op)));
    write(comment, tx -> tx.merge(paths.nsEntry(ns), nsEntry(ns, state)));
  }

  private DataContainerChild operations(MapEntryNode op) {
    return Trees.map(n.ns("lcm-operation"), List.of(op));
  }

  private MapEntryNode nsEntry(String ns, List<DataContainerChild> stateChildren) {
    var c = new ArrayList<DataContainerChild>();
    String nsd = nsdRefs.get(ns);
    if (nsd == null) {
      nsd =
          datastore
              .snapshot(DatastoreName.OPERATIONAL)
              .readNode(paths.nsLeaf(ns, "nsd-ref"))
              .map(Nodes::text)
              .orElse(null);
      if (nsd != null) {
        nsdRefs.put(ns, nsd);
      }
    }
    Trees.leaf(c, n.ns("nsd-ref"), nsd);
    c.add(Trees.container(n.ns("state"), stateChildren));
    return Trees.entry(n.ns("ns-instance"), Map.of(n.ns("name"), ns), c);
  }

  /** One write waiting for the commit that carries it. */
  private static final class Pending {
    final String comment;
    final Edit edit;
    boolean done;
    StateWriteException error;

    Pending(String comment, Edit edit) {
      this.comment = comment;
      this.edit = edit;
    }
  }

  private final Object batchLock = new Object();
  private List<Pending> pending = new ArrayList<>();
  private boolean flushing;

  /**
   * Writes durably before returning. Writers that arrive while a commit is being written are
   * carried together by the next one (group commit): a plan step still waits for its own record to
   * be durable before it touches the VIM, but concurrent operations share the journal's sync
   * instead of queueing for one each.
   */
  private void write(String comment, Edit edit) {
    var mine = new Pending(comment, edit);
    synchronized (batchLock) {
      pending.add(mine);
    }
    while (true) {
      List<Pending> batch;
      synchronized (batchLock) {
        if (mine.done) {
          break;
        }
        if (flushing) {
          try {
            batchLock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateWriteException("interrupted while writing " + comment, e);
          }
          continue;
        }
        flushing = true;
        batch = pending;
        pending = new ArrayList<>();
      }
      try {
        commit(batch);
      } finally {
        synchronized (batchLock) {
          flushing = false;
          batchLock.notifyAll();
        }
      }
    }
    if (mine.error != null) {
      throw mine.error;
    }
  }

  private void commit(List<Pending> batch) {
    try {
      Transaction tx = session.newTransaction(DatastoreName.OPERATIONAL);
      for (Pending p : batch) {
        p.edit.apply(tx);
      }
      String comment = batch.get(0).comment;
      tx.commit(batch.size() == 1 ? comment : comment + " (+" + (batch.size() - 1) + " more)");
      for (Pending p : batch) {
        p.done = true;
      }
    } catch (RpcException | RuntimeException e) {
      if (batch.size() > 1) {
        // one bad write must not take the others down: write each alone to find it
        for (Pending p : batch) {
          commit(List.of(p));
        }
        return;
      }
      Pending p = batch.get(0);
      p.error =
          new StateWriteException(
              "operational state not written (" + p.comment + "): " + e.getMessage(), e);
      p.done = true;
    }
  }
}
