package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.DATA;
import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static io.yamano.datastore.xpath.XPathFixture.strings;
import static io.yamano.datastore.xpath.XPathFixture.xpath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7950 §10: the YANG function library. */
class YangFunctionsTest {
  private final XPathEvaluator evaluator = new XPathEvaluator(SCHEMA);
  private final DataCursor top = evaluator.root(DATA).children(q("top")).get(0);

  private boolean test(final String expr) {
    return evaluator.test(xpath(expr), top);
  }

  private DataCursor inst(final String name) {
    return top.children(q("inst")).stream()
        .filter(i -> i.children(q("name")).get(0).stringValue().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void currentIsTheInitialContextInsidePredicates() {
    final DataCursor vnfdId = inst("a").children(q("vnfd-id")).get(0);
    assertEquals(
        List.of("v1"),
        strings(evaluator.evaluate(xpath("/xp:top/xp:vnfd[xp:id = current()]/xp:id"), vnfdId)));
  }

  @Test
  void currentInTheSchemaMust() {
    final var must =
        ((org.opendaylight.yangtools.yang.model.api.ListSchemaNode)
                ((org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode)
                        SCHEMA.getDataChildByName(q("top")))
                    .getDataChildByName(q("inst")))
            .getMustConstraints()
            .iterator()
            .next()
            .getXpath();
    assertTrue(evaluator.test(must, inst("a")));
    assertEquals(
        1,
        evaluator
            .evaluate(xpath("count(../inst[vnfd-id = current()/vnfd-id])"), inst("a"))
            .asNumber());
  }

  @Test
  void derefFollowsALeafrefToItsTarget() {
    final DataCursor a = inst("a");
    assertEquals(
        List.of("small", "large"),
        strings(evaluator.evaluate(xpath("deref(vnfd-id)/../df/id"), a)));
  }

  @Test
  void derefOfADanglingLeafrefIsEmpty() {
    assertEquals(List.of(), strings(evaluator.evaluate(xpath("deref(vnfd-id)"), inst("c"))));
  }

  @Test
  void derivedFromIsStrict() {
    assertTrue(test("derived-from(proto, 'xp:ip')"));
    assertTrue(test("derived-from(proto, 'xp:transport')"));
    assertFalse(test("derived-from(proto, 'xp:tcp')"));
    assertFalse(test("derived-from(proto, 'xp:other')"));
    assertFalse(test("derived-from(name, 'xp:transport')"));
  }

  @Test
  void derivedFromOrSelfAcceptsTheIdentityItself() {
    assertTrue(test("derived-from-or-self(proto, 'xp:tcp')"));
    assertTrue(test("derived-from-or-self(proto, 'xp:ip')"));
  }

  @Test
  void derivedFromIsExistentialOverTheNodeSet() {
    assertTrue(test("derived-from(item/proto, 'xp:ip')"));
    assertEquals(
        List.of("i1", "i2"),
        strings(evaluator.evaluate(xpath("item[derived-from(proto, 'xp:ip')]/id"), top)));
  }

  @Test
  void reMatchIsAnchored() {
    assertTrue(test("re-match('abc', 'a.c')"));
    assertFalse(test("re-match('xabcx', 'a.c')"));
    assertTrue(test("re-match('1.22.333', '\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}')"));
    assertFalse(test("re-match('a|b', 'a|b')"));
    assertTrue(test("re-match('$^', '$^')"));
  }

  @Test
  void reMatchWithAnInvalidPatternIsAnError() {
    assertThrows(XPathEvaluationException.class, () -> test("re-match('a', '(')"));
  }

  @Test
  void enumValueGivesTheAssignedOrImplicitValue() {
    assertEquals(5, evaluator.evaluate(xpath("enum-value(color)"), top).asNumber());
    assertTrue(Double.isNaN(evaluator.evaluate(xpath("enum-value(name)"), top).asNumber()));
  }

  @Test
  void bitIsSet() {
    assertTrue(test("bit-is-set(flags, 'a')"));
    assertTrue(test("bit-is-set(flags, 'b')"));
    assertFalse(test("bit-is-set(flags, 'c')"));
    assertFalse(test("bit-is-set(nothing, 'a')"));
  }
}
