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
  void derefMayReadAnything() {
    assertTrue(of("deref(vnfd-id)/../xp:df").unbounded());
  }

  @Test
  void siblingAxisLeavesTheContextInstance() {
    assertFalse(of("following-sibling::xp:inst").local());
  }
}
