package io.yamano.datastore;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;

/**
 * The confirmed-commit state machine of RFC 6241 §8.4 ({@code :confirmed-commit:1.1}): a confirmed
 * commit changes running at once and is undone when its timeout passes, when it is cancelled, or —
 * without {@code persist} — when its session ends. The pending state is written atomically with the
 * commits that start and end it, so a restart resumes the timer (or, for a session-bound commit
 * whose session died with the restart, undoes it at once).
 */
final class ConfirmedCommits implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConfirmedCommits.class.getName());

  private final Datastore datastore;
  private final ScheduledExecutorService timer;
  private PendingConfirmedCommit pending;
  private ScheduledFuture<?> expiry;
  private volatile Consumer<ConfirmedCommitEvent> listener = event -> {};

  ConfirmedCommits(Datastore datastore, Map<String, byte[]> properties) {
    this.datastore = datastore;
    var stored = properties.get(PendingConfirmedCommit.PROPERTY);
    this.pending = stored == null ? null : PendingConfirmedCommit.decode(stored);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              var thread = new Thread(r, "yamano-confirmed-commit");
              thread.setDaemon(true);
              return thread;
            });
  }

  void onEvent(Consumer<ConfirmedCommitEvent> consumer) {
    this.listener = consumer;
  }

  /** Resumes a confirmed commit found in the store at start-up. */
  synchronized void start() {
    if (pending == null) {
      return;
    }
    if (pending.persistId().isEmpty()) {
      revert("the session of the confirmed commit ended with the restart", "cancel");
    } else {
      schedule();
    }
  }

  synchronized Optional<PendingConfirmedCommit> pending() {
    return Optional.ofNullable(pending);
  }

  /** Commits {@code mod} as a confirmed commit, or extends the pending one (RFC 6241 §8.4.1). */
  synchronized ChangeSet confirmedCommit(
      DatastoreSession session,
      DataTreeModification mod,
      List<Map.Entry<YangInstanceIdentifier, NormalizedNode>> written,
      String comment,
      Duration timeout,
      Optional<String> persist,
      Optional<String> persistId)
      throws RpcException {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new RpcException(
          RpcError.protocol(ErrorTag.INVALID_VALUE, "confirm-timeout must be at least 1 second"));
    }
    long base;
    String event;
    if (pending != null) {
      checkAuthority(session, persistId);
      base = pending.baseSequence();
      event = "extend";
    } else {
      base = datastore.configSequence();
      event = "start";
    }
    var next =
        new PendingConfirmedCommit(
            base, datastore.clock().instant().plus(timeout), persist, session.id());
    var changes =
        datastore.commit(
            DatastoreName.RUNNING,
            mod,
            session.user(),
            comment,
            false,
            written,
            Map.of(PendingConfirmedCommit.PROPERTY, next.encode()),
            session.id());
    pending = next;
    schedule();
    listener.accept(new ConfirmedCommitEvent(event, session.id(), persist, Optional.of(timeout)));
    return changes;
  }

  /** Whether a plain commit from this session would confirm the pending confirmed commit. */
  synchronized boolean isPending() {
    return pending != null;
  }

  /** Confirms the pending commit with a plain commit of {@code mod} (RFC 6241 §8.4.1). */
  synchronized ChangeSet confirm(
      DatastoreSession session,
      DataTreeModification mod,
      List<Map.Entry<YangInstanceIdentifier, NormalizedNode>> written,
      String comment,
      Optional<String> persistId)
      throws RpcException {
    checkAuthority(session, persistId);
    var clear = new HashMap<String, byte[]>();
    clear.put(PendingConfirmedCommit.PROPERTY, null);
    var changes =
        datastore.commit(
            DatastoreName.RUNNING,
            mod,
            session.user(),
            comment,
            false,
            written,
            clear,
            session.id());
    var confirmed = pending;
    clearPending();
    listener.accept(
        new ConfirmedCommitEvent(
            "complete", session.id(), confirmed.persistId(), Optional.empty()));
    return changes;
  }

  /** Cancels the pending confirmed commit: running returns to what it was (RFC 6241 §8.4.11). */
  synchronized void cancel(DatastoreSession session, Optional<String> persistId)
      throws RpcException {
    if (pending == null) {
      throw new RpcException(
          RpcError.protocol(ErrorTag.OPERATION_FAILED, "no confirmed commit is pending"));
    }
    checkAuthority(session, persistId);
    revertOrThrow("cancelled by session " + session.id(), session.id());
    listener.accept(new ConfirmedCommitEvent("cancel", session.id(), persistId, Optional.empty()));
  }

  synchronized void sessionClosed(long sessionId) {
    if (pending != null && pending.persistId().isEmpty() && pending.sessionId() == sessionId) {
      revert("session " + sessionId + " ended before confirming its commit", "cancel");
    }
  }

  private void checkAuthority(DatastoreSession session, Optional<String> persistId)
      throws RpcException {
    if (pending.persistId().isPresent()) {
      if (!pending.persistId().equals(persistId)) {
        throw new RpcException(
            RpcError.protocol(
                ErrorTag.INVALID_VALUE,
                "a confirmed commit with persist is pending: give its persist-id"));
      }
    } else if (pending.sessionId() != session.id()) {
      throw new RpcException(
          RpcError.protocol(
                  ErrorTag.IN_USE,
                  "a confirmed commit of session "
                      + pending.sessionId()
                      + " is pending; only that session can confirm or cancel it")
              .withInfo("session-id", Long.toString(pending.sessionId())));
    }
  }

  private void schedule() {
    if (expiry != null) {
      expiry.cancel(false);
    }
    var delay = Duration.between(datastore.clock().instant(), pending.deadline()).toMillis();
    var scheduled = pending;
    expiry =
        timer.schedule(
            () -> {
              synchronized (this) {
                if (pending == scheduled) {
                  revert("its confirm-timeout passed", "timeout");
                }
              }
            },
            Math.max(0, delay),
            TimeUnit.MILLISECONDS);
  }

  private void revert(String why, String event) {
    try {
      var owner = pending;
      revertOrThrow(why, 0);
      listener.accept(
          new ConfirmedCommitEvent(event, owner.sessionId(), owner.persistId(), Optional.empty()));
    } catch (RpcException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "cannot undo the confirmed commit (" + why + "): " + e.errors());
    }
  }

  /** Undoes the pending commit; {@code sessionId} is who asked (0: the server on its own). */
  private void revertOrThrow(String why, long sessionId) throws RpcException {
    var clear = new HashMap<String, byte[]>();
    clear.put(PendingConfirmedCommit.PROPERTY, null);
    int count = (int) (datastore.configSequence() - pending.baseSequence());
    if (count == 0) {
      datastore.clearProperty(PendingConfirmedCommit.PROPERTY);
    } else {
      datastore.rollback(
          count,
          "yamano",
          "confirmed commit undone (" + why + "): commits %d..%d",
          clear,
          sessionId);
    }
    LOG.log(System.Logger.Level.INFO, "confirmed commit undone: " + why);
    clearPending();
  }

  private void clearPending() {
    pending = null;
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
