package io.yamano.datastore;

import io.yamano.datastore.nacm.AccessControl;
import io.yamano.datastore.operation.Operations;
import io.yamano.datastore.persist.CommitLog;
import io.yamano.datastore.persist.JournalEntry;
import io.yamano.datastore.tree.ChangeExtractor;
import io.yamano.datastore.tree.ChangeReplayer;
import io.yamano.datastore.validation.ConstraintValidator;
import io.yamano.datastore.validation.MandatoryLocator;
import io.yamano.datastore.validation.TreeErrors;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeSnapshot;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Yamano's NMDA datastores (RFC 8342): running, candidate, startup and operational, each an
 * immutable yangtools data tree. Readers take snapshots and never block; every write is a
 * transaction on a snapshot that is validated in full and then committed by an atomic root swap,
 * after it was made durable in the {@link CommitLog}.
 *
 * <p>Configuration (running, startup) and controller-owned operational state are journaled in two
 * logs, so that operational churn never pushes configuration commits out of the history that {@code
 * rollback} uses. The candidate is a working copy and is not persisted.
 */
public final class Datastore implements AutoCloseable {
  private static final long SNAPSHOT_AFTER_BYTES = 64L << 20;

  private final EffectiveModelContext context;
  private final Map<DatastoreName, DataTree> trees = new EnumMap<>(DatastoreName.class);
  private final CommitLog configLog;
  private final CommitLog operationalLog;
  private final ConstraintValidator validator;
  private final Clock clock;
  private final Object commitLock = new Object();
  private final AtomicLong configSequence = new AtomicLong();
  private final AtomicLong operationalSequence = new AtomicLong();
  private final CandidateWorkspace candidate;
  private final LockTable locks = new LockTable();
  private final ConfirmedCommits confirmedCommits;
  private final List<CommitHook> hooks = new CopyOnWriteArrayList<>();
  private final ChangeNotifier notifier = new ChangeNotifier();
  private final AccessControl accessControl;
  private final Operations operations;
  private final Map<Long, DatastoreSession> sessions = new ConcurrentHashMap<>();
  private final AtomicLong internalSessionIds = new AtomicLong(-1);
  private final io.yamano.datastore.secret.Secrets secrets;
  private final io.yamano.datastore.secret.SecretLeaves secretLeaves;
  private volatile boolean closed;

  private Datastore(
      EffectiveModelContext context,
      CommitLog configLog,
      CommitLog operationalLog,
      Function<DataTree, ConstraintValidator> validatorFactory,
      io.yamano.datastore.secret.Secrets secrets,
      Clock clock)
      throws IOException {
    this.context = Objects.requireNonNull(context);
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.secretLeaves = io.yamano.datastore.secret.SecretLeaves.of(context);
    this.configLog = configLog;
    this.operationalLog = operationalLog;
    this.clock = clock;
    var factory = new InMemoryDataTreeFactory();
    for (var name : DatastoreName.values()) {
      var type = name == DatastoreName.OPERATIONAL ? TreeType.OPERATIONAL : TreeType.CONFIGURATION;
      // The candidate may hold incomplete data between edits; it is checked in full when
      // validated or committed into running.
      boolean mandatory = name != DatastoreName.CANDIDATE;
      var config =
          new DataTreeConfiguration.Builder(type).setMandatoryNodesValidation(mandatory).build();
      trees.put(name, factory.create(config, context));
    }
    this.accessControl =
        new AccessControl(context, () -> trees.get(DatastoreName.RUNNING).takeSnapshot());
    this.operations = new Operations(accessControl);
    io.yamano.datastore.nacm.ExplainOperation.register(context, accessControl, operations);
    hooks.add(accessControl::checkRules);
    var properties = recover(configLog, configSequence);
    recover(operationalLog, operationalSequence);
    this.validator = validatorFactory.apply(trees.get(DatastoreName.RUNNING));
    this.confirmedCommits = new ConfirmedCommits(this, properties);
    this.candidate = new CandidateWorkspace(trees.get(DatastoreName.CANDIDATE));
    candidate.copyAll(trees.get(DatastoreName.RUNNING).takeSnapshot());
    confirmedCommits.start();
  }

  /**
   * Opens the datastores, restoring every durable commit from the logs.
   *
   * @param validatorFactory builds the constraint validator for the running tree once it is
   *     restored (it may index the restored data)
   */
  public static Datastore open(
      EffectiveModelContext context,
      CommitLog configLog,
      CommitLog operationalLog,
      Function<DataTree, ConstraintValidator> validatorFactory)
      throws IOException {
    return open(
        context,
        configLog,
        operationalLog,
        validatorFactory,
        io.yamano.datastore.secret.Secrets.ephemeral());
  }

  /**
   * Opens the datastores with the key that seals {@code yaaa:secret} leaves. The other overload
   * uses a key that dies with the process: right only for data that is never kept.
   */
  public static Datastore open(
      EffectiveModelContext context,
      CommitLog configLog,
      CommitLog operationalLog,
      Function<DataTree, ConstraintValidator> validatorFactory,
      io.yamano.datastore.secret.Secrets secrets)
      throws IOException {
    return new Datastore(
        context, configLog, operationalLog, validatorFactory, secrets, Clock.systemUTC());
  }

  /** The key that seals and opens secret leaves; only for the components that log in. */
  public io.yamano.datastore.secret.Secrets secrets() {
    return secrets;
  }

  /**
   * The writes that seal the clear {@code yaaa:secret} leaves of {@code data} (to be written at
   * {@code path}): each leaf's path with its sealed value. Every transaction applies them itself; a
   * front end that keeps edits of its own before committing them (the CLI's private candidate)
   * applies them too, so that not even its own view holds a secret in clear.
   *
   * @throws RpcException {@code invalid-value} at the leaf for a sealed value that does not open
   *     under this datastore's key
   */
  public java.util.List<java.util.Map.Entry<YangInstanceIdentifier, LeafNode<?>>> sealSecrets(
      YangInstanceIdentifier path, NormalizedNode data) throws RpcException {
    var found = secretLeaves.find(path, data);
    if (found.isEmpty()) {
      return java.util.List.of();
    }
    var out = new java.util.ArrayList<java.util.Map.Entry<YangInstanceIdentifier, LeafNode<?>>>();
    for (var leaf : found) {
      String value = String.valueOf(leaf.leaf().body());
      if (io.yamano.datastore.secret.Secrets.looksSealed(value)) {
        try {
          secrets.open(value); // a value sealed elsewhere would be useless later: refuse it now
        } catch (io.yamano.datastore.secret.SecretException e) {
          throw new RpcException(
              io.yamano.error.RpcError.application(
                  io.yamano.error.ErrorTag.INVALID_VALUE, null, leaf.path(), e.getMessage()));
        }
        continue;
      }
      out.add(
          java.util.Map.entry(
              leaf.path(),
              org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode(
                  leaf.leaf().name().getNodeType(), secrets.seal(value))));
    }
    return out;
  }

  private Map<String, byte[]> recover(CommitLog log, AtomicLong sequence) throws IOException {
    var recovery = log.recover();
    for (var entry : recovery.snapshots().entrySet()) {
      var tree = trees.get(entry.getKey());
      var mod = tree.takeSnapshot().newModification();
      mod.write(YangInstanceIdentifier.of(), entry.getValue());
      applyRecovered(tree, mod);
    }
    sequence.set(recovery.snapshotSequence());
    for (var entry : recovery.replay()) {
      var tree = trees.get(entry.datastore());
      var mod = tree.takeSnapshot().newModification();
      ChangeReplayer.applyForward(entry.changes(), mod);
      applyRecovered(tree, mod);
      sequence.set(entry.sequence());
    }
    return recovery.properties();
  }

  private static void applyRecovered(DataTree tree, DataTreeModification mod) throws IOException {
    try {
      mod.ready();
      tree.validate(mod);
      tree.commit(tree.prepare(mod));
    } catch (DataValidationFailedException | RuntimeException e) {
      throw new IOException(
          "stored data does not fit the loaded YANG modules: " + e.getMessage(), e);
    }
  }

  /** The schema all datastores are built on. */
  public EffectiveModelContext context() {
    return context;
  }

  /** An immutable view of one datastore as of now. Never blocks. */
  public DataTreeSnapshot snapshot(DatastoreName name) {
    return trees.get(name).takeSnapshot();
  }

  /**
   * Opens a session: the unit that holds locks and on whose behalf edits are made.
   *
   * @param sessionId the front end's session id (NETCONF session-id), unique while open
   * @param user the authenticated user
   */
  public DatastoreSession openSession(long sessionId, String user) {
    return openSession(sessionId, user, "external");
  }

  /**
   * Opens a session for a front end; its writes and operations are subject to access control (RFC
   * 8341) as {@code user}.
   *
   * @param frontEnd the interface ({@code netconf}, {@code restconf}, {@code cli}), for the audit
   *     log and denial reports
   */
  public DatastoreSession openSession(long sessionId, String user, String frontEnd) {
    return register(new DatastoreSession(this, sessionId, user, frontEnd, false));
  }

  private DatastoreSession register(DatastoreSession session) {
    long sessionId = session.id();
    if (sessions.putIfAbsent(sessionId, session) != null) {
      throw new IllegalStateException("session " + sessionId + " is already open");
    }
    return session;
  }

  /** The open session of an id (a front end's session), so work done for it runs as it. */
  public Optional<DatastoreSession> session(long sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  /**
   * A session for Yamano's own components (translators writing operational state) and local
   * administration: a recovery session that access control does not restrict (RFC 8341 §3.4).
   */
  public DatastoreSession openInternalSession(String user) {
    return register(
        new DatastoreSession(this, internalSessionIds.getAndDecrement(), user, "internal", true));
  }

  /** The access control engine (RFC 8341) every session and front end asks. */
  public AccessControl accessControl() {
    return accessControl;
  }

  /** Registers a hook that may veto commits into running. */
  public void addCommitHook(CommitHook hook) {
    hooks.add(hook);
  }

  /**
   * The rpc and action handlers: providers register here, front ends invoke through here, so every
   * front end reaches the same operations the same way.
   */
  public Operations operations() {
    return operations;
  }

  /** Subscribes to the change sets of one datastore; close the handle to unsubscribe. */
  public AutoCloseable subscribe(DatastoreName name, ChangeListener listener) {
    return notifier.subscribe(name, listener);
  }

  /** The newest commits to running and startup, newest first (at most the log's history depth). */
  public List<CommitRecord> history(int limit) throws IOException {
    var out = new ArrayList<CommitRecord>();
    for (var entry : configLog.history(limit)) {
      out.add(
          new CommitRecord(
              entry.sequence(),
              entry.datastore(),
              entry.user(),
              entry.time(),
              entry.comment(),
              entry.changes().size()));
    }
    return out;
  }

  /** How many commits {@link #rollback} can undo. */
  public int historyDepth() {
    return configLog.historyDepth();
  }

  /** The session holding the lock of a datastore (RFC 6241 §7.5), if any. */
  public Optional<Long> lockHolder(DatastoreName name) {
    return locks.holder(name);
  }

  LockTable locks() {
    return locks;
  }

  CandidateWorkspace candidate() {
    return candidate;
  }

  DataTree tree(DatastoreName name) {
    return trees.get(name);
  }

  Clock clock() {
    return clock;
  }

  /** The confirmed commit waiting for confirmation, if any (RFC 6241 §8.4). */
  public Optional<PendingConfirmedCommit> pendingConfirmedCommit() {
    return confirmedCommits.pending();
  }

  /**
   * Receives every confirmed-commit event (start, extend, complete, cancel, timeout), for the
   * {@code netconf-confirmed-commit} notification of RFC 6470 §2.2. Called on the thread that
   * caused the event, after it is durable; one listener (a later call replaces it).
   */
  public void onConfirmedCommit(Consumer<ConfirmedCommitEvent> listener) {
    confirmedCommits.onEvent(listener);
  }

  ConfirmedCommits confirmedCommits() {
    return confirmedCommits;
  }

  long configSequence() {
    return configSequence.get();
  }

  void clearProperty(String key) throws RpcException {
    try {
      configLog.putProperty(key, null);
    } catch (IOException e) {
      throw new RpcException(
          List.of(
              RpcError.application(
                  ErrorTag.OPERATION_FAILED, null, null, "cannot update the store: " + e)),
          e);
    }
  }

  void sessionClosed(DatastoreSession session) {
    sessions.remove(session.id());
    confirmedCommits.sessionClosed(session.id());
    if (locks.holder(DatastoreName.CANDIDATE).filter(h -> h == session.id()).isPresent()) {
      // RFC 6241 §7.5: a session that ends while holding the candidate lock discards its changes.
      candidate.discard(trees.get(DatastoreName.RUNNING).takeSnapshot());
    }
    locks.releaseAll(session.id());
  }

  /**
   * Validates and commits a sealed modification of {@code target} (running, startup or
   * operational). Returns the change set; a modification that changes nothing gives an empty one
   * with sequence 0 and writes nothing.
   */
  ChangeSet commit(
      DatastoreName target, DataTreeModification mod, String user, String comment, boolean dryRun)
      throws RpcException {
    return commit(target, mod, user, comment, dryRun, List.of(), Map.of(), 0);
  }

  ChangeSet commit(
      DatastoreName target,
      DataTreeModification mod,
      String user,
      String comment,
      boolean dryRun,
      List<Map.Entry<YangInstanceIdentifier, NormalizedNode>> written)
      throws RpcException {
    return commit(target, mod, user, comment, dryRun, written, Map.of(), 0);
  }

  /**
   * As {@link #commit(DatastoreName, DataTreeModification, String, String, boolean)}, with the
   * subtrees the modification wrote, so that a missing mandatory node is reported at its path.
   */
  ChangeSet commit(
      DatastoreName target,
      DataTreeModification mod,
      String user,
      String comment,
      boolean dryRun,
      List<Map.Entry<YangInstanceIdentifier, NormalizedNode>> written,
      Map<String, byte[]> properties,
      long sessionId)
      throws RpcException {
    return commit(target, mod, user, comment, dryRun, written, properties, sessionId, null);
  }

  /**
   * As above, checking every changed node against {@code writer}'s write access (RFC 8341 §3.4.5)
   * before anything else; null for commits that are not checked (the candidate's edits were checked
   * when they were made; the server's own commits).
   */
  ChangeSet commit(
      DatastoreName target,
      DataTreeModification mod,
      String user,
      String comment,
      boolean dryRun,
      List<Map.Entry<YangInstanceIdentifier, NormalizedNode>> written,
      Map<String, byte[]> properties,
      long sessionId,
      DatastoreSession writer)
      throws RpcException {
    if (closed) {
      throw new RpcException(
          RpcError.protocol(ErrorTag.OPERATION_FAILED, "the datastore is shutting down"));
    }
    var tree = trees.get(target);
    synchronized (commitLock) {
      DataTreeCandidate prepared;
      try {
        tree.validate(mod);
        prepared = tree.prepare(mod);
      } catch (DataValidationFailedException e) {
        throw new RpcException(TreeErrors.fromValidation(e));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new RpcException(
            MandatoryLocator.locate(e.getMessage(), written, context)
                .orElseGet(() -> TreeErrors.fromUnchecked(YangInstanceIdentifier.of(), e)));
      }
      var changes = ChangeExtractor.dataChanges(prepared);
      if (writer != null) {
        writer.access().checkWrite(changes, writer.frontEnd());
      }
      if (changes.isEmpty() && !dryRun && properties.isEmpty()) {
        return new ChangeSet(
            0,
            target,
            user,
            clock.instant(),
            comment,
            List.of(),
            prepared.getRootNode().dataAfter(),
            sessionId);
      }
      boolean config = target != DatastoreName.OPERATIONAL;
      if (target == DatastoreName.RUNNING) {
        var errors = validator.validate(prepared, changes);
        if (!errors.isEmpty()) {
          throw new RpcException(errors);
        }
      }
      var sequenceCounter = config ? configSequence : operationalSequence;
      var now = clock.instant();
      var proposed =
          new ChangeSet(
              0,
              target,
              user,
              now,
              comment,
              changes,
              prepared.getRootNode().dataAfter(),
              sessionId);
      if (target == DatastoreName.RUNNING) {
        for (var hook : hooks) {
          hook.validate(proposed);
        }
      }
      if (dryRun) {
        return proposed;
      }
      long sequence = sequenceCounter.get() + 1;
      var entry =
          new JournalEntry(
              sequence, target, user, now, comment, ChangeExtractor.nodeChanges(prepared));
      var log = config ? configLog : operationalLog;
      try {
        log.append(entry, properties);
      } catch (IOException e) {
        throw new RpcException(
            List.of(
                RpcError.application(
                    ErrorTag.OPERATION_FAILED,
                    null,
                    null,
                    "the commit could not be made durable, nothing was changed: "
                        + e.getMessage())),
            e);
      }
      sequenceCounter.set(sequence);
      tree.commit(prepared);
      if (target == DatastoreName.RUNNING) {
        validator.committed(prepared);
        candidate.followRunning(entry.changes());
      }
      maybeSnapshot(log, config, sequence);
      var committed =
          new ChangeSet(
              sequence,
              target,
              user,
              now,
              comment,
              changes,
              prepared.getRootNode().dataAfter(),
              sessionId);
      notifier.publish(committed);
      return committed;
    }
  }

  private void maybeSnapshot(CommitLog log, boolean config, long sequence) {
    if (log.bytesSinceSnapshot() < SNAPSHOT_AFTER_BYTES) {
      return;
    }
    var roots = new EnumMap<DatastoreName, NormalizedNode>(DatastoreName.class);
    if (config) {
      roots.put(DatastoreName.RUNNING, rootOf(DatastoreName.RUNNING));
      roots.put(DatastoreName.STARTUP, rootOf(DatastoreName.STARTUP));
    } else {
      roots.put(DatastoreName.OPERATIONAL, rootOf(DatastoreName.OPERATIONAL));
    }
    try {
      log.snapshot(sequence, roots);
    } catch (IOException e) {
      // The journal still holds every commit; a failed snapshot only delays compaction.
      System.getLogger(Datastore.class.getName())
          .log(System.Logger.Level.WARNING, "snapshot failed, will retry: " + e.getMessage());
    }
  }

  NormalizedNode rootOf(DatastoreName name) {
    return trees.get(name).takeSnapshot().readNode(YangInstanceIdentifier.of()).orElseThrow();
  }

  /**
   * Undoes the newest {@code count} commits to running as one new commit (so the rollback itself
   * can be rolled back).
   */
  ChangeSet rollback(int count, String user, long sessionId) throws RpcException {
    return rollback(count, user, "rollback of commits %d..%d", Map.of(), sessionId, null);
  }

  ChangeSet rollback(int count, DatastoreSession session) throws RpcException {
    return rollback(
        count,
        session.user(),
        "rollback of commits %d..%d",
        Map.of(),
        session.id(),
        session.isInternal() ? null : session);
  }

  /**
   * Undoes the newest {@code count} commits, setting {@code properties} atomically with the undo;
   * {@code comment} may name the first and last undone sequence with two {@code %d}.
   */
  ChangeSet rollback(
      int count, String user, String comment, Map<String, byte[]> properties, long sessionId)
      throws RpcException {
    return rollback(count, user, comment, properties, sessionId, null);
  }

  private ChangeSet rollback(
      int count,
      String user,
      String comment,
      Map<String, byte[]> properties,
      long sessionId,
      DatastoreSession writer)
      throws RpcException {
    var entries = undoable(count);
    synchronized (commitLock) {
      var mod = trees.get(DatastoreName.RUNNING).takeSnapshot().newModification();
      for (var entry : entries) {
        if (entry.datastore() == DatastoreName.RUNNING) {
          ChangeReplayer.applyInverse(entry.changes(), mod);
        }
      }
      try {
        mod.ready();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new RpcException(TreeErrors.fromUnchecked(YangInstanceIdentifier.of(), e));
      }
      var first = entries.get(entries.size() - 1).sequence();
      return commit(
          DatastoreName.RUNNING,
          mod,
          user,
          String.format(java.util.Locale.ROOT, comment, first, entries.get(0).sequence()),
          false,
          List.of(),
          properties,
          sessionId,
          writer);
    }
  }

  /**
   * Running as it was before the newest {@code count} commits, without changing anything: what a
   * CLI loads into its candidate for {@code rollback N} or compares with for {@code compare
   * rollback N}. {@code count} 0 gives running as of now.
   */
  public NormalizedNode runningBefore(int count) throws RpcException {
    synchronized (commitLock) {
      var mod = trees.get(DatastoreName.RUNNING).takeSnapshot().newModification();
      if (count > 0) {
        for (var entry : undoable(count)) {
          if (entry.datastore() == DatastoreName.RUNNING) {
            ChangeReplayer.applyInverse(entry.changes(), mod);
          }
        }
      }
      return mod.readNode(YangInstanceIdentifier.of()).orElseThrow();
    }
  }

  private List<JournalEntry> undoable(int count) throws RpcException {
    List<JournalEntry> entries;
    try {
      entries = configLog.history(count);
    } catch (IOException e) {
      throw new RpcException(
          List.of(
              RpcError.application(
                  ErrorTag.OPERATION_FAILED,
                  null,
                  null,
                  "cannot read the commit history: " + e.getMessage())),
          e);
    }
    if (count < 1 || entries.size() < count) {
      throw new RpcException(
          RpcError.application(
              ErrorTag.INVALID_VALUE,
              null,
              null,
              "cannot roll back "
                  + count
                  + " commits: the history holds "
                  + entries.size()
                  + " (at most "
                  + configLog.historyDepth()
                  + " are kept)"));
    }
    return entries;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    synchronized (commitLock) {
      closed = true;
      confirmedCommits.close();
      notifier.close();
      try {
        configLog.close();
      } finally {
        operationalLog.close();
      }
    }
  }
}
