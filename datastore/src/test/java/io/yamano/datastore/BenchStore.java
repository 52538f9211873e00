package io.yamano.datastore;

import io.yamano.datastore.persist.CommitLog;
import java.nio.file.Path;

/** The commit log the benchmark measures: the same store the server runs on. */
final class BenchStore {
  private BenchStore() {}

  static CommitLog open(Path dir) throws Exception {
    return io.yamano.datastore.persist.JournalFileCommitLog.open(dir);
  }
}
