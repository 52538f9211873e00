package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.DATA;
import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;

class LeafrefCheckerTest {
  private final XPathEvaluator evaluator = new XPathEvaluator(SCHEMA);
  private final LeafrefChecker leafrefs = evaluator.leafrefs();
  private final DataCursor top = evaluator.root(DATA).children(q("top")).get(0);

  private DataCursor inst(final String name) {
    return top.children(q("inst")).stream()
        .filter(i -> i.children(q("name")).get(0).stringValue().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static LeafrefTypeDefinition type(final DataCursor referrer) {
    return (LeafrefTypeDefinition) ((TypedDataSchemaNode) referrer.schemaNode()).getType();
  }

  private boolean satisfied(final DataCursor referrer) {
    return leafrefs.isSatisfied(type(referrer), referrer);
  }

  @Test
  void absolutePathToAListKey() {
    assertTrue(satisfied(inst("a").children(q("vnfd-id")).get(0)));
    assertFalse(satisfied(inst("c").children(q("vnfd-id")).get(0)));
  }

  @Test
  void targetsAreTheNodesWithTheReferrersValue() {
    final DataCursor referrer = inst("a").children(q("vnfd-id")).get(0);
    final List<DataCursor> targets = leafrefs.targets(type(referrer).getPathStatement(), referrer);
    assertEquals(1, targets.size());
    assertEquals("v1", targets.get(0).stringValue());
    assertEquals(q("id"), targets.get(0).qname());
    assertEquals(q("vnfd"), targets.get(0).parent().orElseThrow().qname());
  }

  @Test
  void derefPathAsInSol006() {
    // deref(../vnfd-id)/../df/id: inst a uses vnfd v1, which has df 'large'; inst b uses v2, which
    // has not
    assertTrue(satisfied(inst("a").children(q("df-id")).get(0)));
    assertFalse(satisfied(inst("b").children(q("df-id")).get(0)));
  }

  @Test
  void leafListEntriesAreCheckedOneByOne() {
    final List<Boolean> results =
        inst("a").children(q("item-ref")).stream()
            .map(this::satisfied)
            .collect(Collectors.toList());
    assertEquals(List.of(true, false), results);
  }

  @Test
  void requireInstanceFalseIsAlwaysSatisfied() {
    final DataCursor loose = inst("b").children(q("loose")).get(0);
    assertTrue(satisfied(loose));
    assertFalse(leafrefs.hasTarget(type(loose).getPathStatement(), loose));
  }

  @Test
  void checkingOneReferenceIntoAHundredThousandEntriesIsConstantCost() {
    final int entries = 100_000;
    final var map =
        ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(q("big")));
    for (int i = 0; i < entries; i++) {
      map.withChild(
          ImmutableNodes.newMapEntryBuilder()
              .withNodeIdentifier(NodeIdentifierWithPredicates.of(q("big"), q("id"), "k" + i))
              .withChild(ImmutableNodes.leafNode(q("id"), "k" + i))
              .withChild(ImmutableNodes.leafNode(q("ref"), i == 0 ? "missing" : "k" + (i - 1)))
              .build());
    }
    final DataCursor root =
        evaluator.root(
            ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(SchemaContext.NAME))
                .withChild(map.build())
                .build());
    final DataCursor entry =
        root.find(
                org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of(
                    new NodeIdentifier(q("big")),
                    NodeIdentifierWithPredicates.of(q("big"), q("id"), "k500")))
            .orElseThrow();
    final DataCursor ref = entry.children(q("ref")).get(0);
    final DataCursor dangling =
        root.find(
                org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of(
                    new NodeIdentifier(q("big")),
                    NodeIdentifierWithPredicates.of(q("big"), q("id"), "k0")))
            .orElseThrow()
            .children(q("ref"))
            .get(0);

    evaluator.resetVisitedNodes();
    assertTrue(satisfied(ref));
    assertFalse(satisfied(dangling));
    assertTrue(evaluator.visitedNodes() < 20, "visited " + evaluator.visitedNodes());
  }
}
