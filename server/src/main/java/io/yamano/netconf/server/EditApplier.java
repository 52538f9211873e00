package io.yamano.netconf.server;

import io.yamano.datastore.Transaction;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.data.EditOperation;
import io.yamano.netconf.data.Insert;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Applies the edits of an {@code <edit-config>} or {@code <edit-data>} to a transaction, in
 * document order, under an {@link ErrorOption}. An edit with {@code insert} (RFC 7950 §7.8.6,
 * §7.7.9) is applied as usual and then the user-ordered list or leaf-list is rebuilt with the entry
 * at its place.
 */
public final class EditApplier {
  private EditApplier() {}

  /**
   * Applies {@code edits}.
   *
   * @return the errors: empty if every edit was applied; for {@code stop-on-error} and {@code
   *     rollback-on-error} the first error only (the edits after it were not tried)
   */
  static List<RpcError> apply(Transaction tx, List<EditOperation> edits, ErrorOption option) {
    var errors = new ArrayList<RpcError>();
    for (EditOperation edit : edits) {
      try {
        applyOne(tx, edit);
      } catch (RpcException e) {
        errors.addAll(e.errors());
        if (option != ErrorOption.CONTINUE_ON_ERROR) {
          break;
        }
      }
    }
    return errors;
  }

  /**
   * Applies one edit, with its {@code insert} if it has one; RESTCONF's edits go through here too,
   * so both front ends place user-ordered entries the same way.
   */
  public static void applyOne(Transaction tx, EditOperation edit) throws RpcException {
    var path = edit.path();
    if (edit.insert().isPresent() && !edit.operation().carriesNoData()) {
      insert(tx, edit, edit.insert().get());
      return;
    }
    plain(tx, edit);
  }

  private static void plain(Transaction tx, EditOperation edit) throws RpcException {
    var path = edit.path();
    switch (edit.operation()) {
      case MERGE -> tx.merge(path, edit.data().orElseThrow());
      case REPLACE -> tx.replace(path, edit.data().orElseThrow());
      case CREATE -> tx.create(path, edit.data().orElseThrow());
      case DELETE -> tx.delete(path);
      case REMOVE -> tx.remove(path);
      case EXISTING -> {
        if (tx.read(path).isEmpty()) {
          throw new RpcException(
              io.yamano.error.RpcError.application(
                  io.yamano.error.ErrorTag.DATA_MISSING,
                  null,
                  path,
                  "with default-operation none this level must already exist in the target"));
        }
      }
      default -> throw new IllegalStateException(edit.operation().toString());
    }
  }

  /** An edit of a user-ordered entry with {@code insert}: edit, then move the entry. */
  private static void insert(Transaction tx, EditOperation edit, Insert insert)
      throws RpcException {
    var path = edit.path();
    var collectionPath = path.getParent();
    PathArgument self = path.getLastPathArgument();
    PathArgument anchor =
        insert instanceof Insert.Before b
            ? b.sibling()
            : insert instanceof Insert.After a ? a.sibling() : null;
    if (anchor != null && !anchor.equals(self)) {
      var before = tx.read(collectionPath);
      if (before.isEmpty() || indexOf(entries(before.get()), anchor) < 0) {
        throw missingInstance(path, anchor);
      }
    }
    plain(tx, edit);
    var collection = tx.read(collectionPath);
    if (collection.isEmpty()) {
      return;
    }
    List<NormalizedNode> entries = new ArrayList<>(entries(collection.get()));
    int at = indexOf(entries, self);
    if (at < 0 || (anchor != null && anchor.equals(self))) {
      return;
    }
    NormalizedNode moved = entries.remove(at);
    int to;
    if (insert instanceof Insert.First) {
      to = 0;
    } else if (insert instanceof Insert.Last) {
      to = entries.size();
    } else if (insert instanceof Insert.Before) {
      to = indexOf(entries, anchor);
    } else {
      to = indexOf(entries, anchor) + 1;
    }
    entries.add(to, moved);
    tx.replace(collectionPath, rebuild(collection.get(), entries));
  }

  private static List<NormalizedNode> entries(NormalizedNode collection) {
    if (collection instanceof UserMapNode map) {
      return new ArrayList<>(map.body());
    }
    if (collection instanceof UserLeafSetNode<?> set) {
      return new ArrayList<>(set.body());
    }
    return List.of();
  }

  private static int indexOf(List<NormalizedNode> entries, PathArgument id) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).name().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static NormalizedNode rebuild(NormalizedNode like, List<NormalizedNode> entries) {
    if (like instanceof UserMapNode map) {
      var b = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name());
      entries.forEach(e -> b.withChild((MapEntryNode) e));
      return b.build();
    }
    var set = (UserLeafSetNode<?>) like;
    var b = ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(set.name());
    entries.forEach(e -> b.withChild((LeafSetEntryNode) e));
    return b.build();
  }

  /**
   * The {@code key} or {@code value} of {@code insert} names no existing entry: {@code
   * bad-attribute} with error-app-tag {@code missing-instance} (RFC 7950 §15.7).
   */
  private static RpcException missingInstance(YangInstanceIdentifier path, PathArgument anchor) {
    boolean list = anchor instanceof NodeIdentifierWithPredicates;
    String attribute = list ? "key" : "value";
    String which =
        anchor instanceof NodeWithValue<?> v ? "'" + v.getValue() + "'" : anchor.toString();
    return new RpcException(
        RpcError.application(
                ErrorTag.BAD_ATTRIBUTE,
                "missing-instance",
                path,
                "the entry "
                    + which
                    + " named by the "
                    + attribute
                    + " attribute of insert does not exist")
            .withInfo("bad-attribute", attribute)
            .withInfo("bad-element", path.getLastPathArgument().getNodeType().getLocalName()));
  }
}
