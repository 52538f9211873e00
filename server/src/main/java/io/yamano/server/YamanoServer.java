package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.persist.CommitLog;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.netconf.notification.NotificationBus;
import io.yamano.netconf.notification.ReplayLog;
import io.yamano.netconf.server.NetconfService;
import io.yamano.netconf.transport.NetconfServerConfig;
import io.yamano.netconf.transport.NetconfSshServer;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;

/**
 * A running Yamano: schema, datastores and listeners, started in order and stopped in reverse.
 * Either everything starts or nothing stays running.
 */
public final class YamanoServer implements AutoCloseable {
  /** Size at which the notification replay log starts a new segment. */
  static final long NOTIFICATION_SEGMENT_BYTES = 8L << 20;

  /** Segments of the replay log kept; older events are dropped. */
  static final int NOTIFICATION_SEGMENTS_KEPT = 16;

  private final ServeOptions options;
  private final SchemaRegistry registry;
  private final Datastore datastore;
  private final Deque<AutoCloseable> started;
  private final NetconfSshServer netconf;
  private boolean closed;

  private YamanoServer(
      ServeOptions options,
      SchemaRegistry registry,
      Datastore datastore,
      Deque<AutoCloseable> started,
      NetconfSshServer netconf) {
    this.options = options;
    this.registry = registry;
    this.datastore = datastore;
    this.started = started;
    this.netconf = netconf;
  }

  /**
   * Starts Yamano.
   *
   * @param env the process environment (for {@code YAMANO_ADMIN_PASSWORD})
   * @throws Exception with a message that says what to fix; nothing is left running
   */
  public static YamanoServer start(
      ServeOptions options, java.util.Map<String, String> env, PrintStream out) throws Exception {
    var started = new ArrayDeque<AutoCloseable>();
    try {
      var ports = new LinkedHashMap<String, Integer>();
      ports.put("NETCONF", options.netconfPort());
      PortCheck.requireFree(options.listen(), ports);

      var builder = SchemaRegistry.builder().lenient(options.lenientModels());
      for (var dir : options.modelDirs()) {
        builder.addModelDirectory(dir);
      }
      var registry = builder.load();
      for (var warning : registry.warnings()) {
        out.println("warning: " + warning);
      }

      Files.createDirectories(options.dataDir());
      CommitLog configLog = JournalFileCommitLog.open(options.dataDir().resolve("config"));
      started.push(configLog);
      CommitLog operationalLog =
          JournalFileCommitLog.open(options.dataDir().resolve("operational"));
      started.push(operationalLog);
      var datastore =
          Datastore.open(
              registry.context(), configLog, operationalLog, IncrementalValidator::forRunning);
      started.pop();
      started.pop();
      started.push(datastore);

      FirstStart.ensureAdmin(datastore, options.dataDir(), env.get(FirstStart.PASSWORD_ENV), out);
      AccessDefaults.ensure(datastore, out);

      var replayLog =
          ReplayLog.open(
              options.dataDir().resolve("notifications"),
              NOTIFICATION_SEGMENT_BYTES,
              NOTIFICATION_SEGMENTS_KEPT);
      started.push(replayLog);
      var bus = new NotificationBus(replayLog, Clock.systemUTC());
      started.pop();
      started.push(bus);
      var audit =
          io.yamano.server.audit.AuditLog.start(
              options.dataDir().resolve("audit"), datastore, bus, Clock.systemUTC());
      started.push(audit);

      // The engine publishes lcm-operation-state-change on the bus; it stops before the bus does.
      started.push(
          io.yamano.lcm.LifecycleEngine.start(
              datastore, io.yamano.vim.VimDrivers.load(), bus::publish));

      var service =
          NetconfService.create(datastore, registry, options.dataDir().resolve("files"), bus);
      started.push(service);
      var config =
          NetconfServerConfig.builder()
              .bindAddress(new InetSocketAddress(options.listen(), options.netconfPort()))
              .hostKeyDirectory(options.dataDir().resolve("ssh"))
              .capabilities(service.capabilities())
              .build();
      var login =
          new LoginCheck(
              new Users(datastore),
              io.yamano.server.auth.LoginThrottle.standard(Clock.systemUTC()),
              LoginCheck.externalAuthenticator(),
              audit);
      var netconf = NetconfSshServer.start(config, login, service);
      started.push(netconf);

      return new YamanoServer(options, registry, datastore, started, netconf);
    } catch (Exception | Error e) {
      closeAll(started);
      throw e;
    }
  }

  public Datastore datastore() {
    return datastore;
  }

  public SchemaRegistry registry() {
    return registry;
  }

  public ServeOptions options() {
    return options;
  }

  /** The port NETCONF over SSH listens on (the actual one when 0 was asked for). */
  public int netconfPort() {
    return netconf.port();
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("yamano: error while stopping: " + e.getMessage());
      }
    }
  }

  /**
   * Stops listeners first, then the NETCONF operations, the event bus with its replay log, and the
   * datastore last; safe to call more than once.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    closeAll(started);
  }
}
