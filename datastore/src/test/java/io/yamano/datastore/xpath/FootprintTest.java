package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static io.yamano.datastore.xpath.XPathFixture.xpath;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FootprintTest {
  private static final DataNodePath INST = DataNodePath.of(q("top"), q("inst"));

  private static Footprint of(final String expr) {
    return Footprint.of(xpath(expr), SCHEMA, INST);
  }

  @Test
  void expressionOverOwnChildrenIsLocal() {
    final Footprint footprint = of("vnfd-id != 'x' and string-length(name) > 0");
    assertTrue(footprint.local());
    assertFalse(footprint.unbounded());
    assertTrue(footprint.mayBeAffectedBy(INST.child(q("vnfd-id"))));
    assertFalse(footprint.mayBeAffectedBy(DataNodePath.of(q("top"), q("item"), q("id"))));
  }

  @Test
  void readingOtherEntriesOfTheSameListIsNotLocal() {
    final Footprint footprint = of("count(../inst[vnfd-id = current()/vnfd-id]) <= 2");
    assertFalse(footprint.local());
    assertFalse(footprint.unbounded());
    assertTrue(footprint.mayBeAffectedBy(INST));
    assertTrue(footprint.mayBeAffectedBy(INST.child(q("vnfd-id"))));
    assertFalse(footprint.mayBeAffectedBy(DataNodePath.of(q("top"), q("name"))));
  }

  @Test
  void absolutePathIsNotLocal() {
    final Footprint footprint = of("/xp:top/xp:name = 'x'");
    assertFalse(footprint.local());
    assertTrue(footprint.mayBeAffectedBy(DataNodePath.of(q("top"), q("name"))));
    assertFalse(footprint.mayBeAffectedBy(DataNodePath.of(q("top"), q("count"))));
  }

  @Test
  void changeOfAnAncestorAffectsReadsBelowIt() {
    assertTrue(of("/xp:top/xp:name = 'x'").mayBeAffectedBy(DataNodePath.of(q("top"))));
  }

  @Test
  void starReadsTheWholeSubtreeButStaysLocal() {
    final Footprint footprint = of("count(*) > 1");
    assertTrue(footprint.local());
    assertTrue(footprint.mayBeAffectedBy(INST.child(q("loose"))));
  }

  @Test
  void descendantFromTheRootMayReadAnything() {
    final Footprint footprint = of("count(//xp:id) > 0");
    assertTrue(footprint.unbounded());
    assertFalse(footprint.local());
    assertTrue(footprint.mayBeAffectedBy(DataNodePath.of(q("big"))));
  }

  @Test
  void derefOfALeafrefReadsItsTargetsGlobally() {
    // RFC 7950 §10.3.1: deref() follows the leafref's path, here /top/vnfd/id
    final Footprint footprint = of("deref(vnfd-id)/../xp:df");
    assertFalse(footprint.unbounded());
    assertFalse(footprint.local());
    final DataNodePath df = DataNodePath.of(q("top"), q("vnfd"), q("df"));
    assertTrue(footprint.affectsEveryInstance(df), "a change to any VNFD's df");
    assertFalse(footprint.affectsEveryInstance(INST.child(q("vnfd-id"))));
    assertTrue(footprint.affectsInstancesInScope(INST.child(q("vnfd-id"))));
  }

  @Test
  void derefOfANonLeafrefMayReadAnything() {
    assertTrue(of("deref(name)/../xp:df").unbounded());
  }

  @Test
  void aLeafrefThroughDerefIsScopedToItsEntry() {
    final var top =
        (org.opendaylight.yangtools.yang.model.api.DataNodeContainer)
            SCHEMA.findDataTreeChild(q("top")).orElseThrow();
    final var inst =
        (org.opendaylight.yangtools.yang.model.api.DataNodeContainer)
            top.findDataTreeChild(q("inst")).orElseThrow();
    final var leaf =
        (org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode)
            inst.findDataTreeChild(q("df-id")).orElseThrow();
    final Footprint footprint =
        Footprint.ofLeafref(
            (org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition) leaf.getType(),
            SCHEMA,
            INST.child(q("df-id")));
    assertFalse(footprint.unbounded());
    // its sibling vnfd-id is read relatively: the scope is the inst entry
    assertTrue(footprint.scope().equals(INST), footprint.scope().toString());
    assertFalse(footprint.affectsEveryInstance(INST.child(q("name"))));
    assertFalse(footprint.affectsEveryInstance(INST));
    assertTrue(footprint.affectsInstancesInScope(INST.child(q("vnfd-id"))));
    assertTrue(
        footprint.affectsEveryInstance(DataNodePath.of(q("top"), q("vnfd"), q("df"), q("id"))));
  }

  @Test
  void siblingAxisLeavesTheContextInstance() {
    assertFalse(of("following-sibling::xp:inst").local());
  }
}
