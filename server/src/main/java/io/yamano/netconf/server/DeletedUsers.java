package io.yamano.netconf.server;

import io.yamano.datastore.ChangeKind;
import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.netconf.notification.TerminationReason;
import java.util.HashSet;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the NETCONF sessions of users deleted from {@code yamano-aaa}: a removed account keeps no
 * session open. Sessions end with {@code termination-reason other} (RFC 6470 §2.3).
 */
final class DeletedUsers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeletedUsers.class);

  private final SessionRegistry sessions;
  private final QName user;
  private final QName name;
  private final YangInstanceIdentifier users;
  private final AutoCloseable subscription;

  private DeletedUsers(
      Datastore datastore, SessionRegistry sessions, QName aaa, QName user, QName name) {
    this.sessions = sessions;
    this.user = user;
    this.name = name;
    this.users = YangInstanceIdentifier.of(aaa, user);
    this.subscription = datastore.subscribe(DatastoreName.RUNNING, this::changed);
  }

  /** Watches running, if the schema has {@code yamano-aaa}. */
  static Optional<DeletedUsers> watch(Datastore datastore, SessionRegistry sessions) {
    return datastore.context().findModules("yamano-aaa").stream()
        .findFirst()
        .map(
            m ->
                new DeletedUsers(
                    datastore,
                    sessions,
                    QName.create(m.getQNameModule(), "aaa"),
                    QName.create(m.getQNameModule(), "user"),
                    QName.create(m.getQNameModule(), "name")));
  }

  private void changed(ChangeSet changes) {
    var deleted = new HashSet<String>();
    changes
        .under(users.getParent())
        .filter(c -> c.kind() == ChangeKind.DELETED || c.kind() == ChangeKind.REPLACED)
        .forEach(
            c -> {
              var before = c.before().orElse(null);
              var after = c.after().orElse(null);
              collect(c.path(), before, deleted, true);
              collect(c.path(), after, deleted, false);
            });
    if (deleted.isEmpty()) {
      return;
    }
    for (var session : sessions.all()) {
      if (deleted.contains(session.username())) {
        LOG.info("user {} was deleted: ending session {}", session.username(), session.id());
        session.end(TerminationReason.OTHER);
      }
    }
  }

  /** Adds (before) or removes again (after) the user names held by a changed subtree. */
  private void collect(
      YangInstanceIdentifier path,
      org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode node,
      java.util.Set<String> names,
      boolean add) {
    if (node == null) {
      return;
    }
    var found = new HashSet<String>();
    if (node.name() instanceof NodeIdentifierWithPredicates p && p.getNodeType().equals(user)) {
      found.add(String.valueOf(p.getValue(name)));
    } else if (node instanceof MapNode map && map.name().getNodeType().equals(user)) {
      map.body().forEach(e -> found.add(String.valueOf(e.name().getValue(name))));
    } else if (node
            instanceof org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode container
        && container.childByArg(new YangInstanceIdentifier.NodeIdentifier(user))
            instanceof MapNode map) {
      map.body().forEach(e -> found.add(String.valueOf(e.name().getValue(name))));
    }
    if (add) {
      names.addAll(found);
    } else {
      names.removeAll(found);
    }
  }

  @Override
  public void close() throws Exception {
    subscription.close();
  }
}
