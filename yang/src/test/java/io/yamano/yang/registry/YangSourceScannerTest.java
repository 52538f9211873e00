package io.yamano.yang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class YangSourceScannerTest {

  @Test
  void readsQuotedConcatenatedArgumentsAndSkipsComments() throws Exception {
    String text =
        "module m { // comment\n"
            + "  /* block\n"
            + "     comment */ augment \"/a:b\"\n"
            + "     + '/a:c' {\n"
            + "    uses g;\n"
            + "  }\n"
            + "}\n";

    YangStatement root = YangSourceScanner.scan(text);

    YangStatement augment = root.child("augment").orElseThrow();
    assertEquals("/a:b/a:c", augment.argument());
    assertEquals(3, augment.line());
    assertEquals(17, augment.column());
    YangStatement uses = augment.child("uses").orElseThrow();
    assertEquals(5, uses.line());
    assertEquals("uses g;", text.substring(uses.startOffset(), uses.endOffset()));
  }

  @Test
  void reportsAnUnclosedBlockWhereTheTextEnds() {
    YangSourceScanner.SyntaxError e =
        assertThrows(
            YangSourceScanner.SyntaxError.class,
            () -> YangSourceScanner.scan("module m {\n  leaf x;\n"));

    assertEquals(3, e.line());
  }
}
