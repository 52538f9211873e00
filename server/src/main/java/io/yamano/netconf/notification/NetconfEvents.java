package io.yamano.netconf.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content of the base notifications of <a href="https://www.rfc-editor.org/rfc/rfc6470">RFC
 * 6470</a> (module ietf-netconf-notifications), rendered as the XML element that follows {@code
 * <eventTime>}, and published on the {@link NotificationBus}.
 */
public final class NetconfEvents {
  /** The namespace of ietf-netconf-notifications (RFC 6470 §2.2). */
  public static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

  private final NotificationBus bus;

  public NetconfEvents(NotificationBus bus) {
    this.bus = bus;
  }

  /** {@code netconf-config-change}: a commit to running or startup (RFC 6470 §3.1). */
  public Notification configChange(ChangedBy by, String datastore, List<ConfigEdit> edits) {
    var xml = open("netconf-config-change");
    xml.append("<changed-by>");
    if (by instanceof ChangedBy.Session s) {
      session(xml, s);
    } else {
      xml.append("<server/>");
    }
    xml.append("</changed-by>");
    xml.append("<datastore>").append(datastore).append("</datastore>");
    for (var edit : edits) {
      xml.append("<edit>");
      if (edit.target().isPresent()) {
        xml.append("<target");
        for (var ns : new TreeMap<>(edit.namespaces()).entrySet()) {
          xml.append(" xmlns:").append(ns.getKey()).append("=\"");
          escape(xml, ns.getValue()).append('"');
        }
        xml.append('>');
        escape(xml, edit.target().get()).append("</target>");
      }
      xml.append("<operation>").append(edit.operation()).append("</operation>");
      xml.append("</edit>");
    }
    return publish("netconf-config-change", xml);
  }

  /** {@code netconf-session-start} (RFC 6470 §3.3). */
  public Notification sessionStart(ChangedBy.Session session) {
    var xml = open("netconf-session-start");
    session(xml, session);
    return publish("netconf-session-start", xml);
  }

  /**
   * {@code netconf-session-end} (RFC 6470 §3.4).
   *
   * @param killedBy the session that killed it, for {@link TerminationReason#KILLED}
   */
  public Notification sessionEnd(
      ChangedBy.Session session, TerminationReason reason, Optional<Long> killedBy) {
    var xml = open("netconf-session-end");
    session(xml, session);
    if (reason == TerminationReason.KILLED && killedBy.isPresent()) {
      xml.append("<killed-by>").append(killedBy.get()).append("</killed-by>");
    }
    xml.append("<termination-reason>").append(reason.yangName()).append("</termination-reason>");
    return publish("netconf-session-end", xml);
  }

  /**
   * {@code netconf-confirmed-commit} (RFC 6470 §3.5): the session parameters are left out when the
   * server caused the event (timeout).
   *
   * @param event {@code start}, {@code cancel}, {@code timeout}, {@code extend} or {@code complete}
   * @param timeout the confirm-timeout, sent for {@code start} and {@code extend} only
   */
  public Notification confirmedCommit(ChangedBy by, String event, Optional<Duration> timeout) {
    var xml = open("netconf-confirmed-commit");
    if (by instanceof ChangedBy.Session s) {
      session(xml, s);
    }
    xml.append("<confirm-event>").append(event).append("</confirm-event>");
    if (timeout.isPresent() && (event.equals("start") || event.equals("extend"))) {
      xml.append("<timeout>").append(timeout.get().toSeconds()).append("</timeout>");
    }
    return publish("netconf-confirmed-commit", xml);
  }

  private static StringBuilder open(String name) {
    return new StringBuilder(256)
        .append('<')
        .append(name)
        .append(" xmlns=\"")
        .append(NAMESPACE)
        .append("\">");
  }

  private Notification publish(String name, StringBuilder xml) {
    xml.append("</").append(name).append('>');
    return bus.publish(NAMESPACE, name, xml.toString());
  }

  private static void session(StringBuilder xml, ChangedBy.Session s) {
    xml.append("<username>");
    escape(xml, s.username()).append("</username>");
    xml.append("<session-id>").append(s.sessionId()).append("</session-id>");
    s.sourceHost().ifPresent(h -> escape(xml.append("<source-host>"), h).append("</source-host>"));
  }

  /** Escapes character data, and double-quoted attribute values. */
  static StringBuilder escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out;
  }
}
