package io.yamano.cli.parse;

import io.yamano.cli.schema.Child;
import io.yamano.cli.schema.SchemaTree;
import io.yamano.cli.schema.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;

/**
 * Reads the path part of a command against the schema: names of containers, lists followed by their
 * key values, leaves followed by values ({@code set}, action input). The same walk answers
 * completion: asked to stop at a token, it says what may stand there.
 *
 * <p>Names may be abbreviated to any unambiguous prefix, or to their last hyphenated words ({@code
 * aspect} for {@code scaling-aspect}); an action input word that is a value of exactly one
 * not-yet-given enumeration leaf sets that leaf ({@code out} for {@code direction out}).
 */
public final class PathParser {
  /** What the path is for, which decides what it may name and where it may end. */
  public enum Purpose {
    /** configuration leaves with values; ends anywhere after at least one name */
    SET,
    /** configuration nodes; a leaf-list may be followed by the value to delete */
    DELETE,
    /** configuration nodes to show */
    SHOW_CONFIG,
    /** configuration and state nodes to show */
    SHOW,
    /** a container or list entry to edit */
    EDIT,
    /** a path to an action, then its input */
    REQUEST
  }

  private final SchemaTree schema;
  private final Values values;
  private final LiveData live;

  public PathParser(SchemaTree schema, Values values, LiveData live) {
    this.schema = schema;
    this.values = values;
    this.live = live;
  }

  /** Parses tokens from {@code from} up to the end or a pipe. */
  public ParsedPath parse(Level start, List<Token> tokens, int from, Purpose purpose)
      throws CliSyntaxException {
    try {
      return new Walk(start, tokens, purpose, -1).run(from);
    } catch (Stop stop) {
      throw new IllegalStateException("not completing", stop);
    }
  }

  /** What may stand at token {@code at} given the tokens before it. */
  public Expectation expect(Level start, List<Token> tokens, int from, int at, Purpose purpose)
      throws CliSyntaxException {
    try {
      new Walk(start, tokens, purpose, at).run(from);
      return Expectation.of(List.of(), false);
    } catch (Stop stop) {
      return stop.expectation;
    }
  }

  /** Thrown when the walk reaches the token being completed. */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Expectation expectation;

    Stop(Expectation expectation) {
      super(null, null, false, false);
      this.expectation = expectation;
    }
  }

  private final class Walk {
    final List<Token> tokens;
    final Purpose purpose;
    final int stopAt;
    final SchemaTree.Filter filter;
    Level level;
    YangInstanceIdentifier path;
    DataSchemaNode node;
    List<QName> schemaPath;
    ActionDefinition action;
    YangInstanceIdentifier actionTarget;
    final List<ParsedPath.Assignment> assignments = new ArrayList<>();
    boolean named;

    Walk(Level start, List<Token> tokens, Purpose purpose, int stopAt) {
      this.tokens = tokens;
      this.purpose = purpose;
      this.stopAt = stopAt;
      this.filter =
          purpose == Purpose.SHOW || purpose == Purpose.REQUEST
              ? SchemaTree.Filter.ALL
              : SchemaTree.Filter.CONFIG;
      this.level = start;
      this.path = start.path();
      this.node = start.container() instanceof DataSchemaNode d ? d : null;
      this.schemaPath = start.schemaPath();
    }

    boolean atEnd(int i) {
      return i >= tokens.size() || tokens.get(i).isPipe();
    }

    int endColumn(int i) {
      if (i < tokens.size()) {
        return tokens.get(i).start();
      }
      return tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end() + 1;
    }

    ParsedPath run(int i) throws CliSyntaxException, Stop {
      while (true) {
        boolean canEnd = canEndAtLevel();
        var children =
            withoutKeys(
                action != null
                    ? schema.children(level.container(), SchemaTree.Filter.ALL)
                    : schema.children(level.container(), filter));
        if (i == stopAt) {
          throw new Stop(Expectation.of(words(children), canEnd));
        }
        if (atEnd(i)) {
          if (!canEnd) {
            throw new CliSyntaxException(endColumn(i), incomplete());
          }
          return result(i);
        }
        var token = tokens.get(i);
        if (purpose == Purpose.REQUEST && action == null) {
          var act = matchAction(token);
          if (act != null) {
            enterAction(act, token);
            i++;
            continue;
          }
        }
        Child child = match(children, token);
        if (child == null && action != null) {
          if (positional(children, token)) {
            i++;
            continue;
          }
        }
        if (child == null) {
          throw unknown(children, token);
        }
        i++;
        named = true;
        var childPath = level.path();
        for (var step : child.dataSteps()) {
          childPath = childPath.node(new NodeIdentifier(step));
        }
        var childSchema = new ArrayList<>(level.schemaPath());
        childSchema.addAll(child.schemaSteps());
        var words = new ArrayList<>(level.words());
        words.add(child.word());
        var n = child.node();
        if (n instanceof ContainerSchemaNode container) {
          level = new Level(container, childSchema, childPath, words);
          path = childPath;
          node = n;
          schemaPath = childSchema;
        } else if (n instanceof ListSchemaNode list) {
          path = childPath;
          node = n;
          schemaPath = childSchema;
          i = keys(list, childSchema, childPath, words, i);
        } else if (n instanceof LeafSchemaNode || n instanceof LeafListSchemaNode) {
          var typed = (TypedDataSchemaNode) n;
          boolean needsValue = purpose == Purpose.SET || (action != null);
          if (needsValue) {
            i = value(typed, childSchema, childPath, i, n instanceof LeafListSchemaNode);
          } else {
            path = childPath;
            node = n;
            schemaPath = childSchema;
            if (purpose == Purpose.EDIT) {
              throw new CliSyntaxException(token.start(), "cannot edit a leaf: " + token.text());
            }
            if (n instanceof LeafListSchemaNode && purpose == Purpose.DELETE) {
              if (i == stopAt) {
                throw new Stop(valueExpectation(typed, childSchema, true));
              }
              if (!atEnd(i)) {
                var v = parseValue(typed, childSchema, tokens.get(i));
                path = childPath.node(new NodeWithValue<>(n.getQName(), v));
                i++;
              }
            }
            if (i == stopAt) {
              throw new Stop(Expectation.of(List.of(), true));
            }
            if (!atEnd(i)) {
              throw new CliSyntaxException(
                  tokens.get(i).start(), "unexpected '" + tokens.get(i).text() + "' after a leaf");
            }
            return result(i);
          }
        }
      }
    }

    /** Inside a list entry its keys are fixed: they are not offered again. */
    List<Child> withoutKeys(List<Child> children) {
      if (level.container() instanceof ListSchemaNode list && !list.getKeyDefinition().isEmpty()) {
        return children.stream()
            .filter(c -> !list.getKeyDefinition().contains(c.node().getQName()))
            .toList();
      }
      return children;
    }

    boolean canEndAtLevel() {
      return switch (purpose) {
        case SET -> named || !assignments.isEmpty();
        case SHOW, SHOW_CONFIG -> true;
        case DELETE, EDIT -> named;
        case REQUEST -> action != null;
      };
    }

    String incomplete() {
      return switch (purpose) {
        case SET -> "incomplete command: name what to set";
        case DELETE -> "incomplete command: name what to delete";
        case EDIT -> "incomplete command: name a container or list entry to edit";
        case REQUEST -> "incomplete command: name an action";
        default -> "incomplete command";
      };
    }

    ParsedPath result(int next) {
      if (action != null) {
        return new ParsedPath(
            actionTarget, action.getInput(), schemaPath, level, assignments, action, next);
      }
      return new ParsedPath(path, node, schemaPath, level, assignments, action, next);
    }

    List<Expectation.Word> words(List<Child> children) {
      var out = new ArrayList<Expectation.Word>();
      if (purpose == Purpose.REQUEST && action == null) {
        for (var act : schema.actions(level.container())) {
          out.add(new Expectation.Word(act.getQName().getLocalName(), SchemaTree.summary(act)));
        }
        // only the ways to an action
        for (var c : children) {
          if (c.node() instanceof DataNodeContainer container && leadsToAction(container, 0)) {
            out.add(new Expectation.Word(c.word(), SchemaTree.summary(c.node())));
          }
        }
        return out;
      }
      for (var c : children) {
        if (purpose == Purpose.EDIT && !(c.node() instanceof DataNodeContainer)) {
          continue;
        }
        out.add(new Expectation.Word(c.word(), SchemaTree.summary(c.node())));
      }
      return out;
    }

    boolean leadsToAction(DataNodeContainer container, int depth) {
      if (!schema.actions(container).isEmpty()) {
        return true;
      }
      if (depth > 8) {
        return false;
      }
      for (var c : schema.children(container, SchemaTree.Filter.ALL)) {
        if (c.node() instanceof DataNodeContainer inner && leadsToAction(inner, depth + 1)) {
          return true;
        }
      }
      return false;
    }

    ActionDefinition matchAction(Token token) {
      var actions = schema.actions(level.container());
      ActionDefinition prefixMatch = null;
      int count = 0;
      for (var act : actions) {
        var name = act.getQName().getLocalName();
        if (name.equals(token.text())) {
          return act;
        }
        if (name.startsWith(token.text())) {
          prefixMatch = act;
          count++;
        }
      }
      return count == 1 && match(schema.children(level.container(), filter), token) == null
          ? prefixMatch
          : null;
    }

    void enterAction(ActionDefinition act, Token token) {
      action = act;
      actionTarget = path;
      var actionSchema = new ArrayList<>(level.schemaPath());
      actionSchema.add(act.getQName());
      var inputSchema = new ArrayList<>(actionSchema);
      inputSchema.add(act.getInput().getQName());
      var words = new ArrayList<>(level.words());
      words.add(token.text());
      // the action's target stays the path so far; input leaves are relative to the input
      level = new Level(act.getInput(), inputSchema, YangInstanceIdentifier.of(), words);
      schemaPath = actionSchema;
    }

    /** Reads a list's key values; returns the next token index. */
    int keys(
        ListSchemaNode list,
        List<QName> listSchema,
        YangInstanceIdentifier listPath,
        List<String> words,
        int i)
        throws CliSyntaxException, Stop {
      var keyNames = list.getKeyDefinition();
      if (keyNames.isEmpty()) {
        throw new CliSyntaxException(
            tokens.get(i - 1).start(),
            "keyless list " + list.getQName().getLocalName() + " cannot be addressed");
      }
      Map<QName, Object> keys = new LinkedHashMap<>();
      var keyWords = new ArrayList<String>();
      for (var keyName : keyNames) {
        var keyLeaf = (LeafSchemaNode) list.findDataChildByName(keyName).orElseThrow();
        var keySchema = new ArrayList<>(listSchema);
        keySchema.add(keyName);
        boolean mayEndHere =
            keys.isEmpty()
                && (purpose == Purpose.SHOW
                    || purpose == Purpose.SHOW_CONFIG
                    || purpose == Purpose.DELETE);
        if (i == stopAt) {
          var existing = new ArrayList<Expectation.Word>();
          for (var entry : live.keys(listPath, keyNames)) {
            if (entry.size() > keys.size() && entry.subList(0, keys.size()).equals(keyWords)) {
              var w = entry.get(keys.size());
              if (existing.stream().noneMatch(x -> x.word().equals(w))) {
                existing.add(new Expectation.Word(w, "existing " + list.getQName().getLocalName()));
              }
            }
          }
          var base = valueExpectation(keyLeaf, keySchema, false);
          var words2 = new ArrayList<>(existing);
          for (var c : base.choices()) {
            if (words2.stream().noneMatch(x -> x.word().equals(c.word()))) {
              words2.add(c);
            }
          }
          throw new Stop(new Expectation(words2, base.hints(), mayEndHere));
        }
        if (atEnd(i)) {
          if (mayEndHere) {
            return i;
          }
          throw new CliSyntaxException(
              endColumn(i),
              "missing key "
                  + keyName.getLocalName()
                  + " of "
                  + list.getQName().getLocalName()
                  + ", expecting "
                  + values.hint(keyLeaf.getType()));
        }
        var token = tokens.get(i);
        keys.put(keyName, parseValue(keyLeaf, keySchema, token));
        keyWords.add(token.text());
        words.add(Values.quote(token.text()));
        i++;
      }
      var entryPath = listPath.node(NodeIdentifierWithPredicates.of(list.getQName(), keys));
      path = entryPath;
      level = new Level(list, listSchema, entryPath, words);
      return i;
    }

    /** Reads a leaf's value into the assignments; returns the next token index. */
    int value(
        TypedDataSchemaNode leaf,
        List<QName> leafSchema,
        YangInstanceIdentifier leafPath,
        int i,
        boolean leafList)
        throws CliSyntaxException, Stop {
      var type = leaf.getType();
      if (type instanceof EmptyTypeDefinition) {
        assignments.add(
            new ParsedPath.Assignment(
                leafPath, leaf, leafSchema, values.parse(leaf, leafSchema, "")));
        return i;
      }
      if (type instanceof BooleanTypeDefinition && action != null) {
        // an input flag: "dry-run" alone means true
        if (i == stopAt) {
          throw new Stop(
              new Expectation(
                  valueExpectation(leaf, leafSchema, false).choices(), List.of(), true));
        }
        if (atEnd(i) || !List.of("true", "false").contains(tokens.get(i).text())) {
          assignments.add(new ParsedPath.Assignment(leafPath, leaf, leafSchema, Boolean.TRUE));
          return i;
        }
      }
      if (i == stopAt) {
        throw new Stop(valueExpectation(leaf, leafSchema, false));
      }
      if (atEnd(i)) {
        throw new CliSyntaxException(
            endColumn(i),
            "missing value for "
                + leaf.getQName().getLocalName()
                + ", expecting "
                + values.hint(type));
      }
      var token = tokens.get(i);
      var v = parseValue(leaf, leafSchema, token);
      var at = leafList ? leafPath.node(new NodeWithValue<>(leaf.getQName(), v)) : leafPath;
      assignments.add(new ParsedPath.Assignment(at, leaf, leafSchema, v));
      return i + 1;
    }

    Object parseValue(TypedDataSchemaNode leaf, List<QName> leafSchema, Token token)
        throws CliSyntaxException {
      try {
        return values.parse(leaf, leafSchema, token.text());
      } catch (IllegalArgumentException e) {
        throw new CliSyntaxException(
            token.start(),
            "invalid value '"
                + token.text()
                + "' for "
                + leaf.getQName().getLocalName()
                + ", expecting "
                + values.hint(leaf.getType())
                + ": "
                + e.getMessage());
      }
    }

    Expectation valueExpectation(TypedDataSchemaNode leaf, List<QName> leafSchema, boolean canEnd) {
      var own = leaf.getQName().getModule();
      var choices = new ArrayList<Expectation.Word>();
      for (var c : values.enumerated(leaf.getType(), own)) {
        choices.add(new Expectation.Word(c.value(), c.help()));
      }
      var type = leaf.getType();
      while (type.getBaseType() != null && !(type instanceof LeafrefTypeDefinition)) {
        type = type.getBaseType();
      }
      if (leaf.getType() instanceof LeafrefTypeDefinition
          || type instanceof LeafrefTypeDefinition) {
        var parent = path;
        for (var target : live.leafrefTargets(leafSchema, parent)) {
          if (choices.stream().noneMatch(w -> w.word().equals(target))) {
            choices.add(new Expectation.Word(target, ""));
          }
        }
      }
      var hints = new ArrayList<Expectation.Word>();
      if (!(leaf.getType() instanceof EnumTypeDefinition)) {
        hints.add(new Expectation.Word(values.hint(leaf.getType()), SchemaTree.summary(leaf)));
      }
      return new Expectation(choices, hints, canEnd);
    }

    /** An action-input word that is a value of exactly one enumeration leaf not given yet. */
    boolean positional(List<Child> children, Token token) throws CliSyntaxException {
      Child found = null;
      for (var c : children) {
        if (c.node() instanceof LeafSchemaNode leaf
            && leaf.getType() instanceof EnumTypeDefinition enums
            && assignments.stream().noneMatch(a -> a.node().equals(leaf))
            && enums.getValues().stream().anyMatch(p -> p.getName().equals(token.text()))) {
          if (found != null) {
            return false;
          }
          found = c;
        }
      }
      if (found == null) {
        return false;
      }
      var leafPath = level.path();
      for (var step : found.dataSteps()) {
        leafPath = leafPath.node(new NodeIdentifier(step));
      }
      var leafSchema = new ArrayList<>(level.schemaPath());
      leafSchema.addAll(found.schemaSteps());
      var leaf = (TypedDataSchemaNode) found.node();
      assignments.add(
          new ParsedPath.Assignment(
              leafPath, leaf, leafSchema, parseValue(leaf, leafSchema, token)));
      return true;
    }

    Child match(List<Child> children, Token token) {
      return PathParser.match(children, token.text());
    }

    CliSyntaxException unknown(List<Child> children, Token token) {
      var candidates = PathParser.candidates(children, token.text());
      if (candidates.size() > 1) {
        return new CliSyntaxException(
            token.start(),
            "ambiguous '" + token.text() + "': could be " + String.join(", ", candidates));
      }
      var expected = new ArrayList<String>();
      if (purpose == Purpose.REQUEST && action == null) {
        schema.actions(level.container()).forEach(a -> expected.add(a.getQName().getLocalName()));
      }
      children.forEach(c -> expected.add(c.word()));
      var where = level.words().isEmpty() ? "here" : "under " + String.join(" ", level.words());
      return new CliSyntaxException(
          token.start(),
          "unknown element '"
              + token.text()
              + "' "
              + where
              + (expected.isEmpty()
                  ? ""
                  : "; expecting one of: "
                      + String.join(", ", expected.stream().limit(12).toList())
                      + (expected.size() > 12 ? ", ..." : "")));
    }
  }

  /** Exact name, else the only name it is a prefix of, else the only one it ends. */
  static Child match(List<Child> children, String word) {
    for (var c : children) {
      if (c.word().equals(word)) {
        return c;
      }
    }
    var found = candidates(children, word);
    return found.size() == 1
        ? children.stream().filter(c -> c.word().equals(found.get(0))).findFirst().orElseThrow()
        : null;
  }

  static List<String> candidates(List<Child> children, String word) {
    var prefixed =
        children.stream().map(Child::word).filter(w -> w.startsWith(word)).distinct().toList();
    if (!prefixed.isEmpty() || word.isEmpty()) {
      return prefixed;
    }
    return children.stream()
        .map(Child::word)
        .filter(w -> w.endsWith("-" + word))
        .distinct()
        .toList();
  }
}
