package io.yamano.datastore.validation;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * Enforces {@code unique} (RFC 7950 §7.8.3) with value indexes kept per list instance, so that a
 * commit costs the number of changed entries, not the size of the list. (The data tree's own check
 * rescans the whole list on every commit.)
 */
final class UniqueCheck {
  /** Entry shape of each list with unique statements. */
  private final Map<DataShape, List<UniqueRule>> rules = new HashMap<>();

  /** Every shape that lies on the way to such a list, to prune the walks. */
  private final Set<DataShape> onTheWay = new HashSet<>();

  /** List instance path -> rule -> tuple -> entries holding it. */
  private final Map<YangInstanceIdentifier, Map<UniqueRule, Map<List<String>, Set<PathArgument>>>>
      index = new HashMap<>();

  UniqueCheck(EffectiveModelContext context) {
    SchemaWalk.forEach(
        context,
        (shape, nodePath, schemaPath, node) -> {
          if (node instanceof ListSchemaNode list
              && list.isConfiguration()
              && !list.getUniqueConstraints().isEmpty()) {
            var listRules = new ArrayList<UniqueRule>();
            for (var unique : list.getUniqueConstraints()) {
              var leaves = new ArrayList<List<QName>>();
              var defaults = new ArrayList<Optional<String>>();
              for (var descendant : unique.argument()) {
                leaves.add(descendant.getNodeIdentifiers());
                defaults.add(defaultOf(list, descendant.getNodeIdentifiers()));
              }
              listRules.add(
                  new UniqueRule(
                      unique.argument().stream()
                          .map(
                              d ->
                                  String.join(
                                      "/",
                                      d.getNodeIdentifiers().stream()
                                          .map(QName::getLocalName)
                                          .toList()))
                          .collect(java.util.stream.Collectors.joining(" ")),
                      leaves,
                      defaults));
            }
            rules.put(shape, listRules);
            for (int i = 0; i <= shape.steps().size(); i++) {
              onTheWay.add(new DataShape(shape.steps().subList(0, i)));
            }
          }
        });
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  private static Optional<String> defaultOf(DataNodeContainer list, List<QName> steps) {
    DataNodeContainer container = list;
    for (int i = 0; i < steps.size(); i++) {
      var child = container.dataChildByName(steps.get(i));
      if (i == steps.size() - 1) {
        return child instanceof LeafSchemaNode leaf
            ? leaf.getType().getDefaultValue().map(Object::toString)
            : Optional.empty();
      }
      if (!(child instanceof DataNodeContainer next)) {
        return Optional.empty();
      }
      container = next;
    }
    return Optional.empty();
  }

  /** Indexes existing data once, at start-up. */
  void build(NormalizedNode root) {
    index.clear();
    scan(YangInstanceIdentifier.of(), new DataShape(List.of()), root);
  }

  private void scan(YangInstanceIdentifier path, DataShape shape, NormalizedNode node) {
    var entryRules = rules.get(shape);
    if (entryRules != null) {
      for (var rule : entryRules) {
        rule.tuple(node)
            .ifPresent(t -> slot(path.getParent(), rule, t).add(path.getLastPathArgument()));
      }
    }
    if (node instanceof DistinctNodeContainer<?, ?> container) {
      for (var child : container.body()) {
        var childShape = shape.child(child.name().getNodeType());
        if (onTheWay.contains(childShape)) {
          scan(path.node(child.name()), childShape, child);
        }
      }
    } else if (node instanceof org.opendaylight.yangtools.yang.data.api.schema.MapNode map) {
      for (var entry : map.body()) {
        var childShape = shape.child(entry.name().getNodeType());
        if (onTheWay.contains(childShape)) {
          scan(path.node(entry.name()), childShape, entry);
        }
      }
    }
  }

  private Set<PathArgument> slot(
      YangInstanceIdentifier listPath, UniqueRule rule, List<String> tuple) {
    return index
        .computeIfAbsent(listPath, k -> new HashMap<>())
        .computeIfAbsent(rule, k -> new HashMap<>())
        .computeIfAbsent(tuple, k -> new HashSet<>());
  }

  /** One entry whose tuple for a rule changed. */
  record Move(
      YangInstanceIdentifier entryPath,
      UniqueRule rule,
      Optional<List<String>> before,
      Optional<List<String>> after) {}

  List<Move> moves(DataTreeCandidate candidate) {
    var out = new ArrayList<Move>();
    walk(
        candidate.getRootPath(),
        DataShape.of(candidate.getRootPath()),
        candidate.getRootNode(),
        out);
    return out;
  }

  private void walk(
      YangInstanceIdentifier path, DataShape shape, DataTreeCandidateNode node, List<Move> out) {
    if (node.modificationType() == ModificationType.UNMODIFIED || !onTheWay.contains(shape)) {
      return;
    }
    var entryRules = rules.get(shape);
    if (entryRules != null) {
      for (var rule : entryRules) {
        var before = rule.tuple(node.dataBefore());
        var after = rule.tuple(node.dataAfter());
        if (!before.equals(after)) {
          out.add(new Move(path, rule, before, after));
        }
      }
    }
    for (var child : node.childNodes()) {
      walk(path.node(child.name()), shape.child(child.name().getNodeType()), child, out);
    }
  }

  List<RpcError> check(List<Move> moves) {
    var errors = new ArrayList<RpcError>();
    // Per list instance and rule: entries leaving a tuple, entries arriving at one.
    var leaving = new HashMap<YangInstanceIdentifier, Map<UniqueRule, Set<PathArgument>>>();
    var arriving =
        new HashMap<
            YangInstanceIdentifier, Map<UniqueRule, Map<List<String>, List<PathArgument>>>>();
    for (var move : moves) {
      var listPath = move.entryPath().getParent();
      var entry = move.entryPath().getLastPathArgument();
      if (move.before().isPresent()) {
        leaving
            .computeIfAbsent(listPath, k -> new HashMap<>())
            .computeIfAbsent(move.rule(), k -> new HashSet<>())
            .add(entry);
      }
      move.after()
          .ifPresent(
              t ->
                  arriving
                      .computeIfAbsent(listPath, k -> new HashMap<>())
                      .computeIfAbsent(move.rule(), k -> new HashMap<>())
                      .computeIfAbsent(t, k -> new ArrayList<>())
                      .add(entry));
    }
    arriving.forEach(
        (listPath, byRule) ->
            byRule.forEach(
                (rule, byTuple) ->
                    byTuple.forEach(
                        (tuple, newcomers) -> {
                          var holders = new ArrayList<PathArgument>();
                          var existing =
                              index
                                  .getOrDefault(listPath, Map.of())
                                  .getOrDefault(rule, Map.of())
                                  .getOrDefault(tuple, Set.of());
                          var gone =
                              leaving.getOrDefault(listPath, Map.of()).getOrDefault(rule, Set.of());
                          for (var held : existing) {
                            if (!gone.contains(held)) {
                              holders.add(held);
                            }
                          }
                          holders.addAll(newcomers);
                          if (holders.size() > 1) {
                            errors.add(violation(listPath, rule, tuple, holders));
                          }
                        })));
    return errors;
  }

  private static RpcError violation(
      YangInstanceIdentifier listPath,
      UniqueRule rule,
      List<String> tuple,
      List<PathArgument> holders) {
    var newest = holders.get(holders.size() - 1);
    var other = holders.get(0);
    var message =
        "unique \""
            + rule.argument()
            + "\" violated: entries "
            + keyText(other)
            + " and "
            + keyText(newest)
            + " both have "
            + tuple;
    var error =
        RpcError.application(
            ErrorTag.OPERATION_FAILED, "data-not-unique", listPath.node(newest), message);
    // RFC 7950 §15.1: one non-unique element per unique leaf, of both clashing entries
    for (var entry : List.of(other, newest)) {
      for (var leaf : rule.leaves()) {
        var leafPath = listPath.node(entry);
        for (var step : leaf) {
          leafPath = leafPath.node(step);
        }
        error = error.withPathInfo("urn:ietf:params:xml:ns:yang:1", "non-unique", leafPath);
      }
    }
    return error;
  }

  private static String keyText(PathArgument entry) {
    if (entry instanceof YangInstanceIdentifier.NodeIdentifierWithPredicates keyed) {
      var parts = new ArrayList<String>();
      keyed.entrySet().forEach(e -> parts.add(e.getKey().getLocalName() + "=" + e.getValue()));
      return "[" + String.join(",", parts) + "]";
    }
    return entry.toString();
  }

  void apply(List<Move> moves) {
    for (var move : moves) {
      var listPath = move.entryPath().getParent();
      var entry = move.entryPath().getLastPathArgument();
      move.before()
          .ifPresent(
              t -> {
                var holders = slot(listPath, move.rule(), t);
                holders.remove(entry);
                if (holders.isEmpty()) {
                  index.get(listPath).get(move.rule()).remove(t);
                }
              });
      move.after().ifPresent(t -> slot(listPath, move.rule(), t).add(entry));
    }
  }
}
