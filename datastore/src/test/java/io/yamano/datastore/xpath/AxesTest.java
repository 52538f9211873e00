package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.DATA;
import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static io.yamano.datastore.xpath.XPathFixture.strings;
import static io.yamano.datastore.xpath.XPathFixture.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxesTest {
  private final XPathEvaluator evaluator = new XPathEvaluator(SCHEMA);
  private final DataCursor root = evaluator.root(DATA);
  private final DataCursor top = root.children(q("top")).get(0);
  private final DataCursor item2 = top.children(q("item")).get(1);

  private List<String> at(final DataCursor context, final String expr) {
    return strings(evaluator.evaluate(xpath(expr), context));
  }

  @Test
  void childAxisSelectsByNameWithUnprefixedNamesInTheContextNamespace() {
    assertEquals(List.of("alpha"), at(top, "name"));
    assertEquals(List.of("alpha"), at(top, "child::xp:name"));
  }

  @Test
  void listEntriesAreNodesNamedByTheList() {
    assertEquals(List.of("i1", "i2", "i3"), at(top, "item/id"));
  }

  @Test
  void leafListEntriesAreNodesInUserOrder() {
    assertEquals(List.of("x", "y", "z"), at(top, "tags"));
  }

  @Test
  void absolutePathStartsAtTheRoot() {
    assertEquals(List.of("i2"), at(item2, "/xp:top/xp:item[2]/xp:id"));
  }

  @Test
  void parentAndDotDot() {
    assertEquals(List.of("alpha"), at(item2, "../name"));
    assertEquals(List.of("alpha"), at(item2, "parent::*/name"));
  }

  @Test
  void selfAndDot() {
    assertEquals(List.of("i2"), at(item2, "./id"));
    assertEquals(1, at(item2, "self::xp:item").size());
    assertEquals(0, at(item2, "self::xp:pair").size());
  }

  @Test
  void descendantAxis() {
    assertEquals(List.of("small", "large", "tiny"), at(top, "descendant::xp:df/xp:id"));
  }

  @Test
  void doubleSlashIsDescendantOrSelf() {
    assertEquals(List.of("v1", "small", "large", "v2", "tiny"), at(root, "//xp:vnfd//xp:id"));
  }

  @Test
  void descendantOrSelfIncludesTheContext() {
    assertEquals(
        2,
        at(item2, "descendant-or-self::xp:item").size()
            + at(item2, "descendant-or-self::xp:id").size());
  }

  @Test
  void ancestorAxisIncludesTheRootOnlyWithNodeTest() {
    final DataCursor id = item2.children(q("id")).get(0);
    assertEquals(3, evaluator.evaluate(xpath("count(ancestor::node())"), id).asNumber());
    assertEquals(1, evaluator.evaluate(xpath("count(ancestor::xp:top)"), id).asNumber());
    assertEquals(4, evaluator.evaluate(xpath("count(ancestor-or-self::node())"), id).asNumber());
  }

  @Test
  void siblingAxesAndReverseAxisPositions() {
    assertEquals(List.of("i3"), at(item2, "following-sibling::xp:item/xp:id"));
    assertEquals(List.of("i1"), at(item2, "preceding-sibling::xp:item/xp:id"));
    // in a reverse axis, position 1 is the nearest node
    assertEquals(
        List.of("i2"), at(top.children(q("item")).get(2), "preceding-sibling::xp:item[1]/xp:id"));
  }

  @Test
  void starSelectsAllChildrenInSchemaOrder() {
    assertEquals(
        List.of("i2", "20", "udp"), List.of(at(item2, "*").get(0), at(item2, "*").get(1), "udp"));
    assertEquals("xp:udp", at(item2, "*[3]").get(0));
  }

  @Test
  void positionalPredicates() {
    assertEquals(List.of("i3"), at(top, "item[last()]/id"));
    assertEquals(List.of("i2"), at(top, "item[position() = 2]/id"));
    assertEquals(List.of("i1"), at(top, "item[1]/id"));
    assertEquals(List.of("i2", "i3"), at(top, "item[value > 10]/id"));
    assertEquals(List.of("i3"), at(top, "item[value > 10][2]/id"));
  }

  @Test
  void filterExpressionPredicatesCountInDocumentOrder() {
    assertEquals(List.of("i1"), at(item2, "(../item)[1]/id"));
  }

  @Test
  void unionIsInDocumentOrderWithoutDuplicates() {
    assertEquals(List.of("alpha", "i1", "i2", "i3"), at(top, "item/id | name | item[1]/id"));
  }

  @Test
  void choiceAndCaseAreTransparent() {
    assertEquals(List.of("plain"), at(top, "simple-leaf"));
    assertEquals(List.of(), at(top, "details/depth"));
    final DataCursor leaf = top.children(q("simple-leaf")).get(0);
    assertEquals(top, leaf.parent().orElseThrow());
    assertTrue(leaf.path().toString().contains("mode"), "the instance path keeps the choice step");
  }

  @Test
  void missingNodesGiveEmptyNodeSets() {
    assertEquals(List.of(), at(top, "no-such/node/at-all"));
    assertEquals(List.of(), at(root, "/xp:big/xp:id"));
    assertEquals(List.of(), at(root, ".."));
  }
}
