package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.DATA;
import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static io.yamano.datastore.xpath.XPathFixture.strings;
import static io.yamano.datastore.xpath.XPathFixture.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * Equality predicates on all keys are answered by map lookup, with exactly the answers of a scan.
 */
class KeyLookupTest {
  private static final int ENTRIES = 100_000;
  private static ContainerNode bigTree;

  private final XPathEvaluator evaluator = new XPathEvaluator(SCHEMA);
  private final DataCursor top = evaluator.root(DATA).children(q("top")).get(0);

  @BeforeAll
  static void buildBigList() {
    final var map =
        ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(q("big")));
    for (int i = 0; i < ENTRIES; i++) {
      final String id = "k" + i;
      map.withChild(
          ImmutableNodes.newMapEntryBuilder()
              .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("big"), q("id"), id))
              .withChild(ImmutableNodes.leafNode(q("id"), id))
              .withChild(ImmutableNodes.leafNode(q("ref"), "k" + (ENTRIES - 1 - i)))
              .build());
    }
    bigTree =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(SchemaContext.NAME))
            .withChild(map.build())
            .build();
  }

  private List<String> at(final String expr) {
    return strings(evaluator.evaluate(xpath(expr), top));
  }

  /** Asserts a lookup expression and its scanning twin (the key wrapped in string()) agree. */
  private void assertSameAsScan(
      final String lookup, final String scan, final List<String> expected) {
    assertEquals(expected, at(lookup), lookup);
    assertEquals(expected, at(scan), scan);
  }

  @Test
  void singleKeyEqualsLiteral() {
    assertSameAsScan("item[id = 'i2']/value", "item[string(id) = 'i2']/value", List.of("20"));
    assertSameAsScan("item['i2' = id]/value", "item['i2' = string(id)]/value", List.of("20"));
  }

  @Test
  void missingKeyGivesEmpty() {
    assertSameAsScan("item[id = 'nope']", "item[string(id) = 'nope']", List.of());
  }

  @Test
  void allKeysOfACompositeKeyJoinedByAnd() {
    assertSameAsScan(
        "pair[a = 'p' and b = 2]/note", "pair[string(a) = 'p' and b = 2]/note", List.of("second"));
    assertSameAsScan(
        "pair[a = 'p'][b = '1']/note", "pair[string(a) = 'p'][b = '1']/note", List.of("first"));
  }

  @Test
  void extraConditionsAndLaterPredicatesStillApply() {
    assertSameAsScan(
        "pair[a = 'p' and b = 2 and note = 'x']",
        "pair[string(a) = 'p' and b = 2 and note = 'x']",
        List.of());
    assertSameAsScan("item[id = 'i2'][1]/id", "item[string(id) = 'i2'][1]/id", List.of("i2"));
  }

  @Test
  void nodeSetValueLooksUpEachValue() {
    assertSameAsScan(
        "item[id = /xp:top/xp:inst/xp:item-ref]/id",
        "item[string(id) = /xp:top/xp:inst/xp:item-ref]/id",
        List.of("i1"));
  }

  @Test
  void typedKeysKeepXPathStringSemantics() {
    assertSameAsScan("num[n = '5']/n", "num[string(n) = '5']/n", List.of("5"));
    assertSameAsScan("num[n = '05']/n", "num[string(n) = '05']/n", List.of());
    assertSameAsScan("num[n = 'abc']/n", "num[string(n) = 'abc']/n", List.of());
    assertSameAsScan("num[n = 7.0]/n", "num[number(n) = 7.0]/n", List.of("7"));
    assertSameAsScan("num[n = 7.5]/n", "num[number(n) = 7.5]/n", List.of());
  }

  @Test
  void currentInTheKeyExpression() {
    final DataCursor ref =
        top.children(q("inst")).stream()
            .flatMap(i -> i.children(q("item-ref")).stream())
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("10"), strings(evaluator.evaluate(xpath("../../item[id = current()]/value"), ref)));
  }

  @Test
  void lookupInAHundredThousandEntriesVisitsConstantlyManyNodes() {
    final DataCursor root = evaluator.root(bigTree);
    evaluator.resetVisitedNodes();
    assertEquals(
        List.of("k77777"),
        strings(evaluator.evaluate(xpath("/xp:big[xp:id = 'k77777']/xp:id"), root)));
    final long lookupCost = evaluator.visitedNodes();
    assertTrue(lookupCost < 10, "visited " + lookupCost);

    evaluator.resetVisitedNodes();
    assertEquals(
        List.of("k77777"),
        strings(evaluator.evaluate(xpath("/xp:big[string(xp:id) = 'k77777']/xp:id"), root)));
    assertTrue(evaluator.visitedNodes() > ENTRIES, "the scan visits every entry");
  }
}
