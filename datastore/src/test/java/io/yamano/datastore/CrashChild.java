package io.yamano.datastore;

import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import java.nio.file.Path;

/**
 * Runs in a child JVM for {@link CrashRecoveryTest}: commits one entry after another into running
 * and prints each committed sequence once the commit has returned (so it is durable). The parent
 * kills this process at an arbitrary instant.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    var dir = Path.of(args[0]);
    int start = Integer.parseInt(args[1]);
    var ds =
        Datastore.open(
            Shop.context(),
            JournalFileCommitLog.open(dir.resolve("config")),
            JournalFileCommitLog.open(dir.resolve("operational")),
            IncrementalValidator::forRunning);
    var session = ds.openSession(1, "crash");
    for (int i = start; ; i++) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      // Each commit writes a big-ish entry and replaces a small one, so that a torn write would
      // show as a missing, partial or out-of-order entry.
      tx.merge(Shop.item("e" + i), Shop.itemNode("e" + i, 1 + i % 1000, "sku-" + i));
      tx.merge(
          Shop.SHOP_PATH.node(Shop.NAME),
          org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode(
              Shop.NAME, "n" + i));
      var committed = tx.commit("c" + i);
      System.out.println("committed " + i + " " + committed.sequence());
      System.out.flush();
    }
  }
}
