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
    for (var entry : written) {
      var found = find(entry.getKey(), entry.getValue(), parentName);
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

  private static Optional<YangInstanceIdentifier> find(
      YangInstanceIdentifier path, NormalizedNode node, String name) {
    if (node.name().toString().equals(name)) {
      return Optional.of(path);
    }
    if (node instanceof DistinctNodeContainer<?, ?> container) {
      for (var child : container.body()) {
        var found = find(path.node(child.name()), child, name);
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof NormalizedNodeContainer<?> container) {
      for (var child : container.body()) {
        var found = find(path.node(child.name()), child, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
