package io.yamano.yang.registry;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.model.api.meta.DeclarationInFile;
import org.opendaylight.yangtools.yang.model.api.meta.DeclarationInText;
import org.opendaylight.yangtools.yang.model.api.meta.DeclarationReference;
import org.opendaylight.yangtools.yang.model.api.meta.StatementSourceException;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.parser.api.YangSyntaxErrorException;
import org.opendaylight.yangtools.yang.parser.spi.meta.ReactorException;

/**
 * Turns a yangtools parser failure into {@link ModelProblem}s with file, line and column: the
 * location comes from the {@code StatementSourceReference} of each {@code SourceException} in the
 * cause chain (and among suppressed exceptions), the file from the source it was read from.
 */
final class ParserFailures {
  private static final Pattern LOCATION_SUFFIX = Pattern.compile("\\s*\\[at [^\\]]*\\]\\s*$");

  private ParserFailures() {}

  static ModelProblem syntax(YangSyntaxErrorException e, String location) {
    return new ModelProblem(
        new SourceLocation(
            location,
            Math.max(0, e.getLine()),
            Math.max(0, e.getCharPositionInLine()) + (e.getLine() > 0 ? 1 : 0)),
        "syntax error: " + clean(e.getMessage()));
  }

  static List<ModelProblem> translate(Throwable failure, Map<SourceIdentifier, String> locations) {
    Set<ModelProblem> problems = new LinkedHashSet<>();
    collect(failure, locations, null, problems, new IdentityHashMap<>());
    if (problems.isEmpty()) {
      problems.add(new ModelProblem(SourceLocation.of("(schema)"), describe(failure)));
    }
    return new ArrayList<>(problems);
  }

  /**
   * Adds the innermost located exception of each cause chain: the outer ones only say in which
   * phase it happened.
   */
  private static void collect(
      Throwable t,
      Map<SourceIdentifier, String> locations,
      String fallbackFile,
      Set<ModelProblem> out,
      Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return;
    }
    String file = fallbackFile;
    if (t instanceof ReactorException reactor && reactor.getSourceIdentifier() != null) {
      file =
          locations.getOrDefault(
              reactor.getSourceIdentifier(), reactor.getSourceIdentifier().toString());
    }
    for (Throwable suppressed : t.getSuppressed()) {
      collect(suppressed, locations, file, out, seen);
    }
    int before = out.size();
    collect(t.getCause(), locations, file, out, seen);
    if (out.size() > before) {
      return;
    }
    if (t instanceof StatementSourceException located) {
      out.add(located(located, file));
    } else if (t instanceof YangSyntaxErrorException syntax) {
      out.add(
          syntax(
              syntax,
              syntax
                  .getSource()
                  .map(id -> locations.getOrDefault(id, id.toString()))
                  .orElse(file == null ? "(unknown)" : file)));
    } else if (t instanceof ReactorException && file != null) {
      out.add(new ModelProblem(SourceLocation.of(file), clean(t.getMessage())));
    }
  }

  private static ModelProblem located(StatementSourceException e, String fallbackFile) {
    DeclarationReference ref = e.sourceRef() == null ? null : e.sourceRef().declarationReference();
    String file = fallbackFile == null ? "(unknown)" : fallbackFile;
    int line = 0;
    int column = 0;
    if (ref instanceof DeclarationInFile inFile && inFile.fileName() != null) {
      file = inFile.fileName();
    }
    if (ref instanceof DeclarationInText inText) {
      line = Math.max(0, inText.startLine());
      column = Math.max(0, inText.startColumn());
    }
    return new ModelProblem(new SourceLocation(file, line, column), clean(e.getMessage()));
  }

  private static String clean(String message) {
    if (message == null) {
      return "(no message)";
    }
    return LOCATION_SUFFIX.matcher(message).replaceAll("");
  }

  private static String describe(Throwable t) {
    StringBuilder s = new StringBuilder(clean(t.getMessage()));
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      s.append(": ").append(clean(c.getMessage()));
    }
    return s.toString();
  }
}
