package io.yamano.restconf;

import com.google.gson.stream.JsonWriter;
import io.yamano.datastore.nacm.AccessControl;
import io.yamano.error.ErrorTag;
import io.yamano.netconf.notification.EventFilter;
import io.yamano.netconf.notification.Notification;
import io.yamano.netconf.notification.NotificationBus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event streams over Server-Sent Events (<a
 * href="https://www.rfc-editor.org/rfc/rfc8040#section-6">RFC 8040 §6</a>): {@code GET
 * {+restconf}/streams/NETCONF/json} or {@code .../xml} delivers the notifications of the server's
 * one event bus, the same NETCONF subscribers receive (RFC 6470 events, lifecycle progress), each
 * as one SSE event whose data is the notification in that encoding (§6.4). {@code start-time} and
 * {@code stop-time} replay from the persisted log (§4.8.7, §4.8.8); {@code filter} is an XPath 1.0
 * expression on the notification content, with module names as prefixes (§4.8.4).
 */
final class EventStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);

  /** A comment line keeps idle connections (and proxies) alive and finds gone clients. */
  static final Duration KEEPALIVE = Duration.ofSeconds(15);

  /**
   * Events waiting for a slow client beyond this end its stream rather than the server's memory.
   */
  static final int MAX_QUEUED = 10_000;

  private static final Notification END = new Notification(0, Instant.EPOCH, "", "", "", "");

  private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(
          () -> {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            try {
              return factory.newDocumentBuilder();
            } catch (javax.xml.parsers.ParserConfigurationException e) {
              throw new IllegalStateException(e);
            }
          });

  private final NotificationBus bus;
  private final AccessControl accessControl;
  private final EffectiveModelContext schema;
  private final DataCodec codec;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, String> modulePrefixes = new HashMap<>();
  private final Set<BlockingQueue<Notification>> open = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  EventStreams(
      NotificationBus bus,
      AccessControl accessControl,
      EffectiveModelContext schema,
      DataCodec codec) {
    this.bus = bus;
    this.accessControl = accessControl;
    this.schema = schema;
    this.codec = codec;
    for (Module m : schema.getModules()) {
      modulePrefixes.putIfAbsent(m.getName(), m.getNamespace().toString());
    }
  }

  /**
   * Serves a stream request.
   *
   * @param segments the path steps after {@code streams}: the stream name and the encoding
   * @return false if no such stream exists
   */
  boolean serve(
      Request request,
      Response response,
      Callback callback,
      String method,
      List<String> segments,
      QueryParams query,
      String user,
      Encoding out)
      throws RestconfException {
    if (segments.size() != 2
        || !segments.get(0).equals(NotificationBus.NETCONF_STREAM)
        || !(segments.get(1).equals("json") || segments.get(1).equals("xml"))) {
      return false;
    }
    if (!method.equals("GET")) {
      throw RestconfException.methodNotAllowed(method, "an event stream");
    }
    var encoding = segments.get(1).equals("json") ? Encoding.JSON : Encoding.XML;
    query.allowOnly(Set.of("filter", "start-time", "stop-time"), "an event stream");
    var start = query.time("start-time");
    var stop = query.time("stop-time");
    var now = clock.instant();
    if (stop.isPresent() && start.isEmpty()) {
      throw RestconfException.badParameter(
          "stop-time", "stop-time needs start-time (RFC 8040 §4.8.8)");
    }
    if (start.isPresent() && start.get().isAfter(now)) {
      throw RestconfException.badParameter(
          "start-time", "start-time is in the future (RFC 8040 §4.8.7)");
    }
    if (start.isPresent() && stop.isPresent() && stop.get().isBefore(start.get())) {
      throw RestconfException.badParameter("stop-time", "stop-time is before start-time");
    }
    Optional<EventFilter.XPath> filter = Optional.empty();
    if (query.has("filter")) {
      var f = new EventFilter.XPath(query.raw("filter").orElseThrow(), modulePrefixes);
      try {
        f.compile();
      } catch (IllegalArgumentException e) {
        throw RestconfException.badParameter("filter", e.getMessage());
      }
      filter = Optional.of(f);
    }
    if (closed.get()) {
      throw RestconfException.protocol(503, ErrorTag.OPERATION_FAILED, "the server is stopping");
    }
    BlockingQueue<Notification> queue = new LinkedBlockingQueue<>();
    var finalFilter = filter;
    java.util.function.Consumer<Notification> sink =
        n -> {
          if (finalFilter.isEmpty() || finalFilter.get().matches(n)) {
            if (queue.size() >= MAX_QUEUED) {
              queue.clear();
              queue.offer(END);
            } else {
              queue.offer(n);
            }
          }
        };
    AutoCloseable subscription;
    try {
      if (start.isPresent()) {
        boolean live = stop.isEmpty() || stop.get().isAfter(now);
        subscription =
            bus.replayThenSubscribe(
                NotificationBus.NETCONF_STREAM,
                start.get(),
                stop.orElse(null),
                sink,
                () -> {},
                live ? sink : null);
        if (!live) {
          queue.offer(END);
        }
      } else {
        subscription = bus.subscribe(sink);
      }
    } catch (IOException e) {
      throw RestconfException.protocol(
          500, ErrorTag.OPERATION_FAILED, "cannot read the replay log: " + e.getMessage());
    }
    open.add(queue);
    response.setStatus(200);
    response.getHeaders().put("Content-Type", "text/event-stream");
    response.getHeaders().put("Cache-Control", "no-cache");
    try (OutputStream os = Content.Sink.asOutputStream(response)) {
      os.write(": Yamano event stream NETCONF\n\n".getBytes(StandardCharsets.UTF_8));
      os.flush();
      while (!closed.get()) {
        long wait = KEEPALIVE.toMillis();
        if (stop.isPresent()) {
          wait =
              Math.max(1, Math.min(wait, Duration.between(clock.instant(), stop.get()).toMillis()));
        }
        var next = queue.poll(wait, TimeUnit.MILLISECONDS);
        if (next == END) {
          break;
        }
        if (next == null && stop.isPresent() && !clock.instant().isBefore(stop.get())) {
          break;
        }
        if (next == null) {
          os.write(":\n\n".getBytes(StandardCharsets.UTF_8));
        } else {
          if (stop.isPresent() && !next.eventTime().isBefore(stop.get())) {
            break;
          }
          // RFC 8341 §3.4.6: checked at delivery, under the rules in force then
          if (!accessControl.forUser(user).mayReceive(next.namespace(), next.name())) {
            continue;
          }
          os.write(event(next, encoding).getBytes(StandardCharsets.UTF_8));
        }
        os.flush();
      }
      callback.succeeded();
    } catch (IOException e) {
      LOG.debug("event stream client gone: {}", e.getMessage());
      callback.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.failed(e);
    } finally {
      open.remove(queue);
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.debug("cannot unsubscribe", e);
      }
    }
    return true;
  }

  /** One SSE event: every line of the encoded notification prefixed with {@code data:}. */
  String event(Notification n, Encoding encoding) {
    String text = encoding == Encoding.XML ? n.toXml() : json(n);
    var out = new StringBuilder(text.length() + 32);
    out.append("id: ").append(n.sequence()).append('\n');
    for (String line : text.split("\n", -1)) {
      out.append("data: ").append(line).append('\n');
    }
    return out.append('\n').toString();
  }

  /**
   * The JSON encoding of a notification (RFC 8040 §6.4): {@code {"ietf-restconf:notification":
   * {"eventTime": ..., "module:name": {...}}}}.
   */
  String json(Notification n) {
    var text = new StringWriter();
    try {
      var json = new JsonWriter(text);
      json.beginObject().name("ietf-restconf:notification").beginObject();
      json.name("eventTime").value(n.eventTime().toString());
      var module = schema.findModules(XMLNamespace.of(n.namespace())).stream().findFirst();
      var content = module.isEmpty() ? null : parse(n, module.get());
      if (content == null) {
        json.name("ietf-restconf:unparsed-content").value(n.contentXml());
      } else {
        json.name(module.get().getName() + ":" + n.name()).beginObject();
        var stack = SchemaInferenceStack.of(schema, Absolute.of(content.name().getNodeType()));
        var stream =
            JSONNormalizedNodeStreamWriter.createNestedWriter(
                codec.jsonCodecs(), stack.toInference(), module.get().getNamespace(), json);
        var writer = NormalizedNodeWriter.forStreamWriter(stream);
        for (NormalizedNode child : content.body()) {
          writer.write(child);
        }
        writer.flush();
        json.endObject();
      }
      json.endObject().endObject();
      json.flush();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot encode notification {} as JSON: {}", n.name(), e.toString());
    }
    return text.toString();
  }

  private ContainerNode parse(Notification n, Module module) {
    var qname = QName.create(module.getQNameModule(), n.name());
    if (module.getNotifications().stream().noneMatch(d -> d.getQName().equals(qname))) {
      return null;
    }
    try {
      var doc =
          BUILDER
              .get()
              .parse(new ByteArrayInputStream(n.contentXml().getBytes(StandardCharsets.UTF_8)));
      var holder = new NormalizationResultHolder();
      var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
      var stack = SchemaInferenceStack.of(schema, Absolute.of(qname));
      XmlParserStream.create(writer, stack.toInference())
          .traverse(new DOMSource(doc.getDocumentElement()));
      return holder.getResult().data() instanceof ContainerNode c ? c : null;
    } catch (Exception e) {
      LOG.debug("notification {} does not parse with its schema: {}", n.name(), e.toString());
      return null;
    }
  }

  /** Ends every open stream; called when the server stops. */
  @Override
  public void close() {
    closed.set(true);
    for (var queue : open) {
      queue.offer(END);
    }
  }
}
