package io.yamano.netconf.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One event notification (RFC 5277 §4): when it happened, which stream carries it, and its content
 * element as XML (the child of {@code <notification>} after {@code <eventTime>}).
 *
 * @param sequence position in the replay log, strictly increasing
 * @param eventTime when the event happened
 * @param stream the stream name ({@code NETCONF} for the default stream)
 * @param namespace the content element's namespace, for filtering without parsing
 * @param name the content element's local name
 * @param contentXml the content element, serialised with its namespace declarations
 */
public record Notification(
    long sequence,
    Instant eventTime,
    String stream,
    String namespace,
    String name,
    String contentXml) {
  public Notification {
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentXml, "contentXml");
  }

  /** The complete {@code <notification>} message. */
  public String toXml() {
    return "<notification xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"><eventTime>"
        + eventTime
        + "</eventTime>"
        + contentXml
        + "</notification>";
  }
}
