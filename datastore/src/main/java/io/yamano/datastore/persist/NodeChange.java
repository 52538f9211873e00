package io.yamano.datastore.persist;

import java.util.Objects;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * One changed subtree of a commit: what was at {@code path} before and what is there after. Both
 * images are kept so that a journal entry can be replayed (after) and undone (before).
 *
 * @param path the subtree's instance identifier
 * @param before the subtree before the commit, empty if it did not exist
 * @param after the subtree after the commit, empty if it was deleted
 */
public record NodeChange(
    YangInstanceIdentifier path, Optional<NormalizedNode> before, Optional<NormalizedNode> after) {
  public NodeChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** The change that undoes this one. */
  public NodeChange inverse() {
    return new NodeChange(path, after, before);
  }
}
