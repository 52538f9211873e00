package io.yamano.datastore.secret;

import java.util.HashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.meta.EffectiveStatement;

/**
 * Where the schema has {@code yaaa:secret} leaves, as a tree of the data-tree names leading to them
 * (choices included, cases not, as in instance identifiers). Finding the secrets in written data
 * walks only the branches of that tree, so data without secrets costs one map lookup.
 */
public final class SecretLeaves {
  /** The extension's module namespace and name. */
  public static final String NAMESPACE = "urn:yamano:params:xml:ns:yang:yamano-aaa";

  public static final String EXTENSION = "secret";

  /** A secret leaf found in written data. */
  public record Found(YangInstanceIdentifier path, LeafNode<?> leaf) {}

  private static final class Step {
    final Map<QName, Step> children = new HashMap<>();
    boolean secret;
  }

  private final Step root;
  private final int count;

  private SecretLeaves(Step root, int count) {
    this.root = root;
    this.count = count;
  }

  /** The secret leaves of a schema. */
  public static SecretLeaves of(EffectiveModelContext context) {
    var root = new Step();
    int count = 0;
    for (var node : context.getChildNodes()) {
      count += index(node, root);
    }
    return new SecretLeaves(root, count);
  }

  /** How many secret leaves the schema has (each use of a grouping counts). */
  public int count() {
    return count;
  }

  /** The secret leaves inside {@code data}, written at {@code path}. */
  public java.util.List<Found> find(YangInstanceIdentifier path, NormalizedNode data) {
    var step = root;
    for (var arg : path.getPathArguments()) {
      if (arg instanceof NodeIdentifierWithPredicates || arg instanceof NodeWithValue<?>) {
        continue; // a list entry sits under its list's own name
      }
      step = step.children.get(arg.getNodeType());
      if (step == null) {
        return java.util.List.of();
      }
    }
    var out = new java.util.ArrayList<Found>();
    visit(path, data, step, out);
    return out;
  }

  private static void visit(
      YangInstanceIdentifier at, NormalizedNode data, Step step, java.util.List<Found> out) {
    if (data instanceof LeafNode<?> leaf) {
      if (step.secret) {
        out.add(new Found(at, leaf));
      }
    } else if (data instanceof MapNode list) {
      for (var entry : list.body()) {
        visit(at.node(entry.name()), entry, step, out);
      }
    } else if (data instanceof DistinctNodeContainer<?, ?> container) {
      for (var e : step.children.entrySet()) {
        var id = new NodeIdentifier(e.getKey());
        @SuppressWarnings("unchecked")
        var child =
            ((DistinctNodeContainer<NodeIdentifier, NormalizedNode>)
                    (DistinctNodeContainer<?, ?>) container)
                .childByArg(id);
        if (child != null) {
          visit(at.node(id), child, e.getValue(), out);
        }
      }
    }
    // Unkeyed lists cannot be addressed entry by entry; the schema marks no secret in one.
  }

  private static int index(DataSchemaNode node, Step parent) {
    int found = 0;
    if (node instanceof LeafSchemaNode leaf) {
      if (isSecret(leaf)) {
        parent.children.computeIfAbsent(leaf.getQName(), q -> new Step()).secret = true;
        found++;
      }
      return found;
    }
    var step = new Step();
    if (node instanceof ChoiceSchemaNode choice) {
      for (var caze : choice.getCases()) {
        for (var child : caze.getChildNodes()) {
          found += index(child, step);
        }
      }
    } else if (node instanceof DataNodeContainer container) {
      for (var child : container.getChildNodes()) {
        found += index(child, step);
      }
    }
    if (found > 0) {
      var existing = parent.children.putIfAbsent(node.getQName(), step);
      if (existing != null) {
        existing.children.putAll(step.children);
      }
    }
    return found;
  }

  private static boolean isSecret(LeafSchemaNode leaf) {
    if (!(leaf instanceof EffectiveStatement<?, ?> statement)) {
      return false;
    }
    for (var sub : statement.effectiveSubstatements()) {
      if (isExtension(sub.statementDefinition().getStatementName())) {
        return true;
      }
    }
    // An extension yangtools does not know stays among the declared substatements only.
    var declared = statement.getDeclared();
    if (declared != null) {
      for (var sub : declared.declaredSubstatements()) {
        if (isExtension(sub.statementDefinition().getStatementName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isExtension(QName name) {
    return name.getLocalName().equals(EXTENSION)
        && name.getNamespace().toString().equals(NAMESPACE);
  }
}
