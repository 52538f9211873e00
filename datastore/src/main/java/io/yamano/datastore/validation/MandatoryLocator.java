package io.yamano.datastore.validation;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The data tree reports a missing mandatory node only by the name of its parent; this finds the
 * parent's instance path among the written subtrees, so that the error names the exact node (RFC
 * 6241 Appendix A {@code error-path}).
 */
public final class MandatoryLocator {
  private static final Pattern MISSING =
      Pattern.compile("Node (.+) is missing mandatory descendant (.+)", Pattern.DOTALL);
  private static final Pattern NAMESPACE = Pattern.compile("\\([^()]*\\)");

  private MandatoryLocator() {}

  /**
   * Turns the tree's message into an error at the missing node, if the message is about a missing
   * mandatory node and its parent lies in one of the written subtrees.
   */
  public static Optional<RpcError> locate(
      String message, List<Map.Entry<YangInstanceIdentifier, NormalizedNode>> written) {
    return locate(message, written, null);
  }

  /**
   * As {@link #locate(String, List)}, skipping written nodes of the parent's name whose schema has
   * no such descendant (list entries of the same name under different parents, such as an NSD's and
   * a VNFD's {@code df}).
   */
  public static Optional<RpcError> locate(
      String message,
      List<Map.Entry<YangInstanceIdentifier, NormalizedNode>> written,
      EffectiveModelContext context) {
    if (message == null) {
      return Optional.empty();
    }
    var matcher = MISSING.matcher(message);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    var parentName = matcher.group(1).trim();
    var descendant = matcher.group(2).trim();
    var readable = NAMESPACE.matcher(descendant).replaceAll("");
    java.util.function.Predicate<YangInstanceIdentifier> fits =
        candidate -> context == null || hasDescendant(context, candidate, descendant);
    for (var entry : written) {
      var found = find(entry.getKey(), entry.getValue(), parentName, fits);
      if (found.isPresent()) {
        var parent = found.get();
        return Optional.of(
            RpcError.application(
                ErrorTag.DATA_MISSING,
                null,
                below(parent, descendant),
                "mandatory node "
                    + (readable.startsWith("/") ? readable.substring(1) : readable)
                    + " is missing in "
                    + NAMESPACE.matcher(parentName).replaceAll("")));
      }
    }
    return Optional.empty();
  }

  /** The missing node's path: the parent plus the reported descendant steps. */
  private static YangInstanceIdentifier below(YangInstanceIdentifier parent, String descendant) {
    var step = Pattern.compile("(?:\\(([^?()]*)(?:\\?revision=([^()]*))?\\))?([^/]+)");
    org.opendaylight.yangtools.yang.common.QNameModule module =
        parent.getLastPathArgument().getNodeType().getModule();
    var out = parent;
    try {
      for (var part : descendant.split("/")) {
        if (part.isEmpty()) {
          continue;
        }
        var m = step.matcher(part);
        if (!m.matches()) {
          return parent;
        }
        if (m.group(1) != null) {
          module =
              org.opendaylight.yangtools.yang.common.QNameModule.ofRevision(m.group(1), m.group(2));
        }
        out = out.node(org.opendaylight.yangtools.yang.common.QName.create(module, m.group(3)));
      }
      return out;
    } catch (RuntimeException e) {
      return parent;
    }
  }

  /** Whether the schema of {@code parent} has the first step of {@code descendant} below it. */
  private static boolean hasDescendant(
      EffectiveModelContext context, YangInstanceIdentifier parent, String descendant) {
    try {
      var steps = below(parent, descendant);
      if (steps.getPathArguments().size() <= parent.getPathArguments().size()) {
        return true;
      }
      var first = steps.getPathArguments().get(parent.getPathArguments().size()).getNodeType();
      var schema =
          org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree.from(context)
              .findChild(parent)
              .map(c -> c.dataSchemaNode())
              .orElse(null);
      if (!(schema instanceof org.opendaylight.yangtools.yang.model.api.DataNodeContainer c)) {
        return true;
      }
      return c.findDataTreeChild(first).isPresent();
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static Optional<YangInstanceIdentifier> find(
      YangInstanceIdentifier path,
      NormalizedNode node,
      String name,
      java.util.function.Predicate<YangInstanceIdentifier> fits) {
    if (node.name().toString().equals(name) && fits.test(path)) {
      return Optional.of(path);
    }
    if (node instanceof DistinctNodeContainer<?, ?> container) {
      for (var child : container.body()) {
        var found = find(path.node(child.name()), child, name, fits);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof NormalizedNodeContainer<?> container) {
      for (var child : container.body()) {
        var found = find(path.node(child.name()), child, name, fits);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
