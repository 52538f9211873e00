package io.yamano.datastore.xpath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.AbstractQName;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.UnresolvedQName;
import org.opendaylight.yangtools.yang.model.api.PathExpression;
import org.opendaylight.yangtools.yang.model.api.PathExpression.DerefSteps;
import org.opendaylight.yangtools.yang.model.api.PathExpression.LocationPathSteps;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.QNameStep;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath.Step;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;

/**
 * Leafref resolution (<a href="https://www.rfc-editor.org/rfc/rfc7950#section-9.9">RFC 7950
 * §9.9</a>): the nodes a leafref (or leaf-list entry of leafref type) points to, and whether {@code
 * require-instance} holds.
 *
 * <p>The path is evaluated with the referring node as context and {@code current()}; unprefixed
 * names are in the referring node's namespace. A path whose last step is a key of the list named by
 * the step before it ({@code /vnfd/id}, {@code deref(../vnfd-id)/../df/id}) is answered by one map
 * lookup, so checking one leafref costs O(1) however long the target list is.
 */
public final class LeafrefChecker {
  private final XPathEvaluator evaluator;
  private final Map<YangLocationPath, YangLocationPath> rewritten = new ConcurrentHashMap<>();

  LeafrefChecker(final XPathEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /**
   * The nodes a leafref value refers to: the nodes the path selects whose value equals the
   * referrer's.
   *
   * @param path the leafref's path, {@code LeafrefTypeDefinition.getPathStatement()}
   * @param referrer the leaf or leaf-list entry holding the reference
   * @return the targets in document order, empty if there are none
   */
  public List<DataCursor> targets(final PathExpression path, final DataCursor referrer) {
    final Evaluation evaluation =
        new Evaluation(
            evaluator, null, referrer, referrer.isRoot() ? null : referrer.qname().getModule());
    final List<DataCursor> candidates;
    if (path.getSteps() instanceof LocationPathSteps steps) {
      candidates = evaluation.path(withValueLookup(steps.getLocationPath()), referrer);
    } else if (path.getSteps() instanceof DerefSteps deref) {
      final List<DataCursor> argument = evaluation.path(deref.getDerefArgument(), referrer);
      if (argument.isEmpty()) {
        return List.of();
      }
      final YangLocationPath relative = withValueLookup(deref.getRelativePath());
      final List<DataCursor> all = new ArrayList<>();
      for (DataCursor target : evaluation.deref(argument.get(0))) {
        all.addAll(evaluation.path(relative, target));
      }
      candidates = evaluation.documentOrder(new ArrayList<>(new LinkedHashSet<>(all)));
    } else {
      throw new XPathEvaluationException("Unsupported leafref path " + path.getOriginalString());
    }
    final String value = referrer.stringValue();
    final List<DataCursor> out = new ArrayList<>();
    for (DataCursor candidate : candidates) {
      if (candidate.stringValue().equals(value)) {
        out.add(candidate);
      }
    }
    return out;
  }

  /**
   * Whether the referrer's value exists at the path.
   *
   * @param path the leafref's path
   * @param referrer the leaf or leaf-list entry holding the reference
   * @return whether at least one target exists
   */
  public boolean hasTarget(final PathExpression path, final DataCursor referrer) {
    return !targets(path, referrer).isEmpty();
  }

  /**
   * Whether a leafref value is valid: always when {@code require-instance false}, else when it has
   * a target.
   *
   * @param type the leafref type of the referrer (its declared type)
   * @param referrer the leaf or leaf-list entry holding the reference
   * @return whether the reference is satisfied
   */
  public boolean isSatisfied(final LeafrefTypeDefinition type, final DataCursor referrer) {
    return !type.requireInstance() || hasTarget(type.getPathStatement(), referrer);
  }

  /**
   * Rewrites {@code .../list/key} into {@code .../list[key = current()]/key}: the same targets once
   * filtered by value, but the list step becomes a key lookup.
   */
  private YangLocationPath withValueLookup(final YangLocationPath path) {
    return rewritten.computeIfAbsent(
        path,
        p -> {
          final List<Step> steps = p.getSteps();
          final int n = steps.size();
          if (n < 2
              || !(steps.get(n - 1) instanceof QNameStep last)
              || last.getAxis() != YangXPathAxis.CHILD
              || !last.getPredicates().isEmpty()
              || !(steps.get(n - 2) instanceof QNameStep list)
              || list.getAxis() != YangXPathAxis.CHILD) {
            return p;
          }
          final YangExpr equality =
              YangBinaryOperator.EQUALS.exprWith(
                  YangLocationPath.relative(step(last.getQName(), List.of())),
                  YangFunctionCallExpr.of(YangFunction.CURRENT.getIdentifier()));
          final List<YangExpr> predicates = new ArrayList<>();
          predicates.add(equality);
          predicates.addAll(list.getPredicates());
          final List<Step> out = new ArrayList<>(steps.subList(0, n - 2));
          out.add(step(list.getQName(), predicates));
          out.add(last);
          return p.isAbsolute() ? YangLocationPath.absolute(out) : YangLocationPath.relative(out);
        });
  }

  private static Step step(final AbstractQName name, final List<YangExpr> predicates) {
    if (name instanceof QName qname) {
      return YangXPathAxis.CHILD.asStep(qname, predicates);
    }
    return YangXPathAxis.CHILD.asStep((UnresolvedQName) name, predicates);
  }
}
