package io.yamano.datastore.xpath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.AbstractQName;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.UnresolvedQName;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.PathExpression;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFilterExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.NodeTypeStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.QNameStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.Step;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNegateExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangPathExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;

/**
 * The data an expression can read, computed from the schema alone, for incremental validation: an
 * expression need only be re-evaluated for a data node when a change touches its footprint.
 *
 * <p>The analysis is conservative. Anything it cannot bound ({@code deref()}, the {@code following}
 * and {@code preceding} axes, an unknown name) makes the footprint {@linkplain #unbounded()
 * unbounded}: it may read anything. {@code //}, {@code *}, {@code descendant::} and the
 * string-value of interior nodes count as reading whole subtrees.
 *
 * @param reads the data nodes read, each with whether its whole subtree is read
 * @param unbounded whether the expression may read anything
 * @param local whether every read lies inside the context node's own subtree (the context instance
 *     and its descendants, not other entries of its list): then only a change there can change the
 *     result
 * @param scope the ancestor of the context node (schema path) whose instance holds every read made
 *     by relative steps from the context: a change to such a read affects only the expression's
 *     instances inside the same instance of the scope. Reads made through absolute paths or {@code
 *     deref()} are {@linkplain Read#global() global}.
 */
public record Footprint(Set<Read> reads, boolean unbounded, boolean local, DataNodePath scope) {

  /**
   * One read.
   *
   * @param path the data node read
   * @param subtree whether everything below it is read too
   * @param global reached through an absolute path or {@code deref()}: any instance of the
   *     expression may read it
   */
  public record Read(DataNodePath path, boolean subtree, boolean global) {
    public Read(DataNodePath path, boolean subtree) {
      this(path, subtree, true);
    }

    boolean touchedBy(DataNodePath changed) {
      return changed.contains(path) || subtree && path.contains(changed);
    }
  }

  /** Copies the set. */
  public Footprint {
    reads = Set.copyOf(reads);
  }

  public Footprint(Set<Read> reads, boolean unbounded, boolean local) {
    this(reads, unbounded, local, DataNodePath.ROOT);
  }

  /**
   * Whether a change at {@code changed} can change the result of instances anywhere: it touches a
   * global read (or the footprint is unbounded).
   */
  public boolean affectsEveryInstance(final DataNodePath changed) {
    if (unbounded) {
      return true;
    }
    for (Read read : reads) {
      if (read.global() && read.touchedBy(changed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a change at {@code changed} touches a read made by relative steps: then the instances
   * inside the changed node's instance of {@link #scope()} are affected.
   */
  public boolean affectsInstancesInScope(final DataNodePath changed) {
    for (Read read : reads) {
      if (!read.global() && read.touchedBy(changed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a change at {@code changed} (a node written, merged or deleted, with everything below
   * it) can change the expression's result.
   *
   * @param changed the data node path of the changed node
   * @return false only if the result certainly does not depend on that change
   */
  public boolean mayBeAffectedBy(final DataNodePath changed) {
    if (unbounded) {
      return true;
    }
    for (Read read : reads) {
      if (read.touchedBy(changed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The footprint of a leafref's {@code path} (RFC 7950 §9.9.2) on the leaf at {@code context}: the
   * leaf's own value, and what the path (with {@code deref()}) leads to.
   */
  public static Footprint ofLeafref(
      final LeafrefTypeDefinition leafref,
      final EffectiveModelContext modelContext,
      final DataNodePath context) {
    final Analysis analysis =
        new Analysis(
            modelContext,
            context.qnames().isEmpty()
                ? null
                : context.qnames().get(context.qnames().size() - 1).getModule());
    final Node start = analysis.locate(context);
    if (start == null) {
      return new Footprint(Set.of(), true, false);
    }
    analysis.current = start;
    analysis.read(start, false);
    final PathExpression.Steps steps = leafref.getPathStatement().getSteps();
    if (steps instanceof PathExpression.LocationPathSteps plain) {
      analysis.expr(plain.getLocationPath(), Set.of(start));
    } else if (steps instanceof PathExpression.DerefSteps deref) {
      final Set<Node> targets =
          analysis.deref(analysis.expr(deref.getDerefArgument(), Set.of(start)));
      analysis.steps(deref.getRelativePath().getSteps(), targets);
    } else {
      analysis.unbounded = true;
    }
    return analysis.footprint(context);
  }

  /**
   * The footprint of an expression attached to a schema node, with unprefixed names in that node's
   * module.
   *
   * @param expr the expression
   * @param modelContext the schema
   * @param context the data node path of the expression's context node
   * @return the footprint
   */
  public static Footprint of(
      final YangXPathExpression expr,
      final EffectiveModelContext modelContext,
      final DataNodePath context) {
    return of(
        expr,
        modelContext,
        context,
        context.qnames().isEmpty()
            ? null
            : context.qnames().get(context.qnames().size() - 1).getModule());
  }

  /**
   * The footprint of an expression whose unprefixed names belong to a given module (an augment's
   * {@code when}).
   *
   * @param expr the expression
   * @param modelContext the schema
   * @param context the data node path of the context node
   * @param unprefixedNamespace the module of unprefixed names, or null to match local names
   * @return the footprint
   */
  public static Footprint of(
      final YangXPathExpression expr,
      final EffectiveModelContext modelContext,
      final DataNodePath context,
      final QNameModule unprefixedNamespace) {
    final Analysis analysis = new Analysis(modelContext, unprefixedNamespace);
    final Node start = analysis.locate(context);
    if (start == null) {
      return new Footprint(Set.of(), true, false);
    }
    analysis.current = start;
    analysis.value(analysis.expr(expr.getRootExpr(), Set.of(start)));
    return analysis.footprint(context);
  }

  /** A schema position reached by the analysis. */
  private record Node(
      DataNodePath path,
      DataSchemaNode schema,
      Node parent,
      int depthFromContext,
      boolean escaped,
      boolean global) {
    Node(DataNodePath path, DataSchemaNode schema, Node parent, int depth, boolean escaped) {
      this(path, schema, parent, depth, escaped, false);
    }

    boolean isRoot() {
      return parent == null;
    }

    boolean isInterior() {
      return !(schema instanceof LeafSchemaNode || schema instanceof LeafListSchemaNode);
    }
  }

  private static final class Analysis {
    private final EffectiveModelContext modelContext;
    private final QNameModule defaultModule;
    private final Set<Read> reads = new LinkedHashSet<>();
    private boolean unbounded;
    private boolean escaped;
    private int lowestRelativeDepth;
    private int derefDepth;
    private Node current;

    Footprint footprint(final DataNodePath context) {
      final boolean local = !unbounded && !escaped;
      final int up = Math.min(-lowestRelativeDepth, context.qnames().size());
      final DataNodePath scope =
          new DataNodePath(context.qnames().subList(0, context.qnames().size() - up));
      return new Footprint(reads, unbounded, local, scope);
    }

    Analysis(final EffectiveModelContext modelContext, final QNameModule defaultModule) {
      this.modelContext = modelContext;
      this.defaultModule = defaultModule;
    }

    Node locate(final DataNodePath path) {
      Node node = new Node(DataNodePath.ROOT, null, null, -path.qnames().size(), true);
      for (QName q : path.qnames()) {
        final Optional<DataSchemaNode> child = container(node).flatMap(c -> c.findDataTreeChild(q));
        if (child.isEmpty()) {
          return null;
        }
        node = new Node(node.path.child(q), child.get(), node, node.depthFromContext + 1, true);
      }
      return new Node(node.path, node.schema, node.parent, 0, false);
    }

    private Optional<DataNodeContainer> container(final Node node) {
      if (node.isRoot()) {
        return Optional.of(modelContext);
      }
      return node.schema instanceof DataNodeContainer c ? Optional.of(c) : Optional.empty();
    }

    private void read(final Node node, final boolean subtree) {
      if (node.isRoot()) {
        if (subtree) {
          unbounded = true;
        }
        return;
      }
      reads.add(new Read(node.path, subtree, node.global));
      if (node.escaped || node.depthFromContext < 0) {
        escaped = true;
      }
      if (!node.global) {
        lowestRelativeDepth = Math.min(lowestRelativeDepth, node.depthFromContext);
      }
    }

    /**
     * The string-value or number of node-set results may be used: interior nodes are read whole.
     */
    void value(final Set<Node> nodes) {
      for (Node n : nodes) {
        if (n.isInterior()) {
          read(n, true);
        }
      }
    }

    Set<Node> expr(final YangExpr expr, final Set<Node> context) {
      if (expr instanceof YangLocationPath path) {
        Set<Node> set = new LinkedHashSet<>();
        if (path.isAbsolute()) {
          Node root = current;
          while (!root.isRoot()) {
            root = root.parent;
          }
          set.add(new Node(root.path, null, null, root.depthFromContext, true, true));
        } else {
          set.addAll(context);
        }
        return steps(path.getSteps(), set);
      }
      if (expr instanceof YangPathExpr path) {
        final Set<Node> base = expr(path.getFilterExpr(), context);
        return path.getLocationPath().map(p -> steps(p.getSteps(), base)).orElse(base);
      }
      if (expr instanceof YangFilterExpr filter) {
        final Set<Node> base = expr(filter.getExpr(), context);
        for (YangExpr predicate : filter.getPredicates()) {
          value(expr(predicate, base));
        }
        return base;
      }
      if (expr instanceof YangBinaryExpr binary) {
        value(expr(binary.getLeftExpr(), context));
        value(expr(binary.getRightExpr(), context));
        return Set.of();
      }
      if (expr instanceof YangNaryExpr nary) {
        final Set<Node> union = new LinkedHashSet<>();
        for (YangExpr e : nary.getExpressions()) {
          union.addAll(expr(e, context));
        }
        return union;
      }
      if (expr instanceof YangNegateExpr negate) {
        value(expr(negate.getSubExpr(), context));
        return Set.of();
      }
      if (expr instanceof YangFunctionCallExpr call) {
        return function(call, context);
      }
      return Set.of();
    }

    private Set<Node> function(final YangFunctionCallExpr call, final Set<Node> context) {
      final YangFunction f =
          List.of(YangFunction.values()).stream()
              .filter(fn -> fn.getIdentifier().equals(call.getName()))
              .findFirst()
              .orElse(null);
      if (f == YangFunction.DEREF && call.getArguments().size() == 1) {
        return deref(expr(call.getArguments().get(0), context));
      }
      if (f == null || f == YangFunction.DEREF) {
        unbounded = true;
        return Set.of();
      }
      if (f == YangFunction.CURRENT) {
        read(current, false);
        return Set.of(current);
      }
      if (call.getArguments().isEmpty()) {
        // string(), number(), name(), ... of the context node
        if (f != YangFunction.TRUE
            && f != YangFunction.FALSE
            && f != YangFunction.LAST
            && f != YangFunction.POSITION) {
          for (Node n : context) {
            read(n, n.isInterior());
          }
        }
        return Set.of();
      }
      for (YangExpr arg : call.getArguments()) {
        final Set<Node> nodes = expr(arg, context);
        if (f != YangFunction.COUNT) {
          value(nodes);
        }
      }
      return Set.of();
    }

    /**
     * {@code deref(leafref)} (RFC 7950 §10.3.1) reads the leafref's value and then the nodes its
     * {@code path} leads to: bounded by the leafref types of the argument's schema nodes. An
     * argument that is not a leafref with a plain location path leaves it unbounded.
     */
    Set<Node> deref(final Set<Node> leafrefs) {
      final Set<Node> targets = new LinkedHashSet<>();
      for (Node n : leafrefs) {
        if (!(n.schema instanceof TypedDataSchemaNode typed)
            || !(typed.getType() instanceof LeafrefTypeDefinition leafref)
            || ++derefDepth > 8) {
          unbounded = true;
          return Set.of();
        }
        read(n, false);
        final Node saved = current;
        current = n;
        try {
          final PathExpression.Steps steps = leafref.getPathStatement().getSteps();
          final Set<Node> reached;
          if (steps instanceof PathExpression.LocationPathSteps plain) {
            reached = expr(plain.getLocationPath(), Set.of(n));
          } else if (steps instanceof PathExpression.DerefSteps nested) {
            // the leafref's own path goes through deref(): follow it the same way
            reached =
                steps(
                    nested.getRelativePath().getSteps(),
                    deref(expr(nested.getDerefArgument(), Set.of(n))));
          } else {
            unbounded = true;
            return Set.of();
          }
          // the target is some other node: whatever it leads to lies outside the context instance
          for (Node t : reached) {
            targets.add(new Node(t.path, t.schema, t.parent, t.depthFromContext, true, true));
          }
        } finally {
          current = saved;
          derefDepth--;
        }
        escaped = true;
      }
      return targets;
    }

    Set<Node> steps(final List<Step> steps, final Set<Node> start) {
      Set<Node> set = start;
      for (Step step : steps) {
        final Set<Node> next = new LinkedHashSet<>();
        for (Node node : set) {
          for (Node candidate : axis(step.getAxis(), node)) {
            if (matches(step, candidate)) {
              next.add(candidate);
            }
          }
        }
        for (Node n : next) {
          read(n, false);
        }
        for (YangExpr predicate : step.getPredicates()) {
          value(expr(predicate, next));
        }
        set = next;
      }
      return set;
    }

    private boolean matches(final Step step, final Node node) {
      if (step instanceof QNameStep qs) {
        if (node.isRoot()) {
          return false;
        }
        final AbstractQName name = qs.getQName();
        if (name instanceof QName q) {
          return node.path.qnames().get(node.path.qnames().size() - 1).equals(q);
        }
        final QName last = node.path.qnames().get(node.path.qnames().size() - 1);
        if (name instanceof UnresolvedQName.Unqualified u) {
          return defaultModule == null
              ? last.getLocalName().equals(u.getLocalName())
              : last.equals(QName.create(defaultModule, u.getLocalName()));
        }
        unbounded = true;
        return false;
      }
      if (step instanceof NodeTypeStep type) {
        return type.getNodeType()
            == org.opendaylight.yangtools.yang.xpath.api.YangXPathNodeType.NODE;
      }
      return true;
    }

    private List<Node> children(final Node node) {
      final List<Node> out = new ArrayList<>();
      container(node).ifPresent(c -> addChildren(node, c.getChildNodes(), out));
      return out;
    }

    private void addChildren(
        final Node parent, final Iterable<? extends DataSchemaNode> schema, final List<Node> out) {
      for (DataSchemaNode child : schema) {
        if (child instanceof ChoiceSchemaNode choice) {
          for (CaseSchemaNode caze : choice.getCases()) {
            addChildren(parent, caze.getChildNodes(), out);
          }
        } else {
          out.add(
              new Node(
                  parent.path.child(child.getQName()),
                  child,
                  parent,
                  parent.depthFromContext + 1,
                  parent.escaped,
                  parent.global));
        }
      }
    }

    private void descendants(final Node node, final List<Node> out) {
      for (Node child : children(node)) {
        out.add(child);
        descendants(child, out);
      }
    }

    private List<Node> axis(final YangXPathAxis axis, final Node node) {
      final List<Node> out = new ArrayList<>();
      switch (axis) {
        case CHILD:
          return children(node);
        case SELF:
          return List.of(node);
        case PARENT:
          return node.isRoot() ? List.of() : List.of(up(node));
        case ANCESTOR_OR_SELF:
          out.add(node);
        // fall through
        case ANCESTOR:
          for (Node n = node; !n.isRoot(); ) {
            n = up(n);
            out.add(n);
          }
          return out;
        case DESCENDANT_OR_SELF:
          out.add(node);
        // fall through
        case DESCENDANT:
          read(node, true);
          descendants(node, out);
          return out;
        case FOLLOWING_SIBLING:
        case PRECEDING_SIBLING:
          if (node.isRoot()) {
            return out;
          }
          // siblings are other instances: outside the context instance if at or above it
          for (Node s : children(up(node))) {
            // other instances: global, unless below the context instance
            out.add(
                new Node(
                    s.path,
                    s.schema,
                    s.parent,
                    node.depthFromContext,
                    node.escaped || node.depthFromContext <= 0,
                    node.global || node.depthFromContext <= 0));
          }
          return out;
        default:
          unbounded = true;
          return out;
      }
    }

    /** The parent of a node; leaving the context instance upwards escapes it for good. */
    private static Node up(final Node node) {
      final Node parent = node.parent;
      final int depth = node.depthFromContext - 1;
      return new Node(
          parent.path,
          parent.schema,
          parent.parent,
          depth,
          node.escaped || depth < 0,
          node.global || parent.global);
    }
  }
}
