package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/** {@code must}, {@code when} and leafref enforcement at commit (RFC 7950 §8.3.3). */
class XPathValidationTest {
  private static final String NS = "urn:yamano:test:fleet";
  private static final QName FLEET = QName.create(NS, "fleet");
  private static final QName DEPOT = QName.create(NS, "depot");
  private static final QName NAME = QName.create(NS, "name");
  private static final QName CAPACITY = QName.create(NS, "capacity");
  private static final QName TRUCK = QName.create(NS, "truck");
  private static final QName ID = QName.create(NS, "id");
  private static final QName LOAD = QName.create(NS, "load");
  private static final QName TRUCK_DEPOT = QName.create(NS, "depot");
  private static final QName REFRIGERATED = QName.create(NS, "refrigerated");
  private static final QName TEMPERATURE = QName.create(NS, "temperature");

  private DatastoreSession session;

  @BeforeEach
  void open() throws Exception {
    var context =
        new DefaultYangParserFactory()
            .createParser(YangParserConfiguration.DEFAULT)
            .addSource(new URLYangTextSource(getClass().getResource("/datastore/fleet.yang")))
            .buildEffectiveModel();
    var datastore =
        Datastore.open(
            context,
            new InMemoryCommitLog(),
            new InMemoryCommitLog(),
            IncrementalValidator::forRunning);
    session = datastore.openSession(1, "alice");
    commit(depotPath("north"), depot("north", 5));
  }

  private static YangInstanceIdentifier depotPath(String name) {
    return YangInstanceIdentifier.of(FLEET, DEPOT)
        .node(NodeIdentifierWithPredicates.of(DEPOT, NAME, name));
  }

  private static YangInstanceIdentifier truckPath(String id) {
    return YangInstanceIdentifier.of(FLEET, TRUCK)
        .node(NodeIdentifierWithPredicates.of(TRUCK, ID, id));
  }

  private static MapEntryNode depot(String name, long capacity) {
    return ImmutableNodes.newMapEntryBuilder()
        .withNodeIdentifier(NodeIdentifierWithPredicates.of(DEPOT, NAME, name))
        .withChild(ImmutableNodes.leafNode(NAME, name))
        .withChild(ImmutableNodes.leafNode(CAPACITY, Uint32.valueOf(capacity)))
        .build();
  }

  private static MapEntryNode truck(String id, long load, String depot, Boolean cold, Byte temp) {
    var b =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(NodeIdentifierWithPredicates.of(TRUCK, ID, id))
            .withChild(ImmutableNodes.leafNode(ID, id))
            .withChild(ImmutableNodes.leafNode(LOAD, Uint32.valueOf(load)));
    if (depot != null) {
      b.withChild(ImmutableNodes.leafNode(TRUCK_DEPOT, depot));
    }
    if (cold != null) {
      b.withChild(ImmutableNodes.leafNode(REFRIGERATED, cold));
    }
    if (temp != null) {
      b.withChild(ImmutableNodes.leafNode(TEMPERATURE, temp));
    }
    return b.build();
  }

  private void commit(YangInstanceIdentifier path, MapEntryNode node) throws RpcException {
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(path, node);
    tx.commit("");
  }

  private RpcError refused(YangInstanceIdentifier path, MapEntryNode node) {
    var e = assertThrows(RpcException.class, () -> commit(path, node));
    return e.errors().get(0);
  }

  private static RpcError withAppTag(RpcException e, String appTag) {
    return e.errors().stream()
        .filter(error -> error.appTag().orElse("").equals(appTag))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + appTag + " in " + e.errors()));
  }

  @Test
  void mustViolationUsesTheModulesMessageAndAppTag() {
    var error = refused(truckPath("t1"), truck("t1", 11, null, null, null));
    assertEquals(ErrorTag.OPERATION_FAILED, error.tag());
    assertEquals("overload", error.appTag().orElseThrow());
    assertEquals("the load exceeds the truck's capacity", error.message());
    assertEquals(truckPath("t1"), error.path().orElseThrow());
  }

  @Test
  void mustThatHoldsIsAccepted() throws Exception {
    commit(truckPath("t1"), truck("t1", 10, "north", null, null));
  }

  @Test
  void leafrefToMissingTargetIsRefusedWithInstanceRequired() {
    var e =
        assertThrows(
            RpcException.class, () -> commit(truckPath("t1"), truck("t1", 1, "south", null, null)));
    var error = withAppTag(e, "instance-required");
    assertEquals(ErrorTag.DATA_MISSING, error.tag());
    assertEquals("instance-required", error.appTag().orElseThrow());
    assertEquals(truckPath("t1").node(TRUCK_DEPOT), error.path().orElseThrow());
  }

  @Test
  void deletingAReferencedTargetIsRefused() throws Exception {
    commit(truckPath("t1"), truck("t1", 1, "north", null, null));
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.delete(depotPath("north"));
    var e = assertThrows(RpcException.class, () -> tx.commit(""));
    assertEquals(
        truckPath("t1").node(TRUCK_DEPOT), withAppTag(e, "instance-required").path().orElseThrow());
  }

  @Test
  void nodeWhoseWhenIsFalseIsRefused() {
    var error = refused(truckPath("t1"), truck("t1", 1, null, false, (byte) 4));
    assertEquals(ErrorTag.UNKNOWN_ELEMENT, error.tag());
    assertEquals(truckPath("t1").node(TEMPERATURE), error.path().orElseThrow());
    assertTrue(error.message().contains("refrigerated"), error.message());
  }

  @Test
  void changeThatMakesAnExistingWhenFalseIsRefused() throws Exception {
    commit(truckPath("t1"), truck("t1", 1, null, true, (byte) 4));
    var tx = session.newTransaction(DatastoreName.RUNNING);
    tx.merge(truckPath("t1").node(REFRIGERATED), ImmutableNodes.leafNode(REFRIGERATED, false));
    var e = assertThrows(RpcException.class, () -> tx.commit(""));
    assertEquals(ErrorTag.UNKNOWN_ELEMENT, e.errors().get(0).tag());
  }

  @Test
  void changeElsewhereThatBreaksANonLocalMustIsRefused() throws Exception {
    commit(truckPath("t1"), truck("t1", 1, "north", null, null));
    var error = refused(depotPath("north"), depot("north", 0));
    assertEquals("must-violation", error.appTag().orElseThrow());
    assertEquals(truckPath("t1"), error.path().orElseThrow());
    assertEquals("the truck's depot has no capacity", error.message());
  }

  @Test
  void everyViolationIsReportedInOneReply() {
    var tx = assertDoesNotThrowTx();
    var e = assertThrows(RpcException.class, () -> tx.commit(""));
    // a: overload; b: depot's must and the dangling leafref
    assertEquals(3, e.errors().size(), e.errors().toString());
    withAppTag(e, "overload");
    withAppTag(e, "instance-required");
  }

  private Transaction assertDoesNotThrowTx() {
    try {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      tx.merge(truckPath("a"), truck("a", 11, null, null, null));
      tx.merge(truckPath("b"), truck("b", 1, "nowhere", null, null));
      return tx;
    } catch (RpcException e) {
      throw new AssertionError(e);
    }
  }
}
