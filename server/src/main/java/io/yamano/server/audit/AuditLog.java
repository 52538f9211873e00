package io.yamano.server.audit;

import io.yamano.datastore.ChangeKind;
import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.nacm.Denial;
import io.yamano.netconf.notification.Notification;
import io.yamano.netconf.notification.NotificationBus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;

/**
 * Yamano's audit trail. It listens where the facts are: commits on the datastore, denials in access
 * control, session starts and ends on the event bus (RFC 6470 notifications), failed logins from
 * the SSH login check. Each entry goes to {@code DATA_DIR/audit/audit.log} (JSON lines, rotated at
 * 10 MiB, 10 files kept, mode 600) and is published as {@code yamano-aaa:audit-event}.
 */
public final class AuditLog implements AutoCloseable {
  static final String NAMESPACE = "urn:yamano:params:xml:ns:yang:yamano-aaa";
  private static final String NCN = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
  private static final int SUMMARY_PATHS = 20;
  private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());

  private final RotatingFile file;
  private final NotificationBus bus;
  private final Datastore datastore;
  private final Clock clock;
  private final Map<Long, String> frontEnds = new ConcurrentHashMap<>();
  private final List<AutoCloseable> subscriptions = new ArrayList<>();

  private AuditLog(RotatingFile file, Datastore datastore, NotificationBus bus, Clock clock) {
    this.file = file;
    this.datastore = datastore;
    this.bus = bus;
    this.clock = clock;
  }

  /** Starts recording into {@code directory}. */
  public static AuditLog start(
      Path directory, Datastore datastore, NotificationBus bus, Clock clock) throws IOException {
    var log =
        new AuditLog(
            new RotatingFile(directory, "audit.log", 10L << 20, 10), datastore, bus, clock);
    log.subscriptions.add(datastore.subscribe(DatastoreName.RUNNING, log::committed));
    log.subscriptions.add(datastore.subscribe(DatastoreName.STARTUP, log::committed));
    log.subscriptions.add(datastore.accessControl().onDenied(log::denied));
    log.subscriptions.add(bus.subscribe(log::event));
    return log;
  }

  /** Records a refused login (wrong password, unknown user, or throttled). */
  public void loginFailed(String user, String source, String reason) {
    loginFailed(user, source, reason, "ssh");
  }

  /** Records a refused login on a front end ({@code ssh}, {@code restconf}). */
  public void loginFailed(String user, String source, String reason, String frontEnd) {
    var f = new LinkedHashMap<String, String>();
    f.put("user", user);
    f.put("front-end", frontEnd);
    f.put("source-host", source);
    f.put("reason", reason);
    record(new AuditEvent(clock.instant(), "login-failed", f));
  }

  /**
   * Records a session that did not arrive as a NETCONF session (those are recorded from their RFC
   * 6470 notifications): a CLI shell or command.
   */
  public void sessionStarted(String frontEnd, long sessionId, String user, String source) {
    frontEnds.put(sessionId, frontEnd);
    record(
        new AuditEvent(
            clock.instant(), "session-start", session(frontEnd, sessionId, user, source)));
  }

  /** The end of a session recorded by {@link #sessionStarted}. */
  public void sessionEnded(
      String frontEnd, long sessionId, String user, String source, String reason) {
    var f = session(frontEnd, sessionId, user, source);
    f.put("reason", reason);
    record(new AuditEvent(clock.instant(), "session-end", f));
  }

  private static LinkedHashMap<String, String> session(
      String frontEnd, long sessionId, String user, String source) {
    var f = new LinkedHashMap<String, String>();
    f.put("user", user);
    f.put("front-end", frontEnd);
    f.put("session-id", Long.toString(sessionId));
    f.put("source-host", source);
    return f;
  }

  private void committed(ChangeSet changes) {
    var f = new LinkedHashMap<String, String>();
    f.put("user", changes.user());
    f.put("front-end", frontEnd(changes.sessionId()));
    if (changes.sessionId() > 0) {
      f.put("session-id", Long.toString(changes.sessionId()));
    }
    f.put("commit-id", Long.toString(changes.sequence()));
    f.put("comment", changes.comment() == null ? "" : changes.comment());
    f.put("summary", changes.datastore().yangName() + ": " + summary(changes));
    record(new AuditEvent(changes.time(), "commit", f));
  }

  private void denied(Denial denial) {
    var f = new LinkedHashMap<String, String>();
    f.put("user", denial.user());
    f.put("front-end", denial.frontEnd());
    f.put("summary", denial.access().yangName() + " " + denial.target());
    f.put("reason", denial.decision().reason());
    record(new AuditEvent(clock.instant(), "access-denied", f));
  }

  private static final Pattern USER = Pattern.compile("<username>([^<]*)</username>");
  private static final Pattern SESSION = Pattern.compile("<session-id>([0-9]+)</session-id>");
  private static final Pattern HOST = Pattern.compile("<source-host>([^<]*)</source-host>");
  private static final Pattern REASON =
      Pattern.compile("<termination-reason>([^<]*)</termination-reason>");

  /** Session starts and ends, from the RFC 6470 notifications every front end publishes. */
  private void event(Notification n) {
    if (!NCN.equals(n.namespace())) {
      return;
    }
    boolean start = n.name().equals("netconf-session-start");
    if (!start && !n.name().equals("netconf-session-end")) {
      return;
    }
    var xml = n.contentXml();
    var f = new LinkedHashMap<String, String>();
    find(USER, xml).ifPresent(u -> f.put("user", unescape(u)));
    f.put("front-end", "netconf");
    find(SESSION, xml).ifPresent(s -> f.put("session-id", s));
    find(HOST, xml).ifPresent(h -> f.put("source-host", h));
    if (!start) {
      find(REASON, xml).ifPresent(r -> f.put("reason", r));
    }
    find(SESSION, xml)
        .ifPresent(
            s -> {
              if (start) {
                frontEnds.put(Long.parseLong(s), "netconf");
              }
            });
    record(new AuditEvent(n.eventTime(), start ? "session-start" : "session-end", f));
  }

  private static java.util.Optional<String> find(Pattern p, String xml) {
    var m = p.matcher(xml);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  private String frontEnd(long sessionId) {
    if (sessionId == 0) {
      return "server";
    }
    var open = datastore.session(sessionId);
    if (open.isPresent()) {
      return open.get().frontEnd();
    }
    return frontEnds.getOrDefault(sessionId, sessionId < 0 ? "internal" : "unknown");
  }

  /** The changed paths, without values: values may be credentials. */
  static String summary(ChangeSet changes) {
    var parts = new ArrayList<String>();
    int shown = 0;
    int total = 0;
    for (var c : changes.changes()) {
      if (c.kind() == ChangeKind.MODIFIED) {
        continue;
      }
      total++;
      if (shown < SUMMARY_PATHS) {
        parts.add(c.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + path(c.path()));
        shown++;
      }
    }
    if (total > shown) {
      parts.add("and " + (total - shown) + " more");
    }
    return parts.isEmpty() ? "no change" : String.join("; ", parts);
  }

  /** A short path: local names with key predicates. */
  static String path(YangInstanceIdentifier path) {
    var b = new StringBuilder();
    String previous = null;
    for (var arg : path.getPathArguments()) {
      var local = arg.getNodeType().getLocalName();
      if (arg instanceof NodeIdentifierWithPredicates p) {
        if (!local.equals(previous)) {
          b.append('/').append(local);
        }
        p.entrySet()
            .forEach(
                e ->
                    b.append('[')
                        .append(e.getKey().getLocalName())
                        .append("='")
                        .append(e.getValue())
                        .append("']"));
      } else if (arg instanceof NodeWithValue<?> v) {
        if (!local.equals(previous)) {
          b.append('/').append(local);
        }
        b.append("[.='").append(v.getValue()).append("']");
      } else if (!local.equals(previous)) {
        b.append('/').append(local);
      }
      previous = local;
    }
    return b.length() == 0 ? "/" : b.toString();
  }

  /**
   * Writes the entry, then publishes it. The file's lock is released before publishing: the bus
   * calls {@link #event} under its own lock, so holding ours while publishing would deadlock.
   */
  private void record(AuditEvent event) {
    synchronized (file) {
      try {
        file.appendLine(event.toJson());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.ERROR, "audit entry not written: " + e.getMessage());
      }
    }
    try {
      bus.publish(NAMESPACE, "audit-event", event.toXml(NAMESPACE));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "audit event not published: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    for (var s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    synchronized (file) {
      file.close();
    }
  }
}
