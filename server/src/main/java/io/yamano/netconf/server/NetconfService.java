package io.yamano.netconf.server;

import io.yamano.datastore.Datastore;
import io.yamano.netconf.data.DataWriter;
import io.yamano.netconf.data.EditConfigParser;
import io.yamano.netconf.data.ErrorPathWriter;
import io.yamano.netconf.data.SubtreeFilter;
import io.yamano.netconf.message.MessageWriter;
import io.yamano.netconf.message.RenderedPath;
import io.yamano.netconf.message.XmlMessageReader;
import io.yamano.netconf.notification.NetconfEvents;
import io.yamano.netconf.notification.NotificationBus;
import io.yamano.netconf.transport.NetconfSession;
import io.yamano.netconf.transport.NetconfSessionListener;
import io.yamano.netconf.transport.NetconfSessionListenerFactory;
import io.yamano.yang.registry.SchemaRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;

/**
 * The NETCONF operations of one server: creates a {@link ServerSession} for every NETCONF session
 * the transport opens, says which capabilities to announce, and reports the base notifications of
 * RFC 6470 on the event bus that {@code <create-subscription>} (RFC 5277) reads.
 *
 * <pre>{@code
 * var service = NetconfService.create(datastore, registry, dataDir.resolve("files"), bus);
 * var config = NetconfServerConfig.builder()
 *     .bindAddress(...).hostKeyDirectory(...).capabilities(service.capabilities()).build();
 * var server = NetconfSshServer.start(config, users, service);
 * }</pre>
 */
public final class NetconfService implements NetconfSessionListenerFactory, AutoCloseable {
  private final ServerContext context;
  private final BaseNotifications notifications;
  private final java.util.Optional<DeletedUsers> deletedUsers;
  private final AtomicBoolean closed = new AtomicBoolean();

  private NetconfService(ServerContext context, BaseNotifications notifications) {
    this.context = context;
    this.notifications = notifications;
    this.deletedUsers = DeletedUsers.watch(context.datastore(), context.sessions());
  }

  /**
   * Builds the operations over a datastore.
   *
   * @param datastore the datastores every session works on
   * @param registry the schema, also the source of {@code <get-schema>} texts
   * @param filesDirectory the only directory {@code file:} URLs may name (RFC 6241 §8.8)
   * @param bus where the RFC 6470 events go and subscriptions read from; the caller closes it after
   *     this service
   */
  public static NetconfService create(
      Datastore datastore, SchemaRegistry registry, Path filesDirectory, NotificationBus bus) {
    var schema = datastore.context();
    var paths = new ErrorPathWriter(schema);
    var messages =
        new MessageWriter(
            path -> {
              var rendered = paths.render(path);
              return new RenderedPath(rendered.xpath(), rendered.namespaces());
            });
    String contentId = Capabilities.contentId(schema);
    var context =
        new ServerContext(
            datastore,
            registry,
            new EditConfigParser(schema),
            new SubtreeFilter(schema),
            new YangXPathFilter(schema),
            new DataWriter(schema),
            messages,
            new XmlMessageReader(),
            new Dispatcher(handlers(), schema),
            new SessionRegistry(),
            new Statistics(),
            new LockTimes(),
            new UrlStore(filesDirectory),
            Capabilities.of(schema, contentId),
            contentId,
            Instant.now(),
            bus,
            new NetconfEvents(bus),
            Executors.newSingleThreadScheduledExecutor(daemon("netconf-notification-timer")),
            Executors.newCachedThreadPool(daemon("netconf-notification-sender")));
    var notifications =
        new BaseNotifications(
            datastore,
            context.events(),
            paths,
            id -> context.sessions().find(id).map(ServerSession::changedBy));
    return new NetconfService(context, notifications);
  }

  private static ThreadFactory daemon(String name) {
    var counter = new AtomicInteger();
    return r -> {
      var thread = new Thread(r, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static Map<QName, OperationHandler> handlers() {
    var h = new HashMap<QName, OperationHandler>();
    String nc = Namespaces.BASE;
    h.put(new QName(nc, "get"), new GetHandler());
    h.put(new QName(YangOperations.ACTION_NAMESPACE, "action"), new YangOperations.ActionHandler());
    h.put(new QName(nc, "get-config"), new GetConfigHandler());
    h.put(new QName(nc, "edit-config"), new EditConfigHandler());
    h.put(new QName(nc, "commit"), new CommitHandler());
    h.put(new QName(nc, "cancel-commit"), new CancelCommitHandler());
    h.put(new QName(nc, "discard-changes"), new DiscardChangesHandler());
    h.put(new QName(nc, "lock"), new LockHandler());
    h.put(new QName(nc, "unlock"), new UnlockHandler());
    h.put(new QName(nc, "close-session"), new CloseSessionHandler());
    h.put(new QName(nc, "kill-session"), new KillSessionHandler());
    h.put(new QName(nc, "copy-config"), new CopyConfigHandler());
    h.put(new QName(nc, "delete-config"), new DeleteConfigHandler());
    h.put(new QName(nc, "validate"), new ValidateHandler());
    h.put(new QName(Namespaces.MONITORING, "get-schema"), new GetSchemaHandler());
    h.put(new QName(Namespaces.NMDA, "get-data"), new GetDataHandler());
    h.put(new QName(Namespaces.NMDA, "edit-data"), new EditDataHandler());
    h.put(
        new QName(CreateSubscriptionHandler.NAMESPACE, "create-subscription"),
        new CreateSubscriptionHandler());
    return h;
  }

  /**
   * The server's own state as another front end's operational view needs it: ietf-netconf-
   * monitoring (RFC 6022), ietf-yang-library (RFC 8525) and the event streams of nc-notifications
   * (RFC 5277 §3.4), in one root container.
   */
  public org.opendaylight.yangtools.yang.data.api.schema.ContainerNode serverState() {
    var merged =
        (org.opendaylight.yangtools.yang.data.api.schema.ContainerNode)
            io.yamano.netconf.data.NodeUnion.union(
                Monitoring.state(context), YangLibrary.state(context));
    var streams = Streams.state(context);
    return streams.isPresent()
        ? (org.opendaylight.yangtools.yang.data.api.schema.ContainerNode)
            io.yamano.netconf.data.NodeUnion.union(merged, streams.get())
        : merged;
  }

  /** The capabilities to announce besides base:1.0 and base:1.1, in order. */
  public List<String> capabilities() {
    return context.capabilities();
  }

  @Override
  public NetconfSessionListener open(NetconfSession session) {
    var s = new ServerSession(session, context);
    context.sessions().add(s);
    context.events().sessionStart(s.changedBy());
    return s;
  }

  /**
   * Stops reporting datastore events and delivering notifications; call after the transport is
   * closed and before the bus and the datastore. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    notifications.close();
    deletedUsers.ifPresent(
        d -> {
          try {
            d.close();
          } catch (Exception e) {
            // nothing to do at shutdown
          }
        });
    context.timer().shutdownNow();
    context.senders().shutdown();
    try {
      if (!context.senders().awaitTermination(2, TimeUnit.SECONDS)) {
        context.senders().shutdownNow();
      }
    } catch (InterruptedException e) {
      context.senders().shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
