package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The datastore of a data directory opened by a local command while no server runs. The journal's
 * directory locks make this safe: if a server holds them, opening fails with {@link
 * io.yamano.datastore.persist.StoreInUseException}.
 */
final class OfflineStore {
  private OfflineStore() {}

  static SchemaRegistry schema(List<Path> models, boolean lenient) throws Exception {
    var builder = SchemaRegistry.builder().lenient(lenient);
    for (var dir : models) {
      builder.addModelDirectory(dir);
    }
    return builder.load();
  }

  static Datastore open(SchemaRegistry registry, Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir.resolve("config"))) {
      throw new IOException(dataDir + " holds no Yamano data (no config journal)");
    }
    var config = JournalFileCommitLog.open(dataDir.resolve("config"));
    JournalFileCommitLog operational;
    try {
      operational = JournalFileCommitLog.open(dataDir.resolve("operational"));
    } catch (IOException | RuntimeException e) {
      config.close();
      throw e;
    }
    return Datastore.open(
        registry.context(),
        config,
        operational,
        IncrementalValidator::forRunning,
        DataDirKey.open(dataDir));
  }
}
