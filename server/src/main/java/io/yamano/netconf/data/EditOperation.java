package io.yamano.netconf.data;

import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * One edit of an {@code <edit-config>} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6241#section-7.2">RFC 6241 §7.2</a>), ready to be applied
 * to a datastore transaction.
 *
 * @param operation what to do at {@code path}
 * @param path the node edited: a container, leaf, list entry or leaf-list entry (or the root for
 *     {@code default-operation replace})
 * @param data the node to merge, replace or create, whose identifier is the last step of {@code
 *     path}; empty for {@code delete} and {@code remove}
 * @param insert for an entry of an {@code ordered-by user} list or leaf-list, where to put it
 */
public record EditOperation(
    Operation operation,
    YangInstanceIdentifier path,
    Optional<NormalizedNode> data,
    Optional<Insert> insert) {

  public EditOperation {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(insert, "insert");
    if (operation.carriesNoData() && data.isPresent()) {
      throw new IllegalArgumentException(operation.xmlName() + " carries no data");
    }
    if (!operation.carriesNoData() && data.isEmpty()) {
      throw new IllegalArgumentException(operation.xmlName() + " needs data");
    }
  }
}
