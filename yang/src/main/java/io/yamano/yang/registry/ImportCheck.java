package io.yamano.yang.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Names every {@code import}, {@code include} and {@code belongs-to} whose target is not among the
 * loaded sources, at the line of the statement (yangtools reports only the first, tersely).
 */
final class ImportCheck {
  private ImportCheck() {}

  static List<ModelProblem> check(List<ParsedSource> sources) {
    List<ModelProblem> problems = new ArrayList<>();
    Map<String, List<SourceLocation>> unpinned = new LinkedHashMap<>();
    for (ParsedSource source : sources) {
      if (source.root().isEmpty()) {
        continue;
      }
      YangStatement root = source.root().get();
      String kind = source.isSubmodule() ? "submodule " : "module ";
      for (YangStatement s : root.children()) {
        boolean isImport = s.keyword().equals("import");
        boolean isInclude = s.keyword().equals("include");
        boolean isBelongsTo = s.keyword().equals("belongs-to");
        if (!(isImport || isInclude || isBelongsTo) || s.argument() == null) {
          continue;
        }
        String revision = s.childArgument("revision-date").orElse(null);
        boolean wantSubmodule = isInclude;
        boolean found =
            sources.stream()
                .anyMatch(
                    o ->
                        o.name().equals(s.argument())
                            && (o.root().isEmpty()
                                || o.isSubmodule() == wantSubmodule
                                    && (revision == null
                                        || o.revision().filter(revision::equals).isPresent())));
        if (found && isInclude && revision == null) {
          unpinned
              .computeIfAbsent(s.argument(), n -> new ArrayList<>())
              .add(new SourceLocation(source.location(), s.line(), s.column()));
        }
        if (!found) {
          String verb =
              isImport ? " imports " : isInclude ? " includes submodule " : " belongs to ";
          problems.add(
              new ModelProblem(
                  new SourceLocation(source.location(), s.line(), s.column()),
                  kind
                      + source.name()
                      + verb
                      + s.argument()
                      + (revision == null ? "" : " revision " + revision)
                      + ", which is not among the loaded modules"
                      + available(sources, s.argument(), wantSubmodule)));
        }
      }
    }
    unpinned.forEach(
        (name, sites) -> ambiguousInclude(sources, name, sites).ifPresent(problems::add));
    return problems;
  }

  /**
   * Two revisions of a submodule and includes without {@code revision-date}: which revision belongs
   * to which module is undecidable (typically two versions of one standard loaded together).
   */
  private static Optional<ModelProblem> ambiguousInclude(
      List<ParsedSource> sources, String name, List<SourceLocation> sites) {
    List<ParsedSource> revisions =
        sources.stream().filter(o -> o.isSubmodule() && o.name().equals(name)).toList();
    if (revisions.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        new ModelProblem(
            sites.get(0),
            "submodule "
                + name
                + " is loaded in "
                + revisions.size()
                + " revisions ("
                + revisions.stream()
                    .map(o -> o.revision().orElse("no revision") + " from " + o.location())
                    .collect(Collectors.joining(", "))
                + ") and included without revision-date here"
                + (sites.size() > 1
                    ? " and at "
                        + (sites.size() - 1)
                        + (sites.size() == 2 ? " other place" : " other places")
                    : "")
                + ", so which revision belongs to which module is ambiguous: load one revision"
                + " only, or pin the include with revision-date"));
  }

  private static String available(List<ParsedSource> sources, String name, boolean submodule) {
    List<String> revisions =
        sources.stream()
            .filter(o -> o.isSubmodule() == submodule && o.name().equals(name))
            .map(o -> o.revision().orElse("(no revision)"))
            .toList();
    return revisions.isEmpty() ? "" : " (loaded revisions: " + String.join(", ", revisions) + ")";
  }
}
