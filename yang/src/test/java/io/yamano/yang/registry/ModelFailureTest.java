package io.yamano.yang.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A module that cannot be loaded is named with file, line and the real reason. */
class ModelFailureTest {

  private static ModelProblem onlyProblem(Path directory) {
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () -> SchemaRegistry.builder().addModelDirectory(directory).load());
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() {
    Path dir = Corpus.FIXTURES.resolve("syntax-error");

    ModelProblem problem = onlyProblem(dir);

    // the ';' missing after "type string" is noticed at the '}' that follows
    assertEquals(
        new SourceLocation(dir.resolve("broken-syntax.yang").toString(), 9, 5), problem.location());
    assertTrue(problem.message().startsWith("syntax error: "), problem.message());
  }

  @Test
  void unknownImportIsNamedWithItsRevision() {
    Path dir = Corpus.FIXTURES.resolve("unknown-import");

    ModelProblem problem = onlyProblem(dir);

    assertEquals(
        new SourceLocation(dir.resolve("needs-missing.yang").toString(), 6, 3), problem.location());
    assertEquals(
        "module needs-missing imports example-not-loaded revision 2020-01-01, which is not among"
            + " the loaded modules",
        problem.message());
  }

  @Test
  void unknownTypeNamesTheTypeStatement() {
    Path dir = Corpus.FIXTURES.resolve("bad-type");

    ModelProblem problem = onlyProblem(dir);

    assertEquals(
        new SourceLocation(dir.resolve("bad-type.yang").toString(), 8, 7), problem.location());
    assertTrue(problem.message().contains("no-such-type"), problem.message());
    assertTrue(problem.message().contains("not found"), problem.message());
  }

  @Test
  void oneBadModuleFailsTheWholeLoad() throws Exception {
    Path dir = Corpus.FIXTURES.resolve("partial");

    ModelProblem problem = onlyProblem(dir);

    assertTrue(problem.location().file().endsWith("b-bad-type.yang"), problem.toString());
  }

  @Test
  void missingModelDirectoryIsRefused() {
    Path dir = Corpus.FIXTURES.resolve("no-such-directory");

    ModelProblem problem = onlyProblem(dir);

    assertEquals(SourceLocation.of(dir.toString()), problem.location());
    assertEquals("model directory does not exist", problem.message());
  }
}
