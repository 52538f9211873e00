package io.yamano.netconf.server;

import io.yamano.datastore.ChangeKind;
import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.ConfirmedCommitEvent;
import io.yamano.datastore.DataChange;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.netconf.data.ErrorPathWriter;
import io.yamano.netconf.notification.ChangedBy;
import io.yamano.netconf.notification.ConfigEdit;
import io.yamano.netconf.notification.NetconfEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happens in the datastore into the base notifications of <a
 * href="https://www.rfc-editor.org/rfc/rfc6470">RFC 6470</a>: {@code netconf-config-change} after
 * every commit to running or startup (§3.1), {@code netconf-confirmed-commit} for each step of a
 * confirmed commit (§3.5). Session start and end are reported by {@link ServerSession}.
 */
final class BaseNotifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BaseNotifications.class);

  private final NetconfEvents events;
  private final ErrorPathWriter paths;
  private final LongFunction<Optional<ChangedBy.Session>> sessions;
  private final List<AutoCloseable> subscriptions = new ArrayList<>();
  private final Datastore datastore;

  /**
   * @param sessions the open NETCONF session of a session-id, to name who made a change
   */
  BaseNotifications(
      Datastore datastore,
      NetconfEvents events,
      ErrorPathWriter paths,
      LongFunction<Optional<ChangedBy.Session>> sessions) {
    this.datastore = datastore;
    this.events = events;
    this.paths = paths;
    this.sessions = sessions;
    subscriptions.add(datastore.subscribe(DatastoreName.RUNNING, this::configChanged));
    subscriptions.add(datastore.subscribe(DatastoreName.STARTUP, this::configChanged));
    datastore.onConfirmedCommit(this::confirmedCommit);
  }

  private void configChanged(ChangeSet changes) {
    if (changes.isEmpty()) {
      return;
    }
    try {
      events.configChange(
          changedBy(changes.sessionId(), changes.user()),
          changes.datastore().yangName(),
          edits(changes.changes()));
    } catch (RuntimeException e) {
      LOG.warn("cannot report commit {}: {}", changes.sequence(), e.toString());
    }
  }

  /**
   * The edits of a change set: each created, deleted or replaced node, and each modified node none
   * of whose descendants is listed (RFC 6470 §2.2, {@code edit}).
   */
  List<ConfigEdit> edits(List<DataChange> changes) {
    var edits = new ArrayList<ConfigEdit>();
    for (int i = 0; i < changes.size(); i++) {
      var change = changes.get(i);
      if (change.kind() == ChangeKind.MODIFIED
          && i + 1 < changes.size()
          && change.path().contains(changes.get(i + 1).path())) {
        continue;
      }
      String operation =
          switch (change.kind()) {
            case CREATED -> "create";
            case DELETED -> "delete";
            case REPLACED -> "replace";
            case MODIFIED -> "merge";
          };
      if (change.path().isEmpty()) {
        edits.add(new ConfigEdit(Optional.empty(), Map.of(), operation));
      } else {
        var rendered = paths.render(change.path());
        edits.add(new ConfigEdit(Optional.of(rendered.xpath()), rendered.namespaces(), operation));
      }
    }
    return edits;
  }

  private void confirmedCommit(ConfirmedCommitEvent event) {
    try {
      ChangedBy by =
          event.byServer()
              ? new ChangedBy.Server()
              : sessions
                  .apply(event.sessionId())
                  .<ChangedBy>map(s -> s)
                  .orElse(new ChangedBy.Server());
      events.confirmedCommit(by, event.event(), event.timeout());
    } catch (RuntimeException e) {
      LOG.warn("cannot report confirmed-commit event {}: {}", event, e.toString());
    }
  }

  private ChangedBy changedBy(long sessionId, String user) {
    if (sessionId <= 0) {
      return new ChangedBy.Server();
    }
    return sessions
        .apply(sessionId)
        .<ChangedBy>map(s -> s)
        .orElseGet(() -> new ChangedBy.Session(user, sessionId, Optional.empty()));
  }

  @Override
  public void close() {
    datastore.onConfirmedCommit(event -> {});
    for (var s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.debug("cannot unsubscribe", e);
      }
    }
  }
}
