package io.yamano.datastore.validation;

import io.yamano.datastore.ChangeKind;
import io.yamano.datastore.DataChange;
import io.yamano.datastore.xpath.DataCursor;
import io.yamano.datastore.xpath.DataNodePath;
import io.yamano.datastore.xpath.Footprint;
import io.yamano.datastore.xpath.XPathEvaluationException;
import io.yamano.datastore.xpath.XPathEvaluator;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Enforces {@code must}, {@code when} and leafref {@code require-instance} at commit (RFC 7950
 * §8.3.3), re-evaluating only the constraint instances a change can affect: instances inside
 * created or replaced subtrees, instances whose own subtree changed, and — for constraints that
 * read outside their node — all instances, but only when a change touches what they read.
 */
final class XPathCheck {
  private final EffectiveModelContext context;
  private final DataSchemaContextTree schemaTree;
  private final XPathEvaluator evaluator;
  private final List<XPathRule> rules = new ArrayList<>();

  XPathCheck(EffectiveModelContext context) {
    this.context = context;
    this.schemaTree = DataSchemaContextTree.from(context);
    this.evaluator = new XPathEvaluator(context);
    SchemaWalk.forEach(context, this::collect);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  private void collect(
      DataShape shape, DataNodePath nodePath, List<QName> schemaPath, DataSchemaNode node) {
    if (!node.effectiveConfig().orElse(Boolean.TRUE)
        || node instanceof ChoiceSchemaNode
        || node instanceof CaseSchemaNode) {
      return;
    }
    if (node instanceof MustConstraintAware aware) {
      for (var must : aware.getMustConstraints()) {
        var footprint = Footprint.of(must.getXpath(), context, nodePath);
        rules.add(
            new XPathRule.Must(shape, nodePath, footprint, must, text(must, must.getXpath())));
      }
    }
    node.getWhenCondition()
        .ifPresent(
            when ->
                rules.add(
                    new XPathRule.When(
                        shape,
                        nodePath,
                        Footprint.of(when, context, nodePath),
                        when,
                        String.valueOf(when))));
    if (node instanceof TypedDataSchemaNode typed
        && typed.getType() instanceof LeafrefTypeDefinition leafref
        && leafref.requireInstance()) {
      var target = leafrefTarget(schemaPath, leafref);
      rules.add(
          new XPathRule.Leafref(
              shape, nodePath, Footprint.ofLeafref(leafref, context, nodePath), leafref, target));
    }
  }

  private static String text(Object statement, Object fallback) {
    if (statement instanceof EffectiveStatement<?, ?> effective
        && effective.getDeclared() != null) {
      return effective.getDeclared().rawArgument();
    }
    return String.valueOf(fallback);
  }

  /** Where a leafref's targets live, if the schema can tell; empty means "anywhere". */
  private Optional<DataNodePath> leafrefTarget(List<QName> schemaPath, LeafrefTypeDefinition type) {
    try {
      var stack = SchemaInferenceStack.of(context);
      for (var qname : schemaPath) {
        stack.enterSchemaTree(qname);
      }
      stack.resolvePathExpression(type.getPathStatement());
      var out = new ArrayList<QName>();
      for (var statement : stack.toInference().statementPath()) {
        if (statement instanceof DataSchemaNode data
            && !(data instanceof ChoiceSchemaNode)
            && !(data instanceof CaseSchemaNode)) {
          out.add(data.getQName());
        }
      }
      return Optional.of(new DataNodePath(out));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  List<RpcError> check(List<DataChange> changes, NormalizedNode rootAfter) {
    // schema paths of the changes that add, remove or replace nodes, computed once per commit
    var leafChanges = new ArrayList<DataChange>();
    var leafChangePaths = new ArrayList<DataNodePath>();
    var changedShapes = new ArrayList<DataShape>();
    for (var change : changes) {
      changedShapes.add(DataShape.of(change.path()));
      if (change.kind() != ChangeKind.MODIFIED) {
        leafChanges.add(change);
        leafChangePaths.add(DataNodePath.of(change.path(), schemaTree));
      }
    }
    // instance path -> rules to evaluate there, in a stable order
    var pending = new LinkedHashMap<YangInstanceIdentifier, List<XPathRule>>();
    for (var rule : rules) {
      boolean everywhere = false;
      var scopes = new ArrayList<YangInstanceIdentifier>();
      if (!rule.footprint().local()) {
        for (int i = 0; i < leafChangePaths.size() && !everywhere; i++) {
          var changed = leafChangePaths.get(i);
          if (rule.footprint().affectsEveryInstance(changed)) {
            everywhere = true;
          } else if (rule.footprint().affectsInstancesInScope(changed)) {
            // a sibling or ancestor read changed: only the instances sharing that scope instance
            var scope = scopeInstance(leafChanges.get(i).path(), rule.footprint().scope());
            if (scope != null) {
              scopes.add(scope);
            } else if (!changed.contains(rule.footprint().scope())) {
              everywhere = true;
            }
            // else the change wrote or removed whole scope instances: the instances it wrote are
            // found below, in the written subtree, and removed ones need no check
          }
        }
      }
      if (everywhere) {
        InstanceFinder.find(
            rootAfter,
            YangInstanceIdentifier.of(),
            rule.shape(),
            (path, node) -> pending.computeIfAbsent(path, k -> new ArrayList<>()).add(rule));
        continue;
      }
      for (var scope : scopes) {
        rootAfterNode(rootAfter, scope)
            .ifPresent(
                node ->
                    InstanceFinder.find(
                        node,
                        scope,
                        rule.shape(),
                        (path, n) ->
                            pending.computeIfAbsent(path, k -> new ArrayList<>()).add(rule)));
      }
      for (int i = 0; i < changes.size(); i++) {
        var change = changes.get(i);
        var shape = changedShapes.get(i);
        if (rule.shape().isPrefixOf(shape)) {
          // the change lies in (or is) an instance of the rule: that instance may have changed
          if (rule instanceof XPathRule.Must || rule.shape().equals(shape)) {
            var instance =
                YangInstanceIdentifier.of(
                    change.path().getPathArguments().subList(0, rule.shape().steps().size()));
            pending.computeIfAbsent(instance, k -> new ArrayList<>()).add(rule);
          }
        } else if (shape.isPrefixOf(rule.shape())
            && change.after().isPresent()
            && change.kind() != ChangeKind.MODIFIED) {
          // a written subtree may hold new instances
          InstanceFinder.find(
              change.after().get(),
              change.path(),
              rule.shape(),
              (path, node) -> pending.computeIfAbsent(path, k -> new ArrayList<>()).add(rule));
        }
      }
    }
    if (pending.isEmpty()) {
      return List.of();
    }
    var errors = new ArrayList<RpcError>();
    var root = evaluator.root(rootAfter);
    for (Map.Entry<YangInstanceIdentifier, List<XPathRule>> entry : pending.entrySet()) {
      var cursor = root.find(entry.getKey());
      if (cursor.isEmpty()) {
        continue;
      }
      for (var rule : new java.util.LinkedHashSet<>(entry.getValue())) {
        evaluate(rule, cursor.get(), entry.getKey()).ifPresent(errors::add);
      }
    }
    return errors;
  }

  /**
   * The instance of {@code scope} (a schema path) that holds the change, or null when the change
   * lies above it (then every instance may be affected).
   */
  private YangInstanceIdentifier scopeInstance(YangInstanceIdentifier changed, DataNodePath scope) {
    var args = changed.getPathArguments();
    YangInstanceIdentifier found = null;
    for (int k = 0; k <= args.size(); k++) {
      var prefix = YangInstanceIdentifier.of(args.subList(0, k));
      var path = DataNodePath.of(prefix, schemaTree);
      if (path.equals(scope)) {
        found = prefix; // the longest such prefix: a list's entry rather than the list
      } else if (found != null || path.qnames().size() > scope.qnames().size()) {
        break;
      }
    }
    return found;
  }

  private static Optional<NormalizedNode> rootAfterNode(
      NormalizedNode rootAfter, YangInstanceIdentifier path) {
    return org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes.findNode(
        rootAfter, path);
  }

  private Optional<RpcError> evaluate(XPathRule rule, DataCursor at, YangInstanceIdentifier path) {
    try {
      if (rule instanceof XPathRule.Must must) {
        if (!evaluator.test(must.must().getXpath(), at)) {
          return Optional.of(
              RpcError.application(
                  ErrorTag.OPERATION_FAILED,
                  must.errorAppTag().orElse("must-violation"),
                  path,
                  must.errorMessage()
                      .orElse("must condition \"" + must.text() + "\" is not satisfied")));
        }
      } else if (rule instanceof XPathRule.When when) {
        if (!evaluator.test(when.when(), at)) {
          return Optional.of(
              RpcError.application(
                  ErrorTag.UNKNOWN_ELEMENT,
                  null,
                  path,
                  "this node cannot exist here: its when condition \""
                      + when.text()
                      + "\" is false"));
        }
      } else if (rule instanceof XPathRule.Leafref leafref) {
        if (!evaluator.leafrefs().isSatisfied(leafref.type(), at)) {
          return Optional.of(
              RpcError.application(
                  ErrorTag.DATA_MISSING,
                  "instance-required",
                  path,
                  "leafref value \""
                      + at.stringValue()
                      + "\" points to no existing "
                      + leafref.type().getPathStatement().getOriginalString()));
        }
      }
      return Optional.empty();
    } catch (XPathEvaluationException e) {
      return Optional.of(
          RpcError.application(
              ErrorTag.OPERATION_FAILED,
              null,
              path,
              "cannot evaluate a constraint of this node: " + e.getMessage()));
    }
  }
}
