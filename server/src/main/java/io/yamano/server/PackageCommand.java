package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.persist.StoreInUseException;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.RpcException;
import io.yamano.onboarding.Mode;
import io.yamano.onboarding.PackageOnboarding;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yamano package import|delete}: onboarding on a stopped server's data directory (the
 * datastore's lock refuses it while a server runs; use the {@code onboard-package} rpc then). It
 * runs the same code as the rpc, so the report is the same.
 */
@Command(
    name = "package",
    mixinStandardHelpOptions = true,
    description = "Onboard or delete VNF/NS packages in a data directory (server stopped).",
    subcommands = {PackageCommand.Import.class, PackageCommand.Delete.class})
final class PackageCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    new picocli.CommandLine(this).usage(System.out);
    return 0;
  }

  abstract static class OnDataDir {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        defaultValue = "./var",
        description = "The data directory of the (stopped) server (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** Opens the datastore, runs {@code action}, closes it; maps failures to exit codes. */
    int withDatastore(String command, PrintStream err, Action action) {
      try {
        Files.createDirectories(dataDir);
        var context = SchemaRegistry.builder().load().context();
        try (var config = JournalFileCommitLog.open(dataDir.resolve("config"));
            var operational = JournalFileCommitLog.open(dataDir.resolve("operational"));
            var datastore =
                Datastore.open(
                    context,
                    config,
                    operational,
                    IncrementalValidator::forRunning,
                    DataDirKey.open(dataDir))) {
          return action.run(new PackageOnboarding(datastore, dataDir, Clock.systemUTC()));
        }
      } catch (StoreInUseException e) {
        err.println("yamano package " + command + ": " + e.getMessage());
        err.println("A server is running on it: use the onboard-package rpc (NETCONF, RESTCONF).");
        return 1;
      } catch (RpcException e) {
        err.println("yamano package " + command + ": refused:");
        e.errors().forEach(error -> err.println("  " + error));
        return 1;
      } catch (Exception e) {
        err.println("yamano package " + command + ": " + e.getMessage());
        return 1;
      }
    }
  }

  @FunctionalInterface
  interface Action {
    int run(PackageOnboarding onboarding) throws Exception;
  }

  /** {@code yamano package import FILE}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Onboard a SOL004 CSAR, an OSM .tar.gz or a lone descriptor (SOL006 XML/JSON, OSM YAML)",
        "and print the report: every deviation with its path and kind. Exit 0 when onboarded,",
        "1 when refused. Signatures are checked against DATA_DIR/trust/*.pem."
      })
  static final class Import extends OnDataDir implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The package or descriptor file.")
    Path file;

    @Option(names = "--strict", description = "Refuse anything but lossless mappings.")
    boolean strict;

    @Option(names = "--allow-unsigned", description = "Accept a package without signature.")
    boolean allowUnsigned;

    @Option(names = "--dry-run", description = "Check and report, store nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        System.err.println("yamano package import: cannot read " + file + ": " + e.getMessage());
        return 2;
      }
      return withDatastore(
          "import",
          System.err,
          onboarding -> {
            var report =
                onboarding.onboard(
                    bytes,
                    file.getFileName().toString(),
                    new PackageOnboarding.Options(
                        strict ? Mode.STRICT : Mode.LENIENT, allowUnsigned, dryRun),
                    System.getProperty("user.name", "admin"));
            System.out.print(report.render());
            return report.accepted() ? 0 : 1;
          });
    }
  }

  /** {@code yamano package delete ID}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Remove a package: its descriptors, its files and its record.")
  static final class Delete extends OnDataDir implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The package id (pkg-...).")
    String packageId;

    @Override
    public Integer call() {
      return withDatastore(
          "delete",
          System.err,
          onboarding -> {
            onboarding.delete(packageId, System.getProperty("user.name", "admin"));
            System.out.println("package " + packageId + " deleted");
            return 0;
          });
    }
  }
}
