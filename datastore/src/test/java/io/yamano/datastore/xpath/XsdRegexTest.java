package io.yamano.datastore.xpath;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XsdRegexTest {
  private static boolean matches(final String xsd, final String input) {
    return XsdRegex.compile(xsd).matcher(input).matches()
        && XsdRegex.compile(xsd).matcher(input).find();
  }

  @Test
  void anchoredAtBothEndsEvenWithFind() {
    assertTrue(matches("ab", "ab"));
    assertFalse(XsdRegex.compile("ab").matcher("xaby").find());
    assertFalse(XsdRegex.compile("a|b").matcher("ab").find());
  }

  @Test
  void caretAndDollarAreLiterals() {
    assertTrue(matches("^a$", "^a$"));
    assertFalse(XsdRegex.compile("^a$").matcher("a").find());
    assertTrue(matches("[$^]+", "$^"));
  }

  @Test
  void characterClassSubtraction() {
    assertTrue(matches("[a-z-[aeiou]]+", "bcd"));
    assertFalse(matches("[a-z-[aeiou]]+", "bad"));
  }

  @Test
  void multiCharacterEscapes() {
    assertTrue(matches("\\i\\c*", "_name-1.x"));
    assertFalse(matches("\\i\\c*", "1name"));
    assertTrue(matches("\\d+", "\u0661\u0662"));
    assertFalse(matches("\\s", "\u00a0"));
  }

  @Test
  void blockEscapes() {
    assertTrue(matches("\\p{IsBasicLatin}+", "abc"));
    assertFalse(matches("\\p{IsBasicLatin}", "\u00e9"));
    assertTrue(matches("\\p{Lu}", "A"));
  }

  @Test
  void dotExcludesOnlyLineEnds() {
    assertTrue(matches(".", "\u2028"));
    assertFalse(matches(".", "\n"));
  }

  @Test
  void javaOnlySyntaxIsNotAccepted() {
    assertTrue(matches("[a&&b]+", "a&b"));
    assertThrows(XPathEvaluationException.class, () -> XsdRegex.compile("(?i)a"));
    assertThrows(XPathEvaluationException.class, () -> XsdRegex.compile("[a"));
  }
}
