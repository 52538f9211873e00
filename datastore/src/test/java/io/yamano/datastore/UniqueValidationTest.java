package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 7950 §7.8.3 {@code unique}, checked incrementally. */
class UniqueValidationTest {
  private Datastore datastore;
  private DatastoreSession session;

  @BeforeEach
  void open() throws Exception {
    datastore = Shop.open(new InMemoryCommitLog(), new InMemoryCommitLog());
    session = datastore.openSession(1, "alice");
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("a"), Shop.itemNode("a", 1, "sku-1"));
    tx.merge(Shop.item("b"), Shop.itemNode("b", 1, "sku-2"));
    tx.commit("");
  }

  @Test
  void duplicateValueIsRefusedWithDataNotUnique() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("c"), Shop.itemNode("c", 1, "sku-1"));
    var e = assertThrows(RpcException.class, () -> tx.commit(""));
    var error = e.errors().get(0);
    assertEquals(ErrorTag.OPERATION_FAILED, error.tag());
    assertEquals("data-not-unique", error.appTag().orElseThrow());
    assertEquals(Shop.item("c"), error.path().orElseThrow());
    assertTrue(error.message().contains("sku"), error.message());
    assertEquals(2, error.pathInfo().size());
    assertEquals(Shop.item("a").node(Shop.SKU), error.pathInfo().get(0).path());
    assertTrue(session.read(DatastoreName.RUNNING, Shop.item("c")).isEmpty());
  }

  @Test
  void twoNewEntriesWithTheSameValueAreRefused() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("c"), Shop.itemNode("c", 1, "sku-9"));
    tx.merge(Shop.item("d"), Shop.itemNode("d", 1, "sku-9"));
    assertThrows(RpcException.class, () -> tx.commit(""));
  }

  @Test
  void swappingValuesInOneCommitIsAccepted() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("a"), Shop.itemNode("a", 1, "sku-2"));
    tx.merge(Shop.item("b"), Shop.itemNode("b", 1, "sku-1"));
    tx.commit("");
    var tx2 = session.newTransaction(DatastoreName.RUNNING);
    tx2.merge(Shop.item("c"), Shop.itemNode("c", 1, "sku-1"));
    assertThrows(RpcException.class, () -> tx2.commit(""), "index must follow the swap");
  }

  @Test
  void valueFreedByDeleteCanBeReused() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.delete(Shop.item("a"));
    tx.commit("");
    var tx2 = session.newTransaction(DatastoreName.RUNNING);
    tx2.merge(Shop.item("c"), Shop.itemNode("c", 1, "sku-1"));
    tx2.commit("");
  }

  @Test
  void indexIsRebuiltOnReopen() throws Exception {
    var configLog = new InMemoryCommitLog();
    var ds = Shop.open(configLog, new InMemoryCommitLog());
    var s = ds.openSession(1, "a");
    var tx = s.newTransaction(DatastoreName.RUNNING);
    tx.merge(Shop.item("a"), Shop.itemNode("a", 1, "sku-1"));
    tx.commit("");
    var reopened = Shop.open(configLog, new InMemoryCommitLog()).openSession(2, "b");
    var tx2 = reopened.newTransaction(DatastoreName.RUNNING);
    tx2.merge(Shop.item("z"), Shop.itemNode("z", 1, "sku-1"));
    assertThrows(RpcException.class, () -> tx2.commit(""));
  }

  @Test
  void rollbackKeepsTheIndexInStep() throws Exception {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.delete(Shop.item("a"));
    tx.commit("");
    session.rollback(1);
    var tx2 = session.newTransaction(DatastoreName.RUNNING);
    tx2.merge(Shop.item("c"), Shop.itemNode("c", 1, "sku-1"));
    var e = assertThrows(RpcException.class, () -> tx2.commit(""));
    assertEquals("data-not-unique", e.errors().get(0).appTag().orElseThrow());
  }
}
