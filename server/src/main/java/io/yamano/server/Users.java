package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Yamano's local users, kept as configuration in {@code yamano-aaa} (so every front end manages
 * them the same way and every change is journaled); read from the running snapshot at each login.
 */
public final class Users {
  private final Datastore datastore;
  private final QName userList;
  private final QName name;
  private final QName password;
  private final QName authorizedKey;
  private final YangInstanceIdentifier usersPath;

  public Users(Datastore datastore) {
    this.datastore = datastore;
    QNameModule module =
        datastore.context().findModules("yamano-aaa").iterator().next().getQNameModule();
    var aaa = QName.create(module, "aaa");
    this.userList = QName.create(module, "user");
    this.name = QName.create(module, "name");
    this.password = QName.create(module, "password");
    this.authorizedKey = QName.create(module, "authorized-key");
    this.usersPath = YangInstanceIdentifier.of(aaa, userList);
  }

  /** The {@code password} leaf, whose clear-text input front ends hash. */
  public static QName passwordLeaf(Datastore datastore) {
    return QName.create(
        datastore.context().findModules("yamano-aaa").iterator().next().getQNameModule(),
        "password");
  }

  /** The rules that map TLS client certificates to these users ({@code /cert-maps}). */
  public io.yamano.server.auth.CertToName certToName() {
    return io.yamano.server.auth.CertToName.fromRunning(datastore);
  }

  /** Whether any user exists (false only on a fresh data dir). */
  public boolean any() {
    return datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(usersPath)
        .map(
            n ->
                n instanceof org.opendaylight.yangtools.yang.data.api.schema.MapNode map
                    && !map.isEmpty())
        .orElse(false);
  }

  /** Whether the user exists. */
  public boolean exists(String user) {
    return entry(user).isPresent();
  }

  /** Whether the user has a local password (else only keys or an external check). */
  public boolean hasPassword(String user) {
    return entry(user).flatMap(e -> leaf(e, password)).isPresent();
  }

  /** Checks a password login. */
  public boolean checkPassword(String user, String clearText) {
    return entry(user)
        .flatMap(e -> leaf(e, password))
        .map(hash -> PasswordHasher.verify(clearText.toCharArray(), hash))
        .orElse(false);
  }

  /** The OpenSSH public key lines the user may log in with. */
  public List<String> authorizedKeys(String user) {
    var entry = entry(user);
    if (entry.isEmpty()) {
      return List.of();
    }
    var keys = entry.get().childByArg(new YangInstanceIdentifier.NodeIdentifier(authorizedKey));
    if (keys instanceof LeafSetNode<?> set) {
      return set.body().stream().map(e -> String.valueOf(e.body())).toList();
    }
    return List.of();
  }

  /** Adds (or replaces) a user with a password, hashed here, to a transaction on running. */
  public void addTo(io.yamano.datastore.Transaction tx, String user, String clearText)
      throws RpcException {
    var key = NodeIdentifierWithPredicates.of(userList, name, user);
    var node =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(key)
            .withChild(ImmutableNodes.leafNode(name, user))
            .withChild(
                ImmutableNodes.leafNode(password, PasswordHasher.hash(clearText.toCharArray())))
            .build();
    tx.merge(usersPath.node(key), node);
  }

  /** Adds an OpenSSH public key line the user may log in with. */
  public void addKeyTo(io.yamano.datastore.Transaction tx, String user, String keyLine)
      throws RpcException {
    var key = NodeIdentifierWithPredicates.of(userList, name, user);
    var entry =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(key)
            .withChild(ImmutableNodes.leafNode(name, user))
            .withChild(
                ImmutableNodes.newSystemLeafSetBuilder()
                    .withNodeIdentifier(new YangInstanceIdentifier.NodeIdentifier(authorizedKey))
                    .withChild(ImmutableNodes.leafSetEntry(authorizedKey, keyLine))
                    .build())
            .build();
    tx.merge(usersPath.node(key), entry);
  }

  /** Removes a user. */
  public void removeFrom(io.yamano.datastore.Transaction tx, String user) throws RpcException {
    tx.remove(usersPath.node(NodeIdentifierWithPredicates.of(userList, name, user)));
  }

  /** The user names, sorted. */
  public List<String> names() {
    return datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(usersPath)
        .filter(org.opendaylight.yangtools.yang.data.api.schema.MapNode.class::isInstance)
        .map(
            n ->
                ((org.opendaylight.yangtools.yang.data.api.schema.MapNode) n)
                    .body().stream()
                        .map(e -> String.valueOf(e.name().getValue(name)))
                        .sorted()
                        .toList())
        .orElse(List.of());
  }

  private Optional<MapEntryNode> entry(String user) {
    return datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(usersPath.node(NodeIdentifierWithPredicates.of(userList, name, user)))
        .map(MapEntryNode.class::cast);
  }

  private static Optional<String> leaf(MapEntryNode entry, QName leaf) {
    var node = entry.childByArg(new YangInstanceIdentifier.NodeIdentifier(leaf));
    return node instanceof LeafNode<?> l ? Optional.of(String.valueOf(l.body())) : Optional.empty();
  }
}
