package io.yamano.server;

import io.yamano.cli.CliEnvironment;
import io.yamano.cli.Loader;
import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.RpcException;
import io.yamano.yang.registry.ModelLoadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yamano validate FILE...}: checks descriptors and other configuration offline, in full, as
 * a commit into an empty datastore would (types, mandatory nodes, leafrefs, must, unique).
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check XML, JSON or YAML configuration (descriptors, NS instances ...) against the YANG modules,",
      "as a commit into an empty datastore would. Exit code 0 if every file is valid, 5 if not."
    })
final class ValidateCommand implements Callable<Integer> {
  @Option(names = "--models", paramLabel = "DIR", description = "Extra YANG modules (as serve).")
  List<Path> models = new ArrayList<>();

  @Option(names = "--lenient-models", description = "As serve.")
  boolean lenient;

  @Parameters(paramLabel = "FILE", arity = "1..*")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    io.yamano.yang.registry.SchemaRegistry registry;
    try {
      registry = OfflineStore.schema(models, lenient);
    } catch (ModelLoadException e) {
      System.err.println("yamano validate: " + e.getMessage());
      return ExitCodes.MODELS;
    }
    int result = ExitCodes.OK;
    for (var file : files) {
      var scratch = Files.createTempDirectory("yamano-validate");
      try (var datastore =
          Datastore.open(
              registry.context(),
              JournalFileCommitLog.open(scratch.resolve("config")),
              JournalFileCommitLog.open(scratch.resolve("operational")),
              IncrementalValidator::forRunning)) {
        var words = new CliEnvironment(datastore, scratch, "yamano").pathWords();
        try {
          var data =
              Loader.parse(registry.context(), Files.readString(file, StandardCharsets.UTF_8));
          try (var session = datastore.openInternalSession("yamano-validate")) {
            var tx = session.newTransaction(DatastoreName.RUNNING);
            for (var child : data.body()) {
              tx.merge(YangInstanceIdentifier.of(child.name()), child);
            }
            tx.validate();
          }
          System.out.println(file + ": valid");
        } catch (IllegalArgumentException e) {
          System.out.println(file + ": " + e.getMessage());
          result = ExitCodes.INVALID;
        } catch (RpcException e) {
          for (var error : e.errors()) {
            System.out.println(
                file
                    + ": "
                    + error
                        .path()
                        .filter(p -> !p.isEmpty())
                        .map(p -> words.text(p) + ": ")
                        .orElse("")
                    + error.message());
          }
          result = ExitCodes.INVALID;
        } catch (java.io.IOException e) {
          System.err.println("yamano validate: cannot read " + file + ": " + e.getMessage());
          return ExitCodes.FAILED;
        }
      } finally {
        BackupCommand.deleteQuietly(scratch);
      }
    }
    return result;
  }
}
