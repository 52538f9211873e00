package io.yamano.datastore.xpath;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;

/**
 * The absolute path of a data node in the schema, as XPath names it: one QName per container, list,
 * leaf or leaf-list from the top, choice and case levels left out, no keys. All entries of a list
 * share one path.
 *
 * @param qnames the names from the top-level node down; empty for the root
 */
public record DataNodePath(List<QName> qnames) {
  /** The root. */
  public static final DataNodePath ROOT = new DataNodePath(List.of());

  /** Copies the list. */
  public DataNodePath {
    qnames = List.copyOf(qnames);
  }

  /** A path from names. */
  public static DataNodePath of(final QName... qnames) {
    return new DataNodePath(List.of(qnames));
  }

  /**
   * The data node path of an instance identifier: keys dropped, choice and list/leaf-list mixin
   * steps left out.
   *
   * @param path an instance identifier as the data tree uses it
   * @param tree the schema context tree, to recognize choice steps
   * @return the path
   */
  public static DataNodePath of(
      final YangInstanceIdentifier path, final DataSchemaContextTree tree) {
    final List<QName> out = new ArrayList<>();
    DataSchemaContext context = tree.getRoot();
    final List<PathArgument> args = path.getPathArguments();
    for (int i = 0; i < args.size(); i++) {
      final PathArgument arg = args.get(i);
      context =
          context instanceof DataSchemaContext.Composite composite
              ? composite.childByArg(arg)
              : null;
      final boolean mixin =
          arg instanceof NodeIdentifier
              && (context != null && context.dataSchemaNode() instanceof ChoiceSchemaNode
                  || i + 1 < args.size()
                      && !(args.get(i + 1) instanceof NodeIdentifier)
                      && args.get(i + 1).getNodeType().equals(arg.getNodeType()));
      if (!mixin) {
        out.add(arg.getNodeType());
      }
    }
    return new DataNodePath(out);
  }

  /** The path of a child. */
  public DataNodePath child(final QName name) {
    final List<QName> out = new ArrayList<>(qnames);
    out.add(name);
    return new DataNodePath(out);
  }

  /** Whether this path equals {@code other} or is one of its ancestors. */
  public boolean contains(final DataNodePath other) {
    return other.qnames.size() >= qnames.size()
        && other.qnames.subList(0, qnames.size()).equals(qnames);
  }

  @Override
  public String toString() {
    return qnames.isEmpty()
        ? "/"
        : qnames.stream().map(q -> "/" + q.getLocalName()).collect(Collectors.joining());
  }
}
