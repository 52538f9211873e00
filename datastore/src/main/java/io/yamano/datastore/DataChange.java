package io.yamano.datastore;

import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * One node of a committed change set.
 *
 * @param kind how the node changed
 * @param path where the node is
 * @param before the node before the commit (empty if created)
 * @param after the node after the commit (empty if deleted)
 */
public record DataChange(
    ChangeKind kind,
    YangInstanceIdentifier path,
    Optional<NormalizedNode> before,
    Optional<NormalizedNode> after) {
  public DataChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
