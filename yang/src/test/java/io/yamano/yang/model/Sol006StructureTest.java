package io.yamano.yang.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.ModuleLike;
import org.opendaylight.yangtools.yang.model.api.Submodule;
import org.opendaylight.yangtools.yang.model.api.meta.DeclaredStatement;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;

/**
 * Guards the promise that a SOL006 document converts by namespace mapping alone: every statement
 * that shapes or constrains data must match ETSI's, whatever our descriptions say.
 */
class Sol006StructureTest {
  /** Statements that carry prose or module identity, not data shape. */
  private static final Set<String> PROSE =
      Set.of(
          "description",
          "reference",
          "organization",
          "contact",
          "revision",
          "error-message",
          "namespace",
          "prefix",
          "yang-version",
          "belongs-to",
          "include",
          "import");

  /** Our prefix for the descriptor module differs from ETSI's; data never carries it. */
  private static final Pattern PREFIX = Pattern.compile("(?<![\\w-])y?nfv:");

  private static final Pattern SPACE = Pattern.compile("\\s+");

  @Test
  void descriptorModulesMatchEtsi() {
    compare("etsi-nfv-descriptors", "yamano-nfv");
    compare("etsi-nfv-vnfd", "yamano-vnfd");
    compare("etsi-nfv-nsd", "yamano-nsd");
    compare("etsi-nfv-pnfd", "yamano-pnfd");
  }

  @Test
  void submodulesMatchEtsi() {
    Map<String, Submodule> etsi = submodules(Models.etsi(), "etsi-nfv-descriptors");
    Map<String, Submodule> ours = submodules(Models.yamano(), "yamano-nfv");
    assertEquals(etsi.size(), ours.size());
    for (var entry : etsi.entrySet()) {
      String name = entry.getKey().replace("etsi-nfv-", "yamano-nfv-");
      List<String> expected = lines(entry.getValue().asEffectiveStatement());
      assertTrue(expected.size() > 10, name + " compared on too little");
      assertSameShape(expected, lines(ours.get(name).asEffectiveStatement()), name);
    }
  }

  private static void compare(String etsiName, String ourName) {
    Module etsi = Models.etsi().findModules(etsiName).iterator().next();
    Module ours = Models.yamano().findModules(ourName).iterator().next();
    assertSameShape(
        lines(etsi.asEffectiveStatement()), lines(ours.asEffectiveStatement()), ourName);
  }

  /** Reports only the differing statements: the full lists run to thousands of lines. */
  private static void assertSameShape(List<String> expected, List<String> actual, String ourName) {
    assertEquals(List.of(), difference(expected, actual), ourName + " lacks");
    var added = difference(actual, expected);
    added.removeIf(line -> DELIBERATE_ADDITIONS.stream().anyMatch(line::endsWith));
    assertEquals(List.of(), added, ourName + " adds");
  }

  /**
   * Where Yamano deliberately departs from SOL006 v4.3.1 without changing any name or hierarchy:
   * {@code mcio-identification-data} is a presence container, because as a non-presence container
   * with mandatory leaves it would be required in every VDU, while SOL006 says it is absent for
   * VM-based VDUs; likewise {@code nfvi-maintenance-info}, described as "when present" wherever it
   * is used.
   */
  private static final List<String> DELIBERATE_ADDITIONS =
      List.of(
          "/container mcio-identification-data/presence ",
          "/container nfvi-maintenance-info/presence ");

  /** Lines of {@code from} not matched one for one in {@code other}, the first twenty. */
  private static List<String> difference(List<String> from, List<String> other) {
    Map<String, Long> left =
        other.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    List<String> out = new ArrayList<>();
    for (String line : from) {
      if (left.merge(line, -1L, Long::sum) < 0 && out.size() < 20) {
        out.add(line);
      }
    }
    return out;
  }

  private static Map<String, Submodule> submodules(EffectiveModelContext context, String module) {
    return context.findModules(module).iterator().next().getSubmodules().stream()
        .collect(Collectors.toMap(ModuleLike::getName, s -> s));
  }

  /** One line per statement, naming its ancestry, sorted so that order does not matter. */
  private static List<String> lines(EffectiveStatement<?, ?> root) {
    List<String> out = new ArrayList<>();
    var module =
        root instanceof org.opendaylight.yangtools.yang.model.api.stmt.ModuleEffectiveStatement m
            ? m.localQNameModule()
            : null;
    for (EffectiveStatement<?, ?> child : root.effectiveSubstatements()) {
      walk(child, "", out, module);
    }
    out.sort(null);
    return out;
  }

  private static void walk(
      EffectiveStatement<?, ?> stmt,
      String parent,
      List<String> out,
      org.opendaylight.yangtools.yang.common.QNameModule module) {
    String keyword = stmt.statementDefinition().getStatementName().getLocalName();
    if (PROSE.contains(keyword)) {
      return;
    }
    if (module != null && !parent.isEmpty() && keyword.equals("augment")) {
      return;
    }
    if (stmt
            instanceof
            org.opendaylight.yangtools.yang.model.api.stmt.SchemaTreeEffectiveStatement<?> node
        && module != null
        && !node.argument().getModule().equals(module)) {
      // another module's augment (yamano-vnf-lifecycle adds a VNFD's lifecycle): not SOL006's shape
      return;
    }
    String line = parent + "/" + keyword + " " + argument(keyword, stmt);
    out.add(line);
    for (EffectiveStatement<?, ?> child : stmt.effectiveSubstatements()) {
      walk(child, line, out, module);
    }
  }

  private static String argument(String keyword, EffectiveStatement<?, ?> stmt) {
    if (keyword.equals("presence")) {
      // its text is prose; only being a presence container matters
      return "";
    }
    if (stmt.argument() instanceof QName qname && keyword.equals("uses")) {
      // the grouping's module is bound by import prefix, which is ours to choose
      return qname.getLocalName();
    }
    DeclaredStatement<?> declared = stmt.getDeclared();
    String text;
    if (declared != null && declared.rawArgument() != null) {
      text = declared.rawArgument();
    } else if (stmt.argument() instanceof QName qname) {
      text = qname.getLocalName();
    } else {
      text = String.valueOf(stmt.argument());
    }
    return SPACE.matcher(PREFIX.matcher(text).replaceAll("")).replaceAll("");
  }
}
