package io.yamano.netconf.server;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import io.yamano.netconf.message.XmlElement;
import io.yamano.netconf.notification.EventFilter;
import io.yamano.netconf.notification.NotificationBus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <create-subscription>} (<a href="https://www.rfc-editor.org/rfc/rfc5277#section-2.1.1">RFC
 * 5277 §2.1.1</a>): starts the session's event subscription once the {@code <ok/>} is sent.
 *
 * <ul>
 *   <li>{@code stream}: only {@code NETCONF} exists (§3.2.3); another name is {@code
 *       invalid-value};
 *   <li>{@code filter}: subtree or XPath, applied to each event's content (§3.6);
 *   <li>{@code startTime}: replay from the stored events, then {@code <replayComplete>}; a time in
 *       the future is {@code bad-element};
 *   <li>{@code stopTime}: end with {@code <notificationComplete>}; without {@code startTime} it is
 *       {@code missing-element}, before it {@code bad-element};
 *   <li>a second subscription on a session that has one is {@code in-use} (§6.5).
 * </ul>
 */
final class CreateSubscriptionHandler implements OperationHandler {
  /** The namespace of create-subscription (RFC 5277 §4). */
  static final String NAMESPACE = "urn:ietf:params:xml:ns:netconf:notification:1.0";

  private static final Params.Name STREAM = new Params.Name(NAMESPACE, "stream");
  private static final Params.Name FILTER = new Params.Name(NAMESPACE, "filter");
  private static final Params.Name START = new Params.Name(NAMESPACE, "startTime");
  private static final Params.Name STOP = new Params.Name(NAMESPACE, "stopTime");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(STREAM, FILTER, START, STOP));
    String stream =
        params.optional(STREAM).map(XmlElement::trimmedText).orElse(NotificationBus.NETCONF_STREAM);
    if (!stream.equals(NotificationBus.NETCONF_STREAM)) {
      throw Errors.invalidValue(
          "stream", "no event stream '" + stream + "'; this server has only NETCONF");
    }
    var filter = filter(request, params.optional(FILTER));
    var start = time(params.optional(START));
    var stop = time(params.optional(STOP));
    var now = request.context().clock().instant();
    if (stop.isPresent() && start.isEmpty()) {
      throw Errors.missingElement("startTime", "stopTime needs startTime (RFC 5277 §2.1.1)");
    }
    if (start.isPresent() && start.get().isAfter(now)) {
      throw Errors.badElement("startTime", "startTime is in the future (RFC 5277 §2.1.1)");
    }
    if (stop.isPresent() && stop.get().isBefore(start.get())) {
      throw Errors.badElement("stopTime", "stopTime is before startTime (RFC 5277 §2.1.1)");
    }
    var session = request.session();
    session.subscribe(new Subscription(session, request.context(), stream, filter, start, stop));
    return ReplyBody.OK;
  }

  private static EventFilter filter(Request request, Optional<XmlElement> element)
      throws RpcException {
    var filter = DataQuery.filter(request, element);
    if (filter instanceof DataQuery.Filter.Subtree subtree) {
      return EventFilter.Subtree.of(subtree.filter());
    }
    if (filter instanceof DataQuery.Filter.XPath xpath) {
      var events = new EventFilter.XPath(xpath.select(), xpath.prefixes());
      try {
        events.compile();
      } catch (IllegalArgumentException e) {
        throw new RpcException(
            Errors.protocol(
                ErrorTag.INVALID_VALUE,
                e.getMessage(),
                Map.of("bad-attribute", "select", "bad-element", "filter")));
      }
      return events;
    }
    return new EventFilter.All();
  }

  /** A yang:date-and-time parameter. */
  private static Optional<Instant> time(Optional<XmlElement> element) throws RpcException {
    if (element.isEmpty()) {
      return Optional.empty();
    }
    String text = element.get().trimmedText();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw Errors.invalidValue(
          element.get().localName(),
          "'" + text + "' is not a date-and-time such as 2024-05-01T12:00:00Z");
    }
  }
}
