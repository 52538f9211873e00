package io.yamano.netconf.data;

import java.util.Objects;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;

/**
 * Where an edit puts an entry of an {@code ordered-by user} list or leaf-list: the YANG {@code
 * insert} attribute with its {@code key} or {@code value} (<a
 * href="https://www.rfc-editor.org/rfc/rfc7950#section-7.8.6">RFC 7950 §7.8.6</a>, <a
 * href="https://www.rfc-editor.org/rfc/rfc7950#section-7.7.9">§7.7.9</a>).
 */
public sealed interface Insert {
  /** Before all existing entries. */
  record First() implements Insert {}

  /** After all existing entries (what happens without {@code insert}). */
  record Last() implements Insert {}

  /**
   * Right before an existing entry.
   *
   * @param sibling the entry's identifier: a {@code NodeIdentifierWithPredicates} for a list, a
   *     {@code NodeWithValue} for a leaf-list
   */
  record Before(PathArgument sibling) implements Insert {
    public Before {
      Objects.requireNonNull(sibling, "sibling");
    }
  }

  /**
   * Right after an existing entry.
   *
   * @param sibling the entry's identifier, as for {@link Before}
   */
  record After(PathArgument sibling) implements Insert {
    public After {
      Objects.requireNonNull(sibling, "sibling");
    }
  }
}
