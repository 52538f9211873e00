package io.yamano.datastore.xpath;

import io.yamano.datastore.xpath.XPathResult.BooleanValue;
import io.yamano.datastore.xpath.XPathResult.NodeSet;
import io.yamano.datastore.xpath.XPathResult.NumberValue;
import io.yamano.datastore.xpath.XPathResult.StringValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.xpath.XPathExpressionException;
import org.opendaylight.yangtools.yang.common.AbstractQName;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.UnresolvedQName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext.Composite;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.InstanceIdentifierTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangBooleanConstantExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFilterExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.NamespaceStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.NodeTypeStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.ProcessingInstructionStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.QNameStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.Step;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangNegateExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNumberExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangPathExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangQNameExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangVariableReferenceExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathNodeType;

/** One evaluation: the expression, {@code current()}, the namespace of unprefixed names, caches. */
final class Evaluation {
  private static final Map<QName, YangFunction> FUNCTIONS = new HashMap<>();
  private static final int MAX_KEY_COMBINATIONS = 1024;

  static {
    for (YangFunction f : YangFunction.values()) {
      FUNCTIONS.put(f.getIdentifier(), f);
    }
  }

  /** The focus of XPath 1.0 §1: context node, position and size. */
  private record Focus(DataCursor node, int position, int size) {}

  private final XPathEvaluator evaluator;
  private final YangXPathExpression expression;
  private final DataCursor current;
  private final QNameModule defaultModule;
  private final Map<NormalizedNode, Map<Object, Integer>> entryIndexes = new IdentityHashMap<>();
  private final Map<DataSchemaContext, Map<QName, Integer>> childIndexes = new IdentityHashMap<>();

  Evaluation(
      final XPathEvaluator evaluator,
      final YangXPathExpression expression,
      final DataCursor current,
      final QNameModule defaultModule) {
    this.evaluator = evaluator;
    this.expression = expression;
    this.current = current;
    this.defaultModule = defaultModule;
  }

  XPathResult evaluate(final YangExpr expr) {
    return eval(expr, new Focus(current, 1, 1));
  }

  /** Evaluates a location path from a node (used by leafref resolution). */
  List<DataCursor> path(final YangLocationPath path, final DataCursor from) {
    return locationPath(path, from);
  }

  // ---------------------------------------------------------------- expressions

  private XPathResult eval(final YangExpr expr, final Focus focus) {
    if (expr instanceof YangBooleanConstantExpr constant) {
      return BooleanValue.of(constant.getValue());
    }
    if (expr instanceof YangNumberExpr number) {
      return new NumberValue(number.getNumber().doubleValue());
    }
    if (expr instanceof YangLiteralExpr literal) {
      return new StringValue(literal.getLiteral());
    }
    if (expr instanceof YangLocationPath path) {
      return new NodeSet(locationPath(path, focus.node()));
    }
    if (expr instanceof YangPathExpr path) {
      final List<DataCursor> base = nodeSet(eval(path.getFilterExpr(), focus), "a path step");
      if (path.getLocationPath().isEmpty()) {
        return new NodeSet(base);
      }
      return new NodeSet(relativeFrom(path.getLocationPath().orElseThrow(), base));
    }
    if (expr instanceof YangFilterExpr filter) {
      List<DataCursor> nodes = nodeSet(eval(filter.getExpr(), focus), "a predicate");
      for (YangExpr predicate : filter.getPredicates()) {
        nodes = applyPredicate(predicate, nodes);
      }
      return new NodeSet(nodes);
    }
    if (expr instanceof YangNaryExpr nary) {
      return nary(nary, focus);
    }
    if (expr instanceof YangBinaryExpr binary) {
      return binary(binary, focus);
    }
    if (expr instanceof YangNegateExpr negate) {
      return new NumberValue(-eval(negate.getSubExpr(), focus).asNumber());
    }
    if (expr instanceof YangFunctionCallExpr call) {
      return function(call, focus);
    }
    if (expr instanceof YangQNameExpr.Resolved qname) {
      return new StringValue(Values.name(qname.getQName(), evaluator.support()));
    }
    if (expr instanceof YangVariableReferenceExpr variable) {
      throw new XPathEvaluationException(
          "Variable $"
              + variable.getVariableName().getLocalName()
              + " is not bound: YANG defines no variables");
    }
    throw new XPathEvaluationException("Unsupported expression " + expr);
  }

  private static List<DataCursor> nodeSet(final XPathResult result, final String where) {
    if (result instanceof NodeSet set) {
      return set.nodes();
    }
    throw new XPathEvaluationException("Expected a node-set for " + where + ", got " + result);
  }

  private XPathResult nary(final YangNaryExpr nary, final Focus focus) {
    final YangNaryOperator op = nary.getOperator();
    if (op == YangNaryOperator.AND) {
      for (YangExpr e : nary.getExpressions()) {
        if (!eval(e, focus).asBoolean()) {
          return BooleanValue.FALSE;
        }
      }
      return BooleanValue.TRUE;
    }
    if (op == YangNaryOperator.OR) {
      for (YangExpr e : nary.getExpressions()) {
        if (eval(e, focus).asBoolean()) {
          return BooleanValue.TRUE;
        }
      }
      return BooleanValue.FALSE;
    }
    final List<DataCursor> all = new ArrayList<>();
    for (YangExpr e : nary.getExpressions()) {
      all.addAll(nodeSet(eval(e, focus), "'|'"));
    }
    return new NodeSet(documentOrder(all));
  }

  private XPathResult binary(final YangBinaryExpr binary, final Focus focus) {
    final YangBinaryOperator op = binary.getOperator();
    final XPathResult left = eval(binary.getLeftExpr(), focus);
    final XPathResult right = eval(binary.getRightExpr(), focus);
    switch (op) {
      case PLUS:
        return new NumberValue(left.asNumber() + right.asNumber());
      case MINUS:
        return new NumberValue(left.asNumber() - right.asNumber());
      case MUL:
        return new NumberValue(left.asNumber() * right.asNumber());
      case DIV:
        return new NumberValue(left.asNumber() / right.asNumber());
      case MOD:
        return new NumberValue(left.asNumber() % right.asNumber());
      default:
        return BooleanValue.of(compare(op, left, right));
    }
  }

  /** XPath 1.0 §3.4 comparison, including the existential semantics of node-sets. */
  static boolean compare(
      final YangBinaryOperator op, final XPathResult left, final XPathResult right) {
    if (left instanceof NodeSet ls && right instanceof NodeSet rs) {
      final List<String> rights = new ArrayList<>(rs.nodes().size());
      rs.nodes().forEach(n -> rights.add(n.stringValue()));
      for (DataCursor l : ls.nodes()) {
        final String lv = l.stringValue();
        for (String rv : rights) {
          if (atomic(op, new StringValue(lv), new StringValue(rv))) {
            return true;
          }
        }
      }
      return false;
    }
    if (left instanceof NodeSet ls) {
      return nodeSetVersus(op, ls, right, false);
    }
    if (right instanceof NodeSet rs) {
      return nodeSetVersus(op, rs, left, true);
    }
    return atomic(op, left, right);
  }

  private static boolean nodeSetVersus(
      final YangBinaryOperator op,
      final NodeSet set,
      final XPathResult other,
      final boolean setOnRight) {
    if (other instanceof BooleanValue) {
      final XPathResult b = BooleanValue.of(set.asBoolean());
      return setOnRight ? atomic(op, other, b) : atomic(op, b, other);
    }
    for (DataCursor n : set.nodes()) {
      final XPathResult v =
          other instanceof NumberValue
              ? new NumberValue(Values.toNumber(n.stringValue()))
              : new StringValue(n.stringValue());
      if (setOnRight ? atomic(op, other, v) : atomic(op, v, other)) {
        return true;
      }
    }
    return false;
  }

  private static boolean atomic(
      final YangBinaryOperator op, final XPathResult l, final XPathResult r) {
    if (op == YangBinaryOperator.EQUALS || op == YangBinaryOperator.NOT_EQUALS) {
      final boolean eq;
      if (l instanceof BooleanValue || r instanceof BooleanValue) {
        eq = l.asBoolean() == r.asBoolean();
      } else if (l instanceof NumberValue || r instanceof NumberValue) {
        eq = l.asNumber() == r.asNumber();
      } else {
        eq = l.asString().equals(r.asString());
      }
      return op == YangBinaryOperator.EQUALS ? eq : !eq;
    }
    final double a = l.asNumber();
    final double b = r.asNumber();
    switch (op) {
      case LT:
        return a < b;
      case LTE:
        return a <= b;
      case GT:
        return a > b;
      case GTE:
        return a >= b;
      default:
        throw new XPathEvaluationException("Not a comparison: " + op);
    }
  }

  // ---------------------------------------------------------------- location paths

  private List<DataCursor> locationPath(final YangLocationPath path, final DataCursor from) {
    List<DataCursor> set = List.of(path.isAbsolute() ? from.root() : from);
    for (Step step : path.getSteps()) {
      set = step(step, set);
      if (set.isEmpty()) {
        break;
      }
    }
    return set;
  }

  private List<DataCursor> relativeFrom(final YangLocationPath path, final List<DataCursor> base) {
    List<DataCursor> set = base;
    for (Step step : path.getSteps()) {
      set = step(step, set);
      if (set.isEmpty()) {
        break;
      }
    }
    return set;
  }

  private List<DataCursor> step(final Step step, final List<DataCursor> input) {
    if (input.size() == 1) {
      return select(step, input.get(0));
    }
    final List<DataCursor> out = new ArrayList<>();
    for (DataCursor node : input) {
      out.addAll(select(step, node));
    }
    final YangXPathAxis axis = step.getAxis();
    if ((axis == YangXPathAxis.CHILD || axis == YangXPathAxis.SELF) && sameDepth(input)) {
      return out;
    }
    return documentOrder(out);
  }

  private static boolean sameDepth(final List<DataCursor> nodes) {
    final int depth = nodes.get(0).depth();
    for (DataCursor n : nodes) {
      if (n.depth() != depth) {
        return false;
      }
    }
    return true;
  }

  /** The nodes one step selects from one context node, in document order. */
  private List<DataCursor> select(final Step step, final DataCursor node) {
    final YangXPathAxis axis = step.getAxis();
    final QName name = step instanceof QNameStep qs ? resolve(qs) : null;
    final boolean byLocalName = step instanceof QNameStep && name == null;
    List<DataCursor> candidates;
    List<YangExpr> predicates = List.copyOf(step.getPredicates());
    if (axis == YangXPathAxis.CHILD && name != null) {
      final KeyLookup lookup = predicates.isEmpty() ? null : keyLookup(node, name, predicates);
      if (lookup != null) {
        candidates = lookup.entries();
        predicates = lookup.remaining();
      } else {
        candidates = node.children(name);
      }
    } else {
      candidates = axis(axis, node);
      final List<DataCursor> matching = new ArrayList<>(candidates.size());
      for (DataCursor c : candidates) {
        if (nodeTest(step, name, byLocalName, c)) {
          matching.add(c);
        }
      }
      candidates = matching;
    }
    final boolean reverse = isReverse(axis) && candidates.size() > 1 && !predicates.isEmpty();
    if (reverse) {
      // predicates count positions in axis order: nearest first on a reverse axis
      Collections.reverse(candidates);
    }
    for (YangExpr predicate : predicates) {
      candidates = applyPredicate(predicate, candidates);
    }
    if (reverse && candidates.size() > 1) {
      candidates = new ArrayList<>(candidates);
      Collections.reverse(candidates);
    }
    return candidates;
  }

  private static boolean isReverse(final YangXPathAxis axis) {
    return axis == YangXPathAxis.ANCESTOR
        || axis == YangXPathAxis.ANCESTOR_OR_SELF
        || axis == YangXPathAxis.PRECEDING
        || axis == YangXPathAxis.PRECEDING_SIBLING;
  }

  private List<DataCursor> applyPredicate(final YangExpr predicate, final List<DataCursor> nodes) {
    final List<DataCursor> out = new ArrayList<>();
    final int size = nodes.size();
    for (int i = 0; i < size; i++) {
      final XPathResult r = eval(predicate, new Focus(nodes.get(i), i + 1, size));
      if (r instanceof NumberValue n ? n.value() == i + 1 : r.asBoolean()) {
        out.add(nodes.get(i));
      }
    }
    return out;
  }

  private QName resolve(final QNameStep step) {
    final AbstractQName name = step.getQName();
    if (name instanceof QName qname) {
      return qname;
    }
    if (name instanceof UnresolvedQName.Unqualified unqualified) {
      return defaultModule == null ? null : QName.create(defaultModule, unqualified.getLocalName());
    }
    throw new XPathEvaluationException("Unresolved prefixed name " + name + " in " + step);
  }

  private boolean nodeTest(
      final Step step, final QName name, final boolean byLocalName, final DataCursor node) {
    if (step instanceof QNameStep qs) {
      if (node.isRoot()) {
        return false;
      }
      return byLocalName
          ? node.qname().getLocalName().equals(qs.getQName().getLocalName())
          : node.qname().equals(name);
    }
    if (step instanceof ProcessingInstructionStep) {
      return false;
    }
    if (step instanceof NodeTypeStep type) {
      final YangXPathNodeType nodeType = type.getNodeType();
      if (nodeType == YangXPathNodeType.NODE) {
        return true;
      }
      if (nodeType == YangXPathNodeType.TEXT) {
        throw new XPathEvaluationException(
            "text() node tests are not supported; compare the node itself (its string-value is its text)");
      }
      return false;
    }
    if (step instanceof NamespaceStep ns) {
      return !node.isRoot() && node.qname().getModule().equals(ns.getNamespace());
    }
    // an AxisStep: '*', '.', '..', '//' all test node()
    return true;
  }

  /** The nodes on an axis, in document order. */
  private List<DataCursor> axis(final YangXPathAxis axis, final DataCursor node) {
    final List<DataCursor> out = new ArrayList<>();
    switch (axis) {
      case CHILD:
        return node.children();
      case SELF:
        return List.of(node);
      case PARENT:
        return node.parent().map(List::of).orElse(List.of());
      case ANCESTOR:
      case ANCESTOR_OR_SELF:
        for (DataCursor c = axis == YangXPathAxis.ANCESTOR ? node.parentOrNull() : node;
            c != null;
            c = c.parentOrNull()) {
          out.add(c);
        }
        Collections.reverse(out);
        return out;
      case DESCENDANT:
        descendants(node, out);
        return out;
      case DESCENDANT_OR_SELF:
        out.add(node);
        descendants(node, out);
        return out;
      case FOLLOWING_SIBLING:
      case PRECEDING_SIBLING:
        {
          final DataCursor parent = node.parentOrNull();
          if (parent == null) {
            return out;
          }
          final List<DataCursor> siblings = parent.children();
          final int at = siblings.indexOf(node);
          return new ArrayList<>(
              axis == YangXPathAxis.FOLLOWING_SIBLING
                  ? siblings.subList(at + 1, siblings.size())
                  : siblings.subList(0, at));
        }
      case FOLLOWING:
        {
          final Deque<List<DataCursor>> levels = new ArrayDeque<>();
          for (DataCursor c = node; c.parentOrNull() != null; c = c.parentOrNull()) {
            final List<DataCursor> siblings = c.parentOrNull().children();
            final List<DataCursor> after = new ArrayList<>();
            for (DataCursor s : siblings.subList(siblings.indexOf(c) + 1, siblings.size())) {
              after.add(s);
              descendants(s, after);
            }
            levels.addLast(after);
          }
          levels.forEach(out::addAll);
          return out;
        }
      case PRECEDING:
        {
          final Deque<List<DataCursor>> levels = new ArrayDeque<>();
          for (DataCursor c = node; c.parentOrNull() != null; c = c.parentOrNull()) {
            final List<DataCursor> siblings = c.parentOrNull().children();
            final List<DataCursor> before = new ArrayList<>();
            for (DataCursor s : siblings.subList(0, siblings.indexOf(c))) {
              before.add(s);
              descendants(s, before);
            }
            levels.addFirst(before);
          }
          levels.forEach(out::addAll);
          return out;
        }
      default:
        // attribute and namespace axes: YANG data has neither
        return out;
    }
  }

  private static void descendants(final DataCursor node, final List<DataCursor> out) {
    for (DataCursor child : node.children()) {
      out.add(child);
      descendants(child, out);
    }
  }

  // ---------------------------------------------------------------- document order

  List<DataCursor> documentOrder(final List<DataCursor> nodes) {
    if (nodes.size() < 2) {
      return nodes;
    }
    final List<DataCursor> unique = new ArrayList<>(new LinkedHashSet<>(nodes));
    unique.sort(this::compareOrder);
    return unique;
  }

  private int compareOrder(final DataCursor a, final DataCursor b) {
    if (a.equals(b)) {
      return 0;
    }
    DataCursor x = a;
    DataCursor y = b;
    while (x.depth() > y.depth()) {
      x = x.parentOrNull();
      if (x.equals(y)) {
        return 1;
      }
    }
    while (y.depth() > x.depth()) {
      y = y.parentOrNull();
      if (y.equals(x)) {
        return -1;
      }
    }
    while (!x.parentOrNull().equals(y.parentOrNull())) {
      x = x.parentOrNull();
      y = y.parentOrNull();
    }
    final DataCursor parent = x.parentOrNull();
    if (!x.qname().equals(y.qname())) {
      final Map<QName, Integer> order =
          childIndexes.computeIfAbsent(
              parent.schemaContext(),
              s -> {
                final Map<QName, Integer> m = new HashMap<>();
                final List<QName> names = evaluator.support().childOrder(s.dataSchemaNode());
                for (int i = 0; i < names.size(); i++) {
                  m.put(names.get(i), i);
                }
                return m;
              });
      return Integer.compare(
          order.getOrDefault(x.qname(), Integer.MAX_VALUE),
          order.getOrDefault(y.qname(), Integer.MAX_VALUE));
    }
    return Integer.compare(entryIndex(x), entryIndex(y));
  }

  private int entryIndex(final DataCursor entry) {
    final NormalizedNode holder = entry.holder();
    if (holder == null) {
      return 0;
    }
    final boolean unkeyed = holder instanceof UnkeyedListNode;
    final Map<Object, Integer> index =
        entryIndexes.computeIfAbsent(
            holder,
            h -> {
              final Map<Object, Integer> m = unkeyed ? new IdentityHashMap<>() : new HashMap<>();
              int i = 0;
              for (Object child : ((NormalizedContainer<?>) h).body()) {
                m.put(unkeyed ? child : ((NormalizedNode) child).name(), i++);
              }
              return m;
            });
    return index.getOrDefault(unkeyed ? entry.node() : entry.node().name(), Integer.MAX_VALUE);
  }

  // ---------------------------------------------------------------- key lookup

  private record KeyLookup(List<DataCursor> entries, List<YangExpr> remaining) {}

  /**
   * Answers {@code list[k = e ...]} by map lookup when the leading predicates give every key of the
   * list by equality with context-free expressions; {@code null} when they do not (then the caller
   * scans).
   */
  private KeyLookup keyLookup(
      final DataCursor node, final QName list, final List<YangExpr> predicates) {
    final ListSchemaNode schema = listSchema(node, list);
    if (schema == null || schema.getKeyDefinition().isEmpty()) {
      return null;
    }
    final List<QName> keys = schema.getKeyDefinition();
    final Map<QName, YangExpr> keyExprs = new LinkedHashMap<>();
    final List<YangExpr> residual = new ArrayList<>();
    int consumed = 0;
    for (YangExpr predicate : predicates) {
      final List<YangExpr> conjuncts = new ArrayList<>();
      if (!conjuncts(predicate, conjuncts)) {
        break;
      }
      for (YangExpr c : conjuncts) {
        if (usesPosition(c)) {
          return null;
        }
        if (c instanceof YangBinaryExpr eq && eq.getOperator() == YangBinaryOperator.EQUALS) {
          final QName leftKey = keyRef(eq.getLeftExpr(), keys);
          final QName rightKey = keyRef(eq.getRightExpr(), keys);
          if (leftKey != null && contextFree(eq.getRightExpr()) && !keyExprs.containsKey(leftKey)) {
            keyExprs.put(leftKey, eq.getRightExpr());
            continue;
          }
          if (rightKey != null
              && contextFree(eq.getLeftExpr())
              && !keyExprs.containsKey(rightKey)) {
            keyExprs.put(rightKey, eq.getLeftExpr());
            continue;
          }
        }
        residual.add(c);
      }
      consumed++;
    }
    if (!keyExprs.keySet().containsAll(keys)) {
      return null;
    }
    final MapNode map = node.mapChild(list);
    if (map == null || map.isEmpty()) {
      return new KeyLookup(List.of(), List.of());
    }
    // the type of each key, followed through leafrefs, read from any one entry
    final DataCursor sample = node.entry(list, map.body().iterator().next().name());
    final Focus focus = new Focus(node, 1, 1);
    final List<Map<QName, Object>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    final Map<QName, Object> wanted = new HashMap<>();
    for (QName key : keys) {
      final TypeDefinition<?> type = evaluator.resolvedType(sample.children(key).get(0));
      final XPathResult value = eval(keyExprs.get(key), focus);
      final Set<String> strings = new LinkedHashSet<>();
      if (value instanceof NodeSet set) {
        set.nodes().forEach(n -> strings.add(n.stringValue()));
      } else if (value instanceof StringValue str) {
        strings.add(str.value());
      } else if (value instanceof NumberValue num && KeyCodec.isInteger(type)) {
        if (num.value() != Math.rint(num.value()) || Double.isInfinite(num.value())) {
          strings.clear();
        } else {
          strings.add(Values.toString(num.value()));
        }
      } else {
        return null;
      }
      wanted.put(key, value instanceof NumberValue num ? num : strings);
      final List<Map<QName, Object>> next = new ArrayList<>();
      for (String s : strings) {
        final Object typed = KeyCodec.parse(type, s, evaluator.support());
        if (typed == KeyCodec.UNSUPPORTED) {
          return null;
        }
        if (typed == KeyCodec.NO_MATCH) {
          continue;
        }
        for (Map<QName, Object> combo : combos) {
          final Map<QName, Object> extended = new LinkedHashMap<>(combo);
          extended.put(key, typed);
          next.add(extended);
        }
      }
      if (next.size() > MAX_KEY_COMBINATIONS) {
        return null;
      }
      combos.clear();
      combos.addAll(next);
    }
    final List<DataCursor> found = new ArrayList<>();
    for (Map<QName, Object> combo : combos) {
      final NodeIdentifierWithPredicates id =
          combo.size() == 1
              ? NodeIdentifierWithPredicates.of(list, keys.get(0), combo.get(keys.get(0)))
              : NodeIdentifierWithPredicates.of(list, combo);
      final DataCursor entry = node.entry(list, id);
      if (entry != null && keysMatch(entry, keys, wanted)) {
        found.add(entry);
      }
    }
    List<DataCursor> entries = documentOrder(found);
    if (!residual.isEmpty()) {
      final List<DataCursor> kept = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        final Focus f = new Focus(entries.get(i), i + 1, entries.size());
        if (residual.stream().allMatch(r -> eval(r, f).asBoolean())) {
          kept.add(entries.get(i));
        }
      }
      entries = kept;
    }
    return new KeyLookup(entries, predicates.subList(consumed, predicates.size()));
  }

  /**
   * Re-checks a looked-up entry with XPath equality, so lookups answer exactly what a scan would.
   */
  private static boolean keysMatch(
      final DataCursor entry, final List<QName> keys, final Map<QName, Object> wanted) {
    for (QName key : keys) {
      final List<DataCursor> leaf = entry.children(key);
      if (leaf.isEmpty()) {
        return false;
      }
      final String actual = leaf.get(0).stringValue();
      final Object want = wanted.get(key);
      if (want instanceof NumberValue num) {
        if (Values.toNumber(actual) != num.value()) {
          return false;
        }
      } else if (!((Set<?>) want).contains(actual)) {
        return false;
      }
    }
    return true;
  }

  private ListSchemaNode listSchema(final DataCursor node, final QName list) {
    if (!(node.schemaContext() instanceof Composite composite)) {
      return null;
    }
    DataSchemaContext child = composite.childByQName(list);
    while (child != null && child.dataSchemaNode() instanceof ChoiceSchemaNode) {
      child = ((Composite) child).childByQName(list);
    }
    return child != null && child.dataSchemaNode() instanceof ListSchemaNode schema ? schema : null;
  }

  /** Splits a boolean predicate into its conjuncts; false if the predicate might be positional. */
  private static boolean conjuncts(final YangExpr expr, final List<YangExpr> out) {
    if (expr instanceof YangNaryExpr nary && nary.getOperator() == YangNaryOperator.AND) {
      for (YangExpr e : nary.getExpressions()) {
        if (!(e instanceof YangNaryExpr inner && inner.getOperator() == YangNaryOperator.AND)) {
          out.add(e);
        } else {
          conjuncts(e, out);
        }
      }
      return true;
    }
    if (expr instanceof YangBinaryExpr eq && eq.getOperator() == YangBinaryOperator.EQUALS) {
      out.add(expr);
      return true;
    }
    return false;
  }

  private QName keyRef(final YangExpr expr, final List<QName> keys) {
    if (expr instanceof YangLocationPath path
        && !path.isAbsolute()
        && path.getSteps().size() == 1
        && path.getSteps().get(0) instanceof QNameStep step
        && step.getAxis() == YangXPathAxis.CHILD
        && step.getPredicates().isEmpty()) {
      final QName name = resolve(step);
      return name != null && keys.contains(name) ? name : null;
    }
    return null;
  }

  /** Whether an expression's value is the same for every context node (it may use current()). */
  private static boolean contextFree(final YangExpr expr) {
    if (expr instanceof YangLiteralExpr
        || expr instanceof YangNumberExpr
        || expr instanceof YangBooleanConstantExpr) {
      return true;
    }
    if (expr instanceof YangLocationPath path) {
      return path.isAbsolute();
    }
    if (expr instanceof YangPathExpr path) {
      return contextFree(path.getFilterExpr());
    }
    if (expr instanceof YangFilterExpr filter) {
      return contextFree(filter.getExpr());
    }
    if (expr instanceof YangNegateExpr negate) {
      return contextFree(negate.getSubExpr());
    }
    if (expr instanceof YangBinaryExpr binary) {
      return contextFree(binary.getLeftExpr()) && contextFree(binary.getRightExpr());
    }
    if (expr instanceof YangNaryExpr nary) {
      return nary.getExpressions().stream().allMatch(Evaluation::contextFree);
    }
    if (expr instanceof YangFunctionCallExpr call) {
      final YangFunction f = FUNCTIONS.get(call.getName());
      if (f == YangFunction.CURRENT) {
        return true;
      }
      if (f == null
          || f == YangFunction.POSITION
          || f == YangFunction.LAST
          || call.getArguments().isEmpty()) {
        return false;
      }
      return call.getArguments().stream().allMatch(Evaluation::contextFree);
    }
    return false;
  }

  private static boolean usesPosition(final YangExpr expr) {
    if (expr instanceof YangFunctionCallExpr call) {
      final YangFunction f = FUNCTIONS.get(call.getName());
      return f == YangFunction.POSITION
          || f == YangFunction.LAST
          || call.getArguments().stream().anyMatch(Evaluation::usesPosition);
    }
    if (expr instanceof YangBinaryExpr binary) {
      return usesPosition(binary.getLeftExpr()) || usesPosition(binary.getRightExpr());
    }
    if (expr instanceof YangNaryExpr nary) {
      return nary.getExpressions().stream().anyMatch(Evaluation::usesPosition);
    }
    if (expr instanceof YangNegateExpr negate) {
      return usesPosition(negate.getSubExpr());
    }
    return false;
  }

  // ---------------------------------------------------------------- functions

  private XPathResult function(final YangFunctionCallExpr call, final Focus focus) {
    final YangFunction f = FUNCTIONS.get(call.getName());
    if (f == null) {
      throw new XPathEvaluationException("Unknown function " + call.getName());
    }
    final List<YangExpr> args = call.getArguments();
    final String fn = f.getIdentifier().getLocalName() + "()";
    switch (f) {
      case LAST:
        arity(fn, args, 0, 0);
        return new NumberValue(focus.size());
      case POSITION:
        arity(fn, args, 0, 0);
        return new NumberValue(focus.position());
      case COUNT:
        arity(fn, args, 1, 1);
        return new NumberValue(nodeSet(eval(args.get(0), focus), fn).size());
      case ID:
        // YANG data carries no ID-typed attributes, so id() always selects nothing
        arity(fn, args, 1, 1);
        return NodeSet.EMPTY;
      case LOCAL_NAME:
      case NAMESPACE_URI:
      case NAME:
        {
          arity(fn, args, 0, 1);
          final List<DataCursor> nodes =
              args.isEmpty() ? List.of(focus.node()) : nodeSet(eval(args.get(0), focus), fn);
          if (nodes.isEmpty() || nodes.get(0).isRoot()) {
            return new StringValue("");
          }
          final QName q = nodes.get(0).qname();
          if (f == YangFunction.LOCAL_NAME) {
            return new StringValue(q.getLocalName());
          }
          if (f == YangFunction.NAMESPACE_URI) {
            return new StringValue(q.getNamespace().toString());
          }
          return new StringValue(Values.name(q, evaluator.support()));
        }
      case STRING:
        arity(fn, args, 0, 1);
        return new StringValue(stringArg(args, 0, focus));
      case CONCAT:
        {
          arity(fn, args, 2, Integer.MAX_VALUE);
          final StringBuilder sb = new StringBuilder();
          args.forEach(a -> sb.append(eval(a, focus).asString()));
          return new StringValue(sb.toString());
        }
      case STARTS_WITH:
        arity(fn, args, 2, 2);
        return BooleanValue.of(str(args, 0, focus).startsWith(str(args, 1, focus)));
      case CONTAINS:
        arity(fn, args, 2, 2);
        return BooleanValue.of(str(args, 0, focus).contains(str(args, 1, focus)));
      case SUBSTRING_BEFORE:
        {
          arity(fn, args, 2, 2);
          final String s = str(args, 0, focus);
          final int at = s.indexOf(str(args, 1, focus));
          return new StringValue(at < 0 ? "" : s.substring(0, at));
        }
      case SUBSTRING_AFTER:
        {
          arity(fn, args, 2, 2);
          final String s = str(args, 0, focus);
          final String t = str(args, 1, focus);
          final int at = s.indexOf(t);
          return new StringValue(at < 0 ? "" : s.substring(at + t.length()));
        }
      case SUBSTRING:
        {
          arity(fn, args, 2, 3);
          return new StringValue(
              substring(
                  str(args, 0, focus),
                  eval(args.get(1), focus).asNumber(),
                  args.size() == 3
                      ? eval(args.get(2), focus).asNumber()
                      : Double.POSITIVE_INFINITY));
        }
      case STRING_LENGTH:
        {
          arity(fn, args, 0, 1);
          final String s = stringArg(args, 0, focus);
          return new NumberValue(s.codePointCount(0, s.length()));
        }
      case NORMALIZE_SPACE:
        arity(fn, args, 0, 1);
        return new StringValue(
            stringArg(args, 0, focus).replaceAll("[ \\t\\r\\n]+", " ").replaceAll("^ | $", ""));
      case TRANSLATE:
        arity(fn, args, 3, 3);
        return new StringValue(
            translate(str(args, 0, focus), str(args, 1, focus), str(args, 2, focus)));
      case BOOLEAN:
        arity(fn, args, 1, 1);
        return BooleanValue.of(eval(args.get(0), focus).asBoolean());
      case NOT:
        arity(fn, args, 1, 1);
        return BooleanValue.of(!eval(args.get(0), focus).asBoolean());
      case TRUE:
        arity(fn, args, 0, 0);
        return BooleanValue.TRUE;
      case FALSE:
        arity(fn, args, 0, 0);
        return BooleanValue.FALSE;
      case LANG:
        // YANG data has no xml:lang attributes: no node is in any language
        arity(fn, args, 1, 1);
        eval(args.get(0), focus);
        return BooleanValue.FALSE;
      case NUMBER:
        arity(fn, args, 0, 1);
        return new NumberValue(
            args.isEmpty()
                ? Values.toNumber(focus.node().stringValue())
                : eval(args.get(0), focus).asNumber());
      case SUM:
        {
          arity(fn, args, 1, 1);
          double sum = 0;
          for (DataCursor n : nodeSet(eval(args.get(0), focus), fn)) {
            sum += Values.toNumber(n.stringValue());
          }
          return new NumberValue(sum);
        }
      case FLOOR:
        arity(fn, args, 1, 1);
        return new NumberValue(Math.floor(eval(args.get(0), focus).asNumber()));
      case CEILING:
        arity(fn, args, 1, 1);
        return new NumberValue(Math.ceil(eval(args.get(0), focus).asNumber()));
      case ROUND:
        arity(fn, args, 1, 1);
        return new NumberValue(round(eval(args.get(0), focus).asNumber()));
      case CURRENT:
        arity(fn, args, 0, 0);
        return new NodeSet(List.of(current));
      case RE_MATCH:
        arity(fn, args, 2, 2);
        return BooleanValue.of(
            XsdRegex.compile(str(args, 1, focus)).matcher(str(args, 0, focus)).matches());
      case DEREF:
        {
          arity(fn, args, 1, 1);
          final List<DataCursor> nodes = nodeSet(eval(args.get(0), focus), fn);
          return nodes.isEmpty() ? NodeSet.EMPTY : new NodeSet(deref(nodes.get(0)));
        }
      case DERIVED_FROM:
      case DERIVED_FROM_OR_SELF:
        {
          arity(fn, args, 2, 2);
          final List<DataCursor> nodes = nodeSet(eval(args.get(0), focus), fn);
          final QName base = identityArg(args.get(1), focus);
          for (DataCursor n : nodes) {
            if (n.value() instanceof QName identity
                && derivedFrom(identity, base, f == YangFunction.DERIVED_FROM_OR_SELF)) {
              return BooleanValue.TRUE;
            }
          }
          return BooleanValue.FALSE;
        }
      case ENUM_VALUE:
        {
          arity(fn, args, 1, 1);
          final List<DataCursor> nodes = nodeSet(eval(args.get(0), focus), fn);
          if (nodes.isEmpty() || !(nodes.get(0).value() instanceof String name)) {
            return new NumberValue(Double.NaN);
          }
          final EnumTypeDefinition.EnumPair pair =
              findEnum(evaluator.resolvedType(nodes.get(0)), name);
          return new NumberValue(pair == null ? Double.NaN : pair.getValue());
        }
      case BIT_IS_SET:
        {
          arity(fn, args, 2, 2);
          final List<DataCursor> nodes = nodeSet(eval(args.get(0), focus), fn);
          final String bit = str(args, 1, focus);
          return BooleanValue.of(
              !nodes.isEmpty()
                  && nodes.get(0).value() instanceof Set<?> bits
                  && bits.contains(bit));
        }
      default:
        throw new XPathEvaluationException("Unsupported function " + fn);
    }
  }

  private static void arity(
      final String fn, final List<YangExpr> args, final int min, final int max) {
    if (args.size() < min || args.size() > max) {
      throw new XPathEvaluationException(
          fn
              + " takes "
              + (min == max
                  ? String.valueOf(min)
                  : min + ".." + (max == Integer.MAX_VALUE ? "n" : max))
              + " arguments, not "
              + args.size());
    }
  }

  private String str(final List<YangExpr> args, final int index, final Focus focus) {
    return eval(args.get(index), focus).asString();
  }

  private String stringArg(final List<YangExpr> args, final int index, final Focus focus) {
    return args.size() > index ? str(args, index, focus) : focus.node().stringValue();
  }

  /** XPath 1.0 §4.2 substring(): positions are rounded, counted from 1, in characters. */
  private static String substring(final String s, final double start, final double length) {
    final double first = round(start);
    final double last = first + round(length);
    final StringBuilder sb = new StringBuilder();
    int position = 1;
    for (int i = 0; i < s.length(); position++) {
      final int cp = s.codePointAt(i);
      if (position >= first && position < last) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static double round(final double x) {
    if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
      return x;
    }
    if (x < 0 && x >= -0.5) {
      return -0.0;
    }
    return Math.floor(x + 0.5);
  }

  private static String translate(final String s, final String from, final String to) {
    final int[] fromCps = from.codePoints().toArray();
    final int[] toCps = to.codePoints().toArray();
    final StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              int at = -1;
              for (int i = 0; i < fromCps.length; i++) {
                if (fromCps[i] == cp) {
                  at = i;
                  break;
                }
              }
              if (at < 0) {
                sb.appendCodePoint(cp);
              } else if (at < toCps.length) {
                sb.appendCodePoint(toCps[at]);
              }
            });
    return sb.toString();
  }

  // ---------------------------------------------------------------- YANG functions

  /** deref() of RFC 7950 §10.3.1: the targets of a leafref, the node of an instance-identifier. */
  List<DataCursor> deref(final DataCursor node) {
    final TypeDefinition<?> type = node.type();
    if (type instanceof LeafrefTypeDefinition leafref) {
      return evaluator.leafrefTargets(leafref, node);
    }
    if (type instanceof InstanceIdentifierTypeDefinition
        && node.value() instanceof YangInstanceIdentifier iid) {
      return node.find(iid).map(List::of).orElse(List.of());
    }
    return List.of();
  }

  private QName identityArg(final YangExpr arg, final Focus focus) {
    if (arg instanceof YangQNameExpr.Resolved resolved) {
      return resolved.getQName();
    }
    final YangLiteralExpr literal =
        arg instanceof YangLiteralExpr lit ? lit : YangLiteralExpr.of(eval(arg, focus).asString());
    if (expression == null) {
      throw new XPathEvaluationException(
          "Cannot resolve identity '" + literal.getLiteral() + "' without prefixes");
    }
    final YangQNameExpr qname;
    try {
      qname = expression.interpretAsQName(literal);
    } catch (XPathExpressionException e) {
      throw new XPathEvaluationException("Not an identity name: '" + literal.getLiteral() + "'", e);
    }
    if (qname instanceof YangQNameExpr.Resolved resolved) {
      return resolved.getQName();
    }
    if (qname.getQName() instanceof UnresolvedQName.Unqualified unqualified
        && defaultModule != null) {
      return QName.create(defaultModule, unqualified.getLocalName());
    }
    throw new XPathEvaluationException("Cannot resolve identity '" + literal.getLiteral() + "'");
  }

  private boolean derivedFrom(final QName identity, final QName base, final boolean orSelf) {
    if (orSelf && identity.equals(base)) {
      return true;
    }
    final Deque<IdentitySchemaNode> todo = new ArrayDeque<>();
    evaluator.support().identity(identity).ifPresent(todo::add);
    final Set<QName> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      for (IdentitySchemaNode parent : todo.poll().getBaseIdentities()) {
        if (parent.getQName().equals(base)) {
          return true;
        }
        if (seen.add(parent.getQName())) {
          todo.add(parent);
        }
      }
    }
    return false;
  }

  private static EnumTypeDefinition.EnumPair findEnum(
      final TypeDefinition<?> type, final String name) {
    if (type instanceof EnumTypeDefinition enumeration) {
      return enumeration.getValues().stream()
          .filter(p -> p.getName().equals(name))
          .findFirst()
          .orElse(null);
    }
    if (type instanceof UnionTypeDefinition union) {
      for (TypeDefinition<?> member : union.getTypes()) {
        final EnumTypeDefinition.EnumPair pair = findEnum(member, name);
        if (pair != null) {
          return pair;
        }
      }
    }
    return null;
  }
}
