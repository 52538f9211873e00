package io.yamano.yang.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Enough of the schema tree (RFC 7950 §4.2.3) over raw statement trees to find what an {@code
 * augment} target names: expands {@code uses} (with the namespace of the using module), follows
 * submodules, applies other modules' augments and uses-augments, and gives shorthand nodes under a
 * {@code choice} their implicit {@code case}. Ignores {@code if-feature}, {@code when}, {@code
 * refine} and deviations: it answers "what kind of node is this", nothing more. A target it cannot
 * resolve is left to yangtools to report.
 */
final class SchemaTree {
  private static final Set<String> SCHEMA_NODES =
      Set.of(
          "container",
          "list",
          "leaf",
          "leaf-list",
          "choice",
          "case",
          "anydata",
          "anyxml",
          "notification",
          "rpc",
          "action",
          "input",
          "output");
  private static final int MAX_GROUPING_DEPTH = 64;

  /** A node of the schema tree; {@code implicitCase} marks the case of a shorthand node. */
  record Node(
      String namespace,
      String name,
      String kind,
      YangStatement statement,
      boolean implicitCase,
      String key) {}

  private record Contribution(YangStatement augment, String namespace) {}

  private final Map<String, List<ParsedSource>> modulesByName = new HashMap<>();
  private final Map<String, List<ParsedSource>> submodulesByName = new HashMap<>();
  private final Map<YangStatement, ParsedSource> unitByRoot = new IdentityHashMap<>();
  private final Map<String, List<Contribution>> augmentsByTarget = new HashMap<>();
  private final Set<YangStatement> registered = Collections.newSetFromMap(new IdentityHashMap<>());

  SchemaTree(List<ParsedSource> sources) {
    for (ParsedSource source : sources) {
      source
          .root()
          .ifPresent(
              root -> {
                unitByRoot.put(root, source);
                (source.isSubmodule() ? submodulesByName : modulesByName)
                    .computeIfAbsent(source.name(), n -> new ArrayList<>())
                    .add(source);
              });
    }
    Comparator<ParsedSource> newestFirst =
        Comparator.comparing((ParsedSource s) -> s.revision().orElse("")).reversed();
    modulesByName.values().forEach(l -> l.sort(newestFirst));
    submodulesByName.values().forEach(l -> l.sort(newestFirst));
    for (ParsedSource source : unitByRoot.values()) {
      for (YangStatement augment : source.root().orElseThrow().children("augment")) {
        String key = absoluteKey(source, augment.argument());
        if (key != null) {
          augmentsByTarget
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(new Contribution(augment, source.moduleName()));
        }
      }
    }
  }

  /** The node a top-level {@code augment} of {@code source} targets, if it can be found. */
  Optional<Node> augmentTarget(ParsedSource source, YangStatement augment) {
    String key = absoluteKey(source, augment.argument());
    if (key == null) {
      return Optional.empty();
    }
    String[] steps = key.substring(1).split("/");
    String firstModule = steps[0].substring(0, steps[0].indexOf(':'));
    Optional<ParsedSource> module = newest(modulesByName, firstModule, null);
    if (module.isEmpty()) {
      return Optional.empty();
    }
    Node node =
        new Node(firstModule, firstModule, "module", module.get().root().orElseThrow(), false, "");
    for (String step : steps) {
      String wanted = node.key() + "/" + step;
      Optional<Node> next = children(node).stream().filter(c -> c.key().equals(wanted)).findFirst();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      node = next.get();
    }
    return Optional.of(node);
  }

  private List<Node> children(Node node) {
    List<Node> out = new ArrayList<>();
    if (node.implicitCase()) {
      YangStatement s = node.statement();
      out.add(
          new Node(
              node.namespace(),
              node.name(),
              s.keyword(),
              s,
              false,
              node.key() + "/" + node.namespace() + ":" + node.name()));
      return out;
    }
    if (node.kind().equals("module")) {
      for (ParsedSource unit : family(unitByRoot.get(node.statement()))) {
        expand(unit.root().orElseThrow(), node.namespace(), node.key(), out, 0);
      }
    } else {
      expand(node.statement(), node.namespace(), node.key(), out, 0);
    }
    for (Contribution c : augmentsByTarget.getOrDefault(node.key(), List.of())) {
      expand(c.augment(), c.namespace(), node.key(), out, 0);
    }
    if (node.kind().equals("choice")) {
      return out.stream()
          .map(
              c ->
                  c.kind().equals("case")
                      ? c
                      : new Node(c.namespace(), c.name(), "case", c.statement(), true, c.key()))
          .toList();
    }
    return out;
  }

  private void expand(
      YangStatement holder, String namespace, String parentKey, List<Node> out, int depth) {
    if (depth > MAX_GROUPING_DEPTH) {
      return;
    }
    for (YangStatement c : holder.children()) {
      if (SCHEMA_NODES.contains(c.keyword())) {
        String name = c.argument() != null ? c.argument() : c.keyword();
        out.add(
            new Node(
                namespace, name, c.keyword(), c, false, parentKey + "/" + namespace + ":" + name));
      } else if (c.keyword().equals("uses") && c.argument() != null) {
        grouping(c).ifPresent(g -> expand(g, namespace, parentKey, out, depth + 1));
        for (YangStatement augment : c.children("augment")) {
          registerUsesAugment(augment, namespace, parentKey);
        }
      }
    }
  }

  private void registerUsesAugment(YangStatement augment, String namespace, String parentKey) {
    if (!registered.add(augment)) {
      return;
    }
    ParsedSource unit = unitByRoot.get(augment.root());
    String relative = relativeKey(unit, augment.argument());
    if (relative != null) {
      augmentsByTarget
          .computeIfAbsent(parentKey + relative, k -> new ArrayList<>())
          .add(new Contribution(augment, namespace));
    }
  }

  private Optional<YangStatement> grouping(YangStatement uses) {
    ParsedSource unit = unitByRoot.get(uses.root());
    String ref = uses.argument().trim();
    int colon = ref.indexOf(':');
    String name = colon < 0 ? ref : ref.substring(colon + 1);
    if (colon >= 0) {
      String prefix = ref.substring(0, colon);
      if (!prefix.equals(ownPrefix(unit))) {
        Optional<ParsedSource> imported = imported(unit, prefix);
        return imported.flatMap(m -> topLevelGrouping(m, name));
      }
    }
    for (YangStatement scope = uses.parent(); scope != null; scope = scope.parent()) {
      for (YangStatement g : scope.children("grouping")) {
        if (name.equals(g.argument())) {
          return Optional.of(g);
        }
      }
    }
    return owningModule(unit).flatMap(m -> topLevelGrouping(m, name));
  }

  private Optional<YangStatement> topLevelGrouping(ParsedSource module, String name) {
    for (ParsedSource unit : family(module)) {
      for (YangStatement g : unit.root().orElseThrow().children("grouping")) {
        if (name.equals(g.argument())) {
          return Optional.of(g);
        }
      }
    }
    return Optional.empty();
  }

  /** A module and all submodules it includes, directly or through other submodules. */
  private List<ParsedSource> family(ParsedSource module) {
    List<ParsedSource> units = new ArrayList<>();
    Set<ParsedSource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<ParsedSource> pending = new ArrayList<>(List.of(module));
    while (!pending.isEmpty()) {
      ParsedSource unit = pending.remove(pending.size() - 1);
      if (!seen.add(unit)) {
        continue;
      }
      units.add(unit);
      for (YangStatement include : unit.root().orElseThrow().children("include")) {
        newest(
                submodulesByName,
                include.argument(),
                include.childArgument("revision-date").orElse(null))
            .ifPresent(pending::add);
      }
    }
    return units;
  }

  private Optional<ParsedSource> owningModule(ParsedSource unit) {
    return unit.isSubmodule() ? newest(modulesByName, unit.moduleName(), null) : Optional.of(unit);
  }

  private static Optional<ParsedSource> newest(
      Map<String, List<ParsedSource>> byName, String name, String revision) {
    return byName.getOrDefault(name, List.of()).stream()
        .filter(s -> revision == null || s.revision().filter(revision::equals).isPresent())
        .findFirst();
  }

  private static String ownPrefix(ParsedSource unit) {
    YangStatement root = unit.root().orElseThrow();
    if (unit.isSubmodule()) {
      return root.child("belongs-to").flatMap(b -> b.childArgument("prefix")).orElse(null);
    }
    return root.childArgument("prefix").orElse(null);
  }

  private Optional<ParsedSource> imported(ParsedSource unit, String prefix) {
    for (YangStatement imp : unit.root().orElseThrow().children("import")) {
      if (prefix.equals(imp.childArgument("prefix").orElse(null))) {
        return newest(
            modulesByName, imp.argument(), imp.childArgument("revision-date").orElse(null));
      }
    }
    return Optional.empty();
  }

  /** The module name a prefix stands for in {@code unit}, or {@code null}. */
  private static String moduleOf(ParsedSource unit, String prefix) {
    if (prefix == null || prefix.equals(ownPrefix(unit))) {
      return unit.moduleName();
    }
    for (YangStatement imp : unit.root().orElseThrow().children("import")) {
      if (prefix.equals(imp.childArgument("prefix").orElse(null))) {
        return imp.argument();
      }
    }
    return null;
  }

  /** {@code /a:x/b:y} with prefixes replaced by module names, or {@code null}. */
  private static String absoluteKey(ParsedSource unit, String path) {
    if (path == null || !path.trim().startsWith("/")) {
      return null;
    }
    return relativeKey(unit, path.trim().substring(1));
  }

  private static String relativeKey(ParsedSource unit, String path) {
    if (path == null) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    for (String step : path.trim().split("/")) {
      String s = step.trim();
      if (s.isEmpty()) {
        return null;
      }
      int colon = s.indexOf(':');
      String module = moduleOf(unit, colon < 0 ? null : s.substring(0, colon));
      if (module == null) {
        return null;
      }
      key.append('/').append(module).append(':').append(colon < 0 ? s : s.substring(colon + 1));
    }
    return key.toString();
  }
}
