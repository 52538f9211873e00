package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 6241 §8.4 confirmed commit, :confirmed-commit:1.1. */
class ConfirmedCommitTest {
  private InMemoryCommitLog configLog;
  private Datastore datastore;
  private DatastoreSession alice;

  @BeforeEach
  void open() throws Exception {
    configLog = new InMemoryCommitLog();
    datastore = Shop.open(configLog, new InMemoryCommitLog());
    alice = datastore.openSession(1, "alice");
    var tx = alice.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("base"), Shop.itemNode("base", 1, "sku-base"));
    tx.commit("");
  }

  private void editCandidate(DatastoreSession session, String id) throws RpcException {
    var tx = session.newTransaction(DatastoreName.CANDIDATE);
    tx.merge(Shop.item(id), Shop.itemNode(id, 1, "sku-" + id));
    tx.commit("");
  }

  private boolean inRunning(String id) {
    return datastore.snapshot(DatastoreName.RUNNING).readNode(Shop.item(id)).isPresent();
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 10 s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void unconfirmedCommitIsUndoneWhenItsTimeoutPasses() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMillis(300), Optional.empty(), Optional.empty());
    assertTrue(inRunning("x"));
    waitUntil(() -> !inRunning("x"));
    assertTrue(inRunning("base"));
    assertTrue(datastore.pendingConfirmedCommit().isEmpty());
  }

  @Test
  void confirmingCommitKeepsTheChange() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMillis(300), Optional.empty(), Optional.empty());
    alice.commitCandidate("confirm");
    Thread.sleep(600);
    assertTrue(inRunning("x"));
    assertTrue(datastore.pendingConfirmedCommit().isEmpty());
  }

  @Test
  void cancelCommitRestoresRunning() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMinutes(10), Optional.empty(), Optional.empty());
    alice.cancelCommit(Optional.empty());
    assertFalse(inRunning("x"));
  }

  @Test
  void sessionEndUndoesACommitWithoutPersist() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMinutes(10), Optional.empty(), Optional.empty());
    alice.close();
    assertFalse(inRunning("x"));
  }

  @Test
  void otherSessionCannotConfirmWithoutPersist() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMinutes(10), Optional.empty(), Optional.empty());
    var bob = datastore.openSession(2, "bob");
    var e = assertThrows(RpcException.class, () -> bob.commitCandidate("mine"));
    assertEquals(ErrorTag.IN_USE, e.errors().get(0).tag());
  }

  @Test
  void persistedCommitOutlivesItsSessionAndIsConfirmedByPersistId() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMinutes(10), Optional.of("token-1"), Optional.empty());
    alice.close();
    assertTrue(inRunning("x"));
    var bob = datastore.openSession(2, "bob");
    var wrong =
        assertThrows(RpcException.class, () -> bob.commitCandidate("c", Optional.of("nope")));
    assertEquals(ErrorTag.INVALID_VALUE, wrong.errors().get(0).tag());
    bob.commitCandidate("c", Optional.of("token-1"));
    assertTrue(datastore.pendingConfirmedCommit().isEmpty());
    assertTrue(inRunning("x"));
  }

  @Test
  void persistedCommitSurvivesARestartAndStillTimesOut() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMillis(800), Optional.of("token-1"), Optional.empty());
    datastore.close();
    var restarted = Shop.open(configLog, new InMemoryCommitLog());
    assertEquals("token-1", restarted.pendingConfirmedCommit().orElseThrow().persistId().get());
    assertTrue(restarted.snapshot(DatastoreName.RUNNING).readNode(Shop.item("x")).isPresent());
    waitUntil(() -> restarted.snapshot(DatastoreName.RUNNING).readNode(Shop.item("x")).isEmpty());
  }

  @Test
  void sessionBoundCommitIsUndoneAtRestart() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed(
        "try", Duration.ofMinutes(10), Optional.empty(), Optional.empty());
    var restarted = Shop.open(configLog, new InMemoryCommitLog());
    assertTrue(restarted.snapshot(DatastoreName.RUNNING).readNode(Shop.item("x")).isEmpty());
    assertTrue(restarted.pendingConfirmedCommit().isEmpty());
  }

  @Test
  void extendingAConfirmedCommitKeepsTheOriginalBase() throws Exception {
    editCandidate(alice, "x");
    alice.commitCandidateConfirmed("1", Duration.ofMinutes(10), Optional.empty(), Optional.empty());
    editCandidate(alice, "y");
    alice.commitCandidateConfirmed("2", Duration.ofMinutes(10), Optional.empty(), Optional.empty());
    alice.cancelCommit(Optional.empty());
    assertFalse(inRunning("x"));
    assertFalse(inRunning("y"));
    assertTrue(inRunning("base"));
  }
}
