package io.yamano.server;

import io.yamano.yang.registry.ModelLoadException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code yamano} command. */
@Command(
    name = "yamano",
    mixinStandardHelpOptions = true,
    version = "Yamano 0.1.0",
    description = "NETCONF/YANG-first NFV management and orchestration.",
    subcommands = {
      Main.Serve.class,
      PackageCommand.class,
      UserCommand.class,
      BackupCommand.Backup.class,
      BackupCommand.Restore.class,
      ValidateCommand.class,
      VersionCommand.Version.class,
      VersionCommand.Completion.class,
      RestoreAdmin.class
    })
public final class Main implements Callable<Integer> {

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** {@code yamano serve}: runs Yamano until Ctrl-C. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Start Yamano on its embedded defaults: the durable datastore in the data dir,",
        "the resource-less VIM and a sample catalog.",
        "On first start with an empty data dir, creates user 'admin' with the password in",
        "YAMANO_ADMIN_PASSWORD, or a generated one printed once and written to",
        "DATA_DIR/initial-admin-password (mode 600)."
      })
  static final class Serve implements Callable<Integer> {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        defaultValue = "./var",
        description = "Where the datastore, host keys and logs live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
        names = "--models",
        paramLabel = "DIR",
        description = "Extra YANG modules to load (repeatable); any that fails stops the start.")
    List<Path> models = new ArrayList<>();

    @Option(
        names = "--lenient-models",
        description =
            "Repair known defects of third-party modules (e.g. a 'uses' as shorthand case under an"
                + " augment of a choice, RFC 7950 §7.9.2) with a warning instead of refusing them.")
    boolean lenientModels;

    @Option(
        names = "--listen",
        paramLabel = "ADDR",
        defaultValue = "127.0.0.1",
        description = "Address every listener binds (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(
        names = "--netconf-port",
        defaultValue = "2830",
        description = "NETCONF over SSH port (default: ${DEFAULT-VALUE}).")
    int netconfPort;

    @Option(
        names = "--cli-port",
        defaultValue = "2831",
        description = "SSH CLI port (default: ${DEFAULT-VALUE}).")
    int cliPort;

    @Option(
        names = "--restconf-port",
        defaultValue = "8443",
        description = "RESTCONF port, HTTPS (default: ${DEFAULT-VALUE}).")
    int restconfPort;

    @Option(
        names = "--restconf-plain-http",
        description =
            "Serve RESTCONF over plain HTTP instead of HTTPS: only behind a TLS proxy or on a"
                + " trusted network (credentials travel in clear).")
    boolean restconfPlainHttp;

    @Override
    public Integer call() throws Exception {
      ServeOptions options;
      try {
        options =
            new ServeOptions(
                dataDir,
                models,
                lenientModels,
                InetAddress.getByName(listen),
                netconfPort,
                cliPort,
                restconfPort,
                restconfPlainHttp);
      } catch (IllegalArgumentException | java.net.UnknownHostException e) {
        System.err.println("yamano serve: " + e.getMessage());
        return 2;
      }
      long t0 = System.nanoTime();
      YamanoServer server;
      try {
        server = YamanoServer.start(options, System.getenv(), System.out);
      } catch (ModelLoadException e) {
        System.err.println("yamano serve: " + e.getMessage());
        System.err.println("Nothing was started. Fix the modules, or see --lenient-models.");
        return 3;
      } catch (IllegalStateException | java.io.IOException e) {
        System.err.println("yamano serve: " + e.getMessage());
        return 1;
      } catch (io.yamano.error.RpcException e) {
        System.err.println("yamano serve: the initial configuration was refused:");
        e.errors().forEach(error -> System.err.println("  " + error));
        return 1;
      }
      var stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (Exception e) {
                      System.err.println("yamano: " + e.getMessage());
                    }
                    System.out.println("Yamano stopped.");
                    stopped.countDown();
                  },
                  "yamano-shutdown"));
      System.out.printf(
          "Yamano ready in %.1f s: NETCONF on %s:%d, CLI on port %d, RESTCONF at %s://%s:%d/restconf,"
              + " data in %s (Ctrl-C stops)%n",
          (System.nanoTime() - t0) / 1e9,
          options.listen().getHostAddress(),
          server.netconfPort(),
          server.cliPort(),
          server.restconfScheme(),
          options.listen().getHostAddress(),
          server.restconfPort(),
          options.dataDir().toAbsolutePath().normalize());
      stopped.await();
      return 0;
    }
  }
}
