package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

class DatastoreTest {
  private InMemoryCommitLog configLog;
  private InMemoryCommitLog operationalLog;
  private Datastore datastore;
  private DatastoreSession session;

  @BeforeEach
  void open() {
    configLog = new InMemoryCommitLog();
    operationalLog = new InMemoryCommitLog();
    datastore = Shop.open(configLog, operationalLog);
    session = datastore.openSession(1, "alice");
  }

  private ChangeSet addItem(DatastoreSession s, String id, long price) throws RpcException {
    var tx = s.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item(id), Shop.itemNode(id, price, "sku-" + id));
    return tx.commit("add " + id);
  }

  @Test
  void committedDataIsVisibleAndJournaled() throws Exception {
    var changes = addItem(session, "a", 10);
    assertEquals(1, changes.sequence());
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("a")).isPresent());
    assertEquals(1, configLog.entries.size());
    assertEquals("alice", configLog.entries.get(0).user());
  }

  @Test
  void snapshotTakenBeforeCommitDoesNotSeeIt() throws Exception {
    var before = datastore.snapshot(DatastoreName.RUNNING);
    addItem(session, "a", 10);
    assertTrue(before.readNode(Shop.item("a")).isEmpty());
  }

  @Test
  void changeSetIsTyped() throws Exception {
    addItem(session, "a", 10);
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("a"), Shop.itemNode("a", 20, "sku-a"));
    tx.create(Shop.item("b"), Shop.itemNode("b", 5, "sku-b"));
    var changes = tx.commit("");
    var kinds =
        changes.changes().stream()
            .map(c -> c.kind() + " " + c.path().getLastPathArgument())
            .toList();
    assertTrue(
        kinds.stream().anyMatch(k -> k.startsWith("CREATED") && k.contains("b")), kinds.toString());
    assertTrue(
        kinds.stream().anyMatch(k -> k.startsWith("REPLACED") && k.contains("price")),
        kinds.toString());
    assertTrue(kinds.stream().anyMatch(k -> k.startsWith("MODIFIED")), kinds.toString());
  }

  @Test
  void missingMandatoryLeafIsRefusedWithDataMissingAndRunningUnchanged() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("x"), Shop.itemNode("x", 10, null));
    var e = assertThrows(RpcException.class, () -> tx.commit(""));
    assertEquals(ErrorTag.DATA_MISSING, e.errors().get(0).tag());
    assertEquals(Shop.item("x").node(Shop.SKU), e.errors().get(0).path().orElseThrow());
    assertTrue(e.errors().get(0).message().contains("sku"), e.errors().get(0).message());
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("x")).isEmpty());
    assertTrue(configLog.entries.isEmpty());
  }

  @Test
  void tooManyElementsIsRefusedWithItsAppTag() throws Exception {
    var tag = org.opendaylight.yangtools.yang.common.QName.create(Shop.NS, "tag");
    var tags = ImmutableNodes.<String>newSystemLeafSetBuilder().withNodeIdentifier(Shop.id(tag));
    for (var value : List.of("a", "b", "c")) {
      tags.withChild(ImmutableNodes.leafSetEntry(tag, value));
    }
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("t"), Shop.itemNode("t", 1, "s"));
    tx.merge(Shop.item("t").node(tag), tags.build());
    var e = assertThrows(RpcException.class, () -> tx.commit(""));
    assertEquals(ErrorTag.OPERATION_FAILED, e.errors().get(0).tag());
    assertEquals("too-many-elements", e.errors().get(0).appTag().orElseThrow());
  }

  @Test
  void createOfExistingDataFailsWithDataExists() throws Exception {
    addItem(session, "a", 10);
    var tx = session.newTransaction(DatastoreName.RUNNING);
    var e =
        assertThrows(
            RpcException.class, () -> tx.create(Shop.item("a"), Shop.itemNode("a", 1, "s")));
    assertEquals(ErrorTag.DATA_EXISTS, e.errors().get(0).tag());
    assertEquals(Shop.item("a"), e.errors().get(0).path().orElseThrow());
  }

  @Test
  void deleteOfMissingDataFailsWithDataMissing() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    var e = assertThrows(RpcException.class, () -> tx.delete(Shop.item("nope")));
    assertEquals(ErrorTag.DATA_MISSING, e.errors().get(0).tag());
  }

  @Test
  void failedAppendLeavesRunningUnchanged() throws Exception {
    configLog.failNextAppend = true;
    var e = assertThrows(RpcException.class, () -> addItem(session, "a", 10));
    assertEquals(ErrorTag.OPERATION_FAILED, e.errors().get(0).tag());
    assertTrue(e.errors().get(0).message().contains("No space left"));
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("a")).isEmpty());
    addItem(session, "a", 10);
    assertEquals(1, configLog.entries.get(0).sequence());
  }

  @Test
  void candidateEditsReachRunningOnlyOnCommit() throws Exception {
    var tx = session.newTransaction(DatastoreName.CANDIDATE);
    tx.merge(Shop.item("c"), Shop.itemNode("c", 3, "s"));
    tx.commit("");
    assertTrue(session.read(DatastoreName.CANDIDATE, Shop.item("c")).isPresent());
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("c")).isEmpty());
    assertTrue(session.candidateModified());
    session.commitCandidate("go");
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("c")).isPresent());
    assertFalse(session.candidateModified());
  }

  @Test
  void invalidCandidateIsRefusedAtCommitAndKept() throws Exception {
    var tx = session.newTransaction(DatastoreName.CANDIDATE);
    tx.merge(Shop.item("c"), Shop.itemNode("c", 3, null));
    tx.commit("");
    var e = assertThrows(RpcException.class, () -> session.commitCandidate(""));
    assertEquals(ErrorTag.DATA_MISSING, e.errors().get(0).tag());
    assertEquals(Shop.item("c").node(Shop.SKU), e.errors().get(0).path().orElseThrow());
    assertTrue(session.read(DatastoreName.CANDIDATE, Shop.item("c")).isPresent());
    assertThrows(RpcException.class, session::validateCandidate);
  }

  @Test
  void discardChangesResetsCandidateToRunning() throws Exception {
    addItem(session, "a", 10);
    var tx = session.newTransaction(DatastoreName.CANDIDATE);
    tx.delete(Shop.item("a"));
    tx.commit("");
    session.discardChanges();
    assertTrue(session.read(DatastoreName.CANDIDATE, Shop.item("a")).isPresent());
  }

  @Test
  void candidateDeleteReachesRunning() throws Exception {
    addItem(session, "a", 10);
    addItem(session, "b", 10);
    var tx = session.newTransaction(DatastoreName.CANDIDATE);
    tx.delete(Shop.item("a"));
    tx.commit("");
    var changes = session.commitCandidate("");
    assertEquals(ChangeKind.DELETED, changes.changes().get(changes.changes().size() - 1).kind());
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("a")).isEmpty());
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("b")).isPresent());
  }

  @Test
  void lockedDatastoreRefusesOtherSessionsWithInUse() throws Exception {
    session.lock(DatastoreName.RUNNING);
    var other = datastore.openSession(2, "bob");
    var e = assertThrows(RpcException.class, () -> addItem(other, "a", 1));
    assertEquals(ErrorTag.IN_USE, e.errors().get(0).tag());
    var denied = assertThrows(RpcException.class, () -> other.lock(DatastoreName.RUNNING));
    assertEquals(ErrorTag.LOCK_DENIED, denied.errors().get(0).tag());
    assertEquals("1", denied.errors().get(0).info().get("session-id"));
    addItem(session, "a", 1);
    session.close();
    addItem(other, "b", 1);
  }

  @Test
  void candidateLockRefusedWhileCandidateIsDirty() throws Exception {
    var tx = session.newTransaction(DatastoreName.CANDIDATE);
    tx.merge(Shop.item("c"), Shop.itemNode("c", 3, "s"));
    tx.commit("");
    var other = datastore.openSession(2, "bob");
    var e = assertThrows(RpcException.class, () -> other.lock(DatastoreName.CANDIDATE));
    assertEquals(ErrorTag.LOCK_DENIED, e.errors().get(0).tag());
  }

  @Test
  void rollbackUndoesTheNewestCommitsAsANewCommit() throws Exception {
    addItem(session, "a", 10);
    addItem(session, "b", 10);
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("a"), Shop.itemNode("a", 99, "sku-a"));
    tx.commit("");
    session.rollback(2);
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("b")).isEmpty());
    var price =
        session.read(DatastoreName.RUNNING, Shop.item("a").node(Shop.PRICE)).orElseThrow().body();
    assertEquals(org.opendaylight.yangtools.yang.common.Uint32.valueOf(10), price);
    assertEquals(4, datastore.history(10).get(0).sequence());
    var e = assertThrows(RpcException.class, () -> session.rollback(51));
    assertEquals(ErrorTag.INVALID_VALUE, e.errors().get(0).tag());
  }

  @Test
  void reopeningReplaysTheJournal() throws Exception {
    addItem(session, "a", 10);
    addItem(session, "b", 11);
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.delete(Shop.item("a"));
    tx.commit("");
    var reopened = Shop.open(configLog, operationalLog);
    assertEquals(
        datastore.snapshot(DatastoreName.RUNNING).readNode(Shop.SHOP_PATH),
        reopened.snapshot(DatastoreName.RUNNING).readNode(Shop.SHOP_PATH));
    var s = reopened.openSession(7, "carol");
    assertEquals(4, addItem(s, "z", 1).sequence());
  }

  @Test
  void reopeningFromSnapshotPlusJournal() throws Exception {
    addItem(session, "a", 10);
    configLog.snapshot(
        1,
        java.util.Map.of(
            DatastoreName.RUNNING,
            datastore.rootOf(DatastoreName.RUNNING),
            DatastoreName.STARTUP,
            datastore.rootOf(DatastoreName.STARTUP)));
    addItem(session, "b", 11);
    var reopened = Shop.open(configLog, operationalLog);
    assertTrue(reopened.snapshot(DatastoreName.RUNNING).readNode(Shop.item("a")).isPresent());
    assertTrue(reopened.snapshot(DatastoreName.RUNNING).readNode(Shop.item("b")).isPresent());
  }

  @Test
  void listenersReceiveChangeSetsInOrder() throws Exception {
    var received = new ArrayBlockingQueue<ChangeSet>(10);
    datastore.subscribe(DatastoreName.RUNNING, received::add);
    addItem(session, "a", 10);
    addItem(session, "b", 10);
    assertEquals(1, received.poll(5, TimeUnit.SECONDS).sequence());
    assertEquals(2, received.poll(5, TimeUnit.SECONDS).sequence());
  }

  @Test
  void commitHookVetoesWithItsOwnError() throws Exception {
    datastore.addCommitHook(
        proposed -> {
          throw new RpcException(
              io.yamano.error.RpcError.application(
                  ErrorTag.RESOURCE_DENIED, null, Shop.item("a"), "no capacity"));
        });
    var e = assertThrows(RpcException.class, () -> addItem(session, "a", 10));
    assertEquals(ErrorTag.RESOURCE_DENIED, e.errors().get(0).tag());
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("a")).isEmpty());
  }

  @Test
  void operationalWritesGoToTheirOwnLog() throws Exception {
    var tx = session.newTransaction(DatastoreName.OPERATIONAL);
    tx.merge(Shop.item("op"), Shop.itemNode("op", 1, "s"));
    tx.commit("");
    assertEquals(1, operationalLog.entries.size());
    assertTrue(configLog.entries.isEmpty());
  }

  @Test
  void emptyCommitWritesNothing() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(
        Shop.SHOP_PATH,
        ImmutableNodes.newContainerBuilder().withNodeIdentifier(Shop.id(Shop.SHOP)).build());
    addItem(session, "a", 1);
    var again = session.newTransaction(DatastoreName.RUNNING);
    again.merge(Shop.item("a"), Shop.itemNode("a", 1, "sku-a"));
    assertTrue(again.commit("").isEmpty());
    assertEquals(List.of(1L), configLog.entries.stream().map(e -> e.sequence()).toList());
  }
}
