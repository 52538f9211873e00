package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.DATA;
import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static io.yamano.datastore.xpath.XPathFixture.xpath;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** XPath 1.0 §3.4: comparisons, with the existential semantics of node-sets. */
class ComparisonTest {
  private final XPathEvaluator evaluator = new XPathEvaluator(SCHEMA);
  private final DataCursor top = evaluator.root(DATA).children(q("top")).get(0);

  private boolean test(final String expr) {
    return evaluator.test(xpath(expr), top);
  }

  @Test
  void nodeSetEqualsStringIfAnyNodeMatches() {
    assertTrue(test("item/id = 'i2'"));
    assertFalse(test("item/id = 'i9'"));
  }

  @Test
  void nodeSetNotEqualsIfAnyNodeDiffers() {
    assertTrue(test("item/id != 'i2'"));
    assertFalse(test("name != 'alpha'"));
    assertFalse(test("nothing != 'x'"));
    assertFalse(test("nothing = 'x'"));
  }

  @Test
  void nodeSetVersusNodeSetComparesStringValues() {
    assertTrue(test("item/id = ../top/inst/item-ref"));
    assertFalse(test("item/id = tags"));
  }

  @Test
  void nodeSetVersusNumberComparesNumbers() {
    assertTrue(test("item/value = 20"));
    assertTrue(test("item/value > 25"));
    assertFalse(test("item/value > 30"));
    assertTrue(test("ratio = 2.5"));
  }

  @Test
  void nodeSetVersusBooleanConvertsTheSet() {
    assertTrue(test("item = true()"));
    assertTrue(test("nothing = false()"));
  }

  @Test
  void relationalOperatorsCompareAsNumbers() {
    assertTrue(test("'10' > '9'"));
    assertTrue(test("item/value >= 30"));
    assertTrue(test("item/value <= 10"));
    assertFalse(test("item/value < 10"));
  }

  @Test
  void equalityOfPlainValuesPrefersBooleanThenNumber() {
    assertTrue(test("'abc' = true()"));
    assertTrue(test("'1.0' = 1"));
    assertFalse(test("'1.0' = '1'"));
  }

  @Test
  void nanIsNotEqualToItself() {
    assertFalse(test("number(name) = number(string(name))"));
    assertTrue(test("number(name) != number(string(name))"));
  }

  @Test
  void canonicalLeafStrings() {
    assertTrue(test("enabled = 'true'"));
    assertTrue(test("ratio = '2.5'"));
    assertTrue(test("proto = 'xp:tcp'"));
    assertTrue(test("flags = 'a b'"));
    assertTrue(test("marker = ''"));
    assertTrue(test("boolean(marker)"));
  }
}
