package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.DATA;
import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static io.yamano.datastore.xpath.XPathFixture.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangVariableReferenceExpr;

/** XPath 1.0 §4 core function library. */
class CoreFunctionsTest {
  private final XPathEvaluator evaluator = new XPathEvaluator(SCHEMA);
  private final DataCursor top = evaluator.root(DATA).children(q("top")).get(0);

  private String string(final String expr) {
    return evaluator.evaluate(xpath(expr), top).asString();
  }

  private double number(final String expr) {
    return evaluator.evaluate(xpath(expr), top).asNumber();
  }

  private boolean test(final String expr) {
    return evaluator.test(xpath(expr), top);
  }

  @Test
  void lastAndPosition() {
    assertEquals("i3", string("item[position() = last()]/id"));
  }

  @Test
  void count() {
    assertEquals(3, number("count(item)"));
    assertEquals(0, number("count(nothing)"));
  }

  @Test
  void localNameNameAndNamespaceUri() {
    assertEquals("item", string("local-name(item)"));
    assertEquals("xp:item", string("name(item)"));
    assertEquals("urn:yamano:test:xp", string("namespace-uri(item)"));
    assertEquals("top", string("local-name()"));
    assertEquals("", string("local-name(nothing)"));
  }

  @Test
  void stringOfNodesNumbersAndBooleans() {
    assertEquals("alpha", string("string(name)"));
    assertEquals("42", string("string(count)"));
    assertEquals("0.5", string("string(1 div 2)"));
    assertEquals("NaN", string("string(0 div 0)"));
    assertEquals("Infinity", string("string(1 div 0)"));
    assertEquals("-3", string("string(-3)"));
    assertEquals("true", string("string(1 = 1)"));
  }

  @Test
  void stringValueOfAnInteriorNodeConcatenatesItsLeaves() {
    assertEquals("i220xp:udp", string("string(item[2])"));
  }

  @Test
  void concat() {
    assertEquals("alpha-42", string("concat(name, '-', count)"));
  }

  @Test
  void startsWithAndContains() {
    assertTrue(test("starts-with(name, 'al')"));
    assertFalse(test("starts-with(name, 'ph')"));
    assertTrue(test("contains(name, 'ph')"));
  }

  @Test
  void substringBeforeAndAfter() {
    assertEquals("1999", string("substring-before('1999/04/01', '/')"));
    assertEquals("04/01", string("substring-after('1999/04/01', '/')"));
    assertEquals("", string("substring-after('abc', 'x')"));
  }

  @Test
  void substringFollowsTheSpecExamples() {
    assertEquals("234", string("substring('12345', 2, 3)"));
    assertEquals("2345", string("substring('12345', 2)"));
    assertEquals("234", string("substring('12345', 1.5, 2.6)"));
    assertEquals("12", string("substring('12345', 0, 3)"));
    assertEquals("", string("substring('12345', 0 div 0, 3)"));
    assertEquals("", string("substring('12345', 1, 0 div 0)"));
    assertEquals("12345", string("substring('12345', -42, 1 div 0)"));
    assertEquals("", string("substring('12345', -1 div 0, 1 div 0)"));
  }

  @Test
  void stringLengthCountsCharacters() {
    assertEquals(5, number("string-length(name)"));
    assertEquals(1, number("string-length('é')"));
  }

  @Test
  void normalizeSpace() {
    assertEquals("a b c", string("normalize-space('  a \t b\n\nc ')"));
  }

  @Test
  void translate() {
    assertEquals("BAr", string("translate('bar', 'abc', 'ABC')"));
    assertEquals("AAA", string("translate('--aaa--', 'abc-', 'ABC')"));
  }

  @Test
  void booleanNotTrueFalse() {
    assertTrue(test("boolean(name)"));
    assertFalse(test("boolean(nothing)"));
    assertTrue(test("not(nothing)"));
    assertTrue(test("true() and not(nothing)"));
    assertFalse(test("boolean('')"));
    assertFalse(test("boolean(0 div 0)"));
  }

  @Test
  void langIsAlwaysFalseForYangData() {
    assertFalse(test("lang('en')"));
  }

  @Test
  void numberConversions() {
    assertEquals(42, number("number(count)"));
    assertEquals(2.5, number("number(ratio)"));
    final YangExpr exponent =
        YangFunctionCallExpr.of(YangFunction.NUMBER.getIdentifier(), YangLiteralExpr.of("1e3"));
    assertTrue(Double.isNaN(evaluator.evaluate(XPathFixture.expr(exponent), top).asNumber()));
    assertTrue(Double.isNaN(number("number(name)")));
    assertEquals(-0.5, number("number(' -.5 ')"));
  }

  @Test
  void sum() {
    assertEquals(60, number("sum(item/value)"));
  }

  @Test
  void floorCeilingRound() {
    assertEquals(2, number("floor(2.7)"));
    assertEquals(3, number("ceiling(2.1)"));
    assertEquals(3, number("round(2.5)"));
    assertEquals(-2, number("round(-2.5)"));
    assertEquals(Double.NEGATIVE_INFINITY, 1 / number("round(-0.2)"));
  }

  @Test
  void arithmetic() {
    assertEquals(2, number("5 mod 3"));
    assertEquals(-2, number("-5 mod 3"));
    assertEquals(52, number("count + 10"));
    assertEquals(-42, number("-count"));
  }

  @Test
  void unknownFunctionIsAnError() {
    final YangExpr call = YangFunctionCallExpr.of(QName.create("urn:example:fn", "frobnicate"));
    final XPathEvaluationException e =
        assertThrows(
            XPathEvaluationException.class, () -> evaluator.evaluate(XPathFixture.expr(call), top));
    assertTrue(e.getMessage().contains("frobnicate"), e.getMessage());
  }

  @Test
  void variableReferenceIsAnError() {
    final YangExpr variable = YangVariableReferenceExpr.of(QName.create("urn:example:fn", "nope"));
    final XPathEvaluationException e =
        assertThrows(
            XPathEvaluationException.class,
            () -> evaluator.evaluate(XPathFixture.expr(variable), top));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void wrongArgumentCountIsAnError() {
    final YangExpr call =
        YangFunctionCallExpr.of(
            YangFunction.COUNT.getIdentifier(),
            List.of(YangLiteralExpr.of("a"), YangLiteralExpr.of("b")));
    final XPathEvaluationException e =
        assertThrows(
            XPathEvaluationException.class, () -> evaluator.evaluate(XPathFixture.expr(call), top));
    assertTrue(e.getMessage().contains("count()"), e.getMessage());
  }

  @Test
  void nonNodeSetWherePathIsNeededIsAnError() {
    final YangExpr call =
        YangFunctionCallExpr.of(YangFunction.COUNT.getIdentifier(), YangLiteralExpr.of("a"));
    assertThrows(
        XPathEvaluationException.class, () -> evaluator.evaluate(XPathFixture.expr(call), top));
  }
}
