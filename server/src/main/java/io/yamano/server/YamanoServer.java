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
import io.yamano.restconf.RestconfConfig;
import io.yamano.restconf.RestconfServer;
import io.yamano.restconf.RestconfService;
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
  private final CliSshServer cli;
  private final RestconfServer restconf;
  private boolean closed;

  private YamanoServer(
      ServeOptions options,
      SchemaRegistry registry,
      Datastore datastore,
      Deque<AutoCloseable> started,
      NetconfSshServer netconf,
      CliSshServer cli,
      RestconfServer restconf) {
    this.options = options;
    this.registry = registry;
    this.datastore = datastore;
    this.started = started;
    this.netconf = netconf;
    this.cli = cli;
    this.restconf = restconf;
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
      ports.put("CLI", options.cliPort());
      ports.put("RESTCONF", options.restconfPort());
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
              registry.context(),
              configLog,
              operationalLog,
              IncrementalValidator::forRunning,
              DataDirKey.open(options.dataDir()));
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

      // VNF brokers configure VNFs at the engine's configure steps and serve execute-primitive.
      var lifecycles =
          io.yamano.lcm.broker.VnfLifecycles.start(
              datastore, io.yamano.broker.VnfBrokers.load(), bus::publish);
      started.push(lifecycles);
      // The engine publishes lcm-operation-state-change on the bus; it stops before the bus does.
      var engine =
          io.yamano.lcm.LifecycleEngine.start(
              datastore,
              io.yamano.vim.VimDrivers.load().keepStateUnder(options.dataDir().resolve("vim")),
              bus::publish,
              io.yamano.lcm.EngineOptions.DEFAULTS,
              lifecycles);
      started.push(engine);
      started.push(
          io.yamano.onboarding.service.PackageOperations.start(datastore, options.dataDir()));

      var service =
          NetconfService.create(datastore, registry, options.dataDir().resolve("files"), bus);
      started.push(service);
      var config =
          NetconfServerConfig.builder()
              .bindAddress(new InetSocketAddress(options.listen(), options.netconfPort()))
              .hostKeyDirectory(options.dataDir().resolve("ssh"))
              .capabilities(service.capabilities())
              .build();
      var users = new Users(datastore);
      var authenticator =
          new LoginCheck(
              users,
              io.yamano.server.auth.LoginThrottle.standard(Clock.systemUTC()),
              LoginCheck.externalAuthenticator(),
              audit);
      var netconf = NetconfSshServer.start(config, authenticator, service);
      started.push(netconf);
      var cliEnvironment =
          new io.yamano.cli.CliEnvironment(datastore, options.dataDir().resolve("files"), "yamano");
      // commit dry-run shows what the engine would do with the configuration as committed
      cliEnvironment.planPreview(engine::describePlans);
      cliEnvironment
          .values()
          .typedAs(
              Users.passwordLeaf(datastore),
              text ->
                  text.startsWith("$pbkdf2-sha256$")
                      ? text
                      : PasswordHasher.hash(text.toCharArray()));
      var cli =
          CliSshServer.start(
              new InetSocketAddress(options.listen(), options.cliPort()),
              options.dataDir().resolve("ssh"),
              authenticator,
              cliEnvironment,
              new CliSshServer.SessionTrail() {
                @Override
                public void started(long id, String user, String source) {
                  audit.sessionStarted("cli", id, user, source);
                }

                @Override
                public void ended(long id, String user, String source, String reason) {
                  audit.sessionEnded("cli", id, user, source, reason);
                }
              });
      started.push(cli);

      var restconfService =
          RestconfService.create(
              datastore,
              authenticator::checkPassword,
              service::serverState,
              bus,
              authenticator::checkCertificate);
      started.push(restconfService);
      var restconf =
          RestconfServer.start(
              new RestconfConfig(
                  new InetSocketAddress(options.listen(), options.restconfPort()),
                  options.dataDir().resolve("tls"),
                  options.restconfPlainHttp()),
              restconfService);
      started.push(restconf);

      return new YamanoServer(options, registry, datastore, started, netconf, cli, restconf);
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

  /** The port the SSH CLI listens on (the actual one when 0 was asked for). */
  public int cliPort() {
    return cli.port();
  }

  /** The port RESTCONF listens on (the actual one when 0 was asked for). */
  public int restconfPort() {
    return restconf.port();
  }

  /** {@code https}, or {@code http} with {@code --restconf-plain-http}. */
  public String restconfScheme() {
    return restconf.scheme();
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
   * Stops listeners first (RESTCONF, then NETCONF), then the NETCONF operations, the event bus with
   * its replay log, and the datastore last; safe to call more than once.
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
