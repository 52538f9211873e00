package io.yamano.datastore.xpath;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;

/**
 * Evaluates YANG XPath expressions (<a href="https://www.w3.org/TR/1999/REC-xpath-19991116/">XPath
 * 1.0</a> with the functions of <a href="https://www.rfc-editor.org/rfc/rfc7950#section-10">RFC
 * 7950 §10</a>) over data trees of one {@link EffectiveModelContext}.
 *
 * <p>To check a {@code must} of schema node {@code S} on a data node {@code n} of {@code S}: {@code
 * evaluator.test(must.getXpath(), cursorOn(n))}. For a {@code when}, the context node is the node
 * itself or, for a {@code when} on a choice, case or augment, its closest ancestor data node (RFC
 * 7950 §7.21.5); pass the namespace of the module that defines the {@code when} when that differs
 * from the context node's (an augment), since unprefixed names in an expression belong to the
 * module of the node it is written on (RFC 7950 §6.4.1). Leafrefs go through {@link #leafrefs()}.
 *
 * <p>Thread-safe; evaluation never modifies the tree. Location steps {@code list[k1 = e1 and k2 =
 * e2]} that give every key of a keyed list by equality with an expression that does not depend on
 * the context node are answered by a map lookup (O(1) per value), not a scan.
 */
public final class XPathEvaluator {
  private final SchemaSupport support;
  private final LeafrefChecker leafrefs;
  private final Map<DataSchemaNode, TypeDefinition<?>> resolvedTypes = new ConcurrentHashMap<>();

  /**
   * An evaluator for data of one schema.
   *
   * @param modelContext the schema
   */
  public XPathEvaluator(final EffectiveModelContext modelContext) {
    this.support = new SchemaSupport(modelContext);
    this.leafrefs = new LeafrefChecker(this);
  }

  /** The schema this evaluator serves. */
  public EffectiveModelContext modelContext() {
    return support.modelContext();
  }

  /**
   * A cursor on the root of a data tree of this evaluator's schema. Nodes reached from it are
   * counted by {@link #visitedNodes()}.
   *
   * @param root the datastore root container
   * @return the root cursor
   */
  public DataCursor root(final NormalizedNode root) {
    return DataCursor.root(support, root);
  }

  /** Leafref resolution over this evaluator. */
  public LeafrefChecker leafrefs() {
    return leafrefs;
  }

  /**
   * Evaluates an expression. Unprefixed names in it are taken to be in the namespace of the context
   * node (names are matched by local name alone when the context is the root).
   *
   * @param expr a bound expression, as yangtools gives it for {@code must} and {@code when}
   * @param context the context node, which is also what {@code current()} returns
   * @return the value
   * @throws XPathEvaluationException if the expression uses something that cannot be evaluated
   */
  public XPathResult evaluate(final YangXPathExpression expr, final DataCursor context) {
    return evaluate(expr, context, context.isRoot() ? null : context.qname().getModule());
  }

  /**
   * Evaluates an expression whose unprefixed names belong to a given module.
   *
   * @param expr a bound expression
   * @param context the context node, also what {@code current()} returns
   * @param unprefixedNamespace the module of unprefixed names: that of the schema node the
   *     expression is written on; {@code null} to match them by local name
   * @return the value
   * @throws XPathEvaluationException if the expression uses something that cannot be evaluated
   */
  public XPathResult evaluate(
      final YangXPathExpression expr,
      final DataCursor context,
      final QNameModule unprefixedNamespace) {
    return new Evaluation(this, expr, context, unprefixedNamespace).evaluate(expr.getRootExpr());
  }

  /**
   * Evaluates an expression and converts the result with XPath {@code boolean()}: the outcome of a
   * {@code must} or {@code when}.
   *
   * @param expr a bound expression
   * @param context the context node
   * @return whether the expression holds
   * @throws XPathEvaluationException if the expression uses something that cannot be evaluated
   */
  public boolean test(final YangXPathExpression expr, final DataCursor context) {
    return evaluate(expr, context).asBoolean();
  }

  /**
   * {@link #test(YangXPathExpression, DataCursor)} with the namespace of unprefixed names given.
   *
   * @param expr a bound expression
   * @param context the context node
   * @param unprefixedNamespace the module of unprefixed names
   * @return whether the expression holds
   */
  public boolean test(
      final YangXPathExpression expr,
      final DataCursor context,
      final QNameModule unprefixedNamespace) {
    return evaluate(expr, context, unprefixedNamespace).asBoolean();
  }

  /**
   * How many nodes cursors created from {@link #root(NormalizedNode)} have visited since the last
   * {@link #resetVisitedNodes()}: a measure of evaluation cost, for tests and metrics.
   */
  public long visitedNodes() {
    return support.visitedCount();
  }

  /** Resets {@link #visitedNodes()}. */
  public void resetVisitedNodes() {
    support.resetVisited();
  }

  SchemaSupport support() {
    return support;
  }

  /** The type of a leaf or leaf-list node with leafrefs followed to the type of their target. */
  TypeDefinition<?> resolvedType(final DataCursor node) {
    final TypeDefinition<?> declared = node.type();
    if (!(declared instanceof LeafrefTypeDefinition)) {
      return declared;
    }
    return resolvedTypes.computeIfAbsent(
        node.schemaNode(),
        s -> {
          final var stack = node.support().tree().enterPath(node.path()).orElseThrow().stack();
          TypeDefinition<?> type = declared;
          int guard = 0;
          while (type instanceof LeafrefTypeDefinition leafref && guard++ < 32) {
            type = stack.resolveLeafref(leafref);
          }
          return type;
        });
  }

  List<DataCursor> leafrefTargets(final LeafrefTypeDefinition type, final DataCursor referrer) {
    return leafrefs.targets(type.getPathStatement(), referrer);
  }
}
