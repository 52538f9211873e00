package io.yamano.yang.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 7950 §7.9.2: under a {@code choice} (and so under an {@code augment} of a choice, §7.17) a
 * case may be written as shorthand only for {@code choice}, {@code container}, {@code leaf}, {@code
 * list}, {@code leaf-list}, {@code anydata} and {@code anyxml}; a {@code uses} there is an error.
 * yangtools reports this misleadingly (as a missing {@code type} on a leaf of the grouping), so
 * Yamano finds it first, names it, and in lenient mode repairs an in-memory copy by wrapping the
 * {@code uses} in a {@code case} named after the grouping.
 */
final class ChoiceShorthandRule {

  /** A {@code uses} written directly under an augment of a choice. */
  record Violation(ParsedSource source, YangStatement uses, String choice) {
    SourceLocation location() {
      return new SourceLocation(source.location(), uses.line(), uses.column());
    }

    String caseName() {
      String grouping = uses.argument().trim();
      return grouping.substring(grouping.indexOf(':') + 1);
    }
  }

  private ChoiceShorthandRule() {}

  static List<Violation> find(List<ParsedSource> sources) {
    SchemaTree tree = new SchemaTree(sources);
    List<Violation> violations = new ArrayList<>();
    for (ParsedSource source : sources) {
      if (source.root().isEmpty()) {
        continue;
      }
      for (YangStatement augment : source.root().get().children("augment")) {
        tree.augmentTarget(source, augment)
            .filter(target -> target.kind().equals("choice"))
            .ifPresent(
                choice -> {
                  for (YangStatement uses : augment.children("uses")) {
                    violations.add(new Violation(source, uses, choice.name()));
                  }
                });
      }
    }
    return violations;
  }

  static ModelProblem problem(Violation v) {
    return new ModelProblem(
        v.location(),
        "RFC 7950 §7.9.2: 'uses' cannot be a shorthand case under augment of choice '"
            + v.choice()
            + "'; wrap it in a 'case' statement (or load with --lenient-models)");
  }

  static ModelWarning repairWarning(Violation v) {
    return new ModelWarning(
        v.location(),
        "RFC 7950 §7.9.2: 'uses "
            + v.uses().argument()
            + "' is a shorthand case under augment of choice '"
            + v.choice()
            + "', which YANG does not allow; loaded as if wrapped in 'case "
            + v.caseName()
            + " { ... }' (lenient mode; the file itself is unchanged)");
  }

  /**
   * Applies the repair of every violation to an in-memory copy of each affected text. Insertions
   * stay on the lines of the {@code uses}, so all other line numbers are unchanged.
   *
   * @return the repaired texts by source
   */
  static Map<ParsedSource, String> repair(List<Violation> violations) {
    Map<ParsedSource, List<Violation>> bySource = new LinkedHashMap<>();
    for (Violation v : violations) {
      bySource.computeIfAbsent(v.source(), s -> new ArrayList<>()).add(v);
    }
    Map<ParsedSource, String> repaired = new LinkedHashMap<>();
    bySource.forEach(
        (source, list) -> {
          StringBuilder text = new StringBuilder(source.text());
          list.stream()
              .sorted(Comparator.comparingInt((Violation v) -> v.uses().startOffset()).reversed())
              .forEach(
                  v -> {
                    text.insert(v.uses().endOffset(), " }");
                    text.insert(v.uses().startOffset(), "case " + v.caseName() + " { ");
                  });
          repaired.put(source, text.toString());
        });
    return repaired;
  }
}
