package io.yamano.datastore;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Datastore figures for README: bulk create, whole-tree read, one-entry create and delete into a
 * full list, heap per entry. "walk all" visits every node of a snapshot; "XML all" serialises the
 * whole datastore as get-config does (best of 3) — on the journal store, with the {@code unique}
 * index live. Run with {@code ./mvnw -q -Pbench -pl datastore verify}; prints a table, asserts
 * nothing.
 */
public final class DatastoreBenchmark {
  private static final int ONE_ENTRY_ROUNDS = 300;

  private DatastoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    var sizes =
        args.length > 0
            ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
            : new int[] {1_000, 10_000, 100_000, 333_334};
    System.out.println();
    System.out.println(
        "Yamano datastore benchmark (list entries of 3 leaves, unique index on, durable journal store)");
    System.out.printf(
        Locale.ROOT,
        "%-22s %12s %12s %12s %14s %14s %14s %14s %12s%n",
        "entries (leaves)",
        "bulk create",
        "walk all",
        "XML all",
        "1-entry p50",
        "1-entry p99",
        "delete p50",
        "delete p99",
        "heap/entry");
    for (int size : sizes) {
      run(size);
    }
  }

  private static void run(int size) throws Exception {
    Path dir = Files.createTempDirectory("yamano-bench");
    try (var ds = open(dir)) {
      var session = ds.openSession(1, "bench");
      long heapBefore = usedHeap();
      var items = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(Shop.id(Shop.ITEM));
      for (int i = 0; i < size; i++) {
        items.withChild(Shop.itemNode("item-" + i, 1 + i % 1000, "sku-" + i));
      }
      var shop =
          ImmutableNodes.newContainerBuilder()
              .withNodeIdentifier(Shop.id(Shop.SHOP))
              .withChild(items.build())
              .build();
      long t0 = System.nanoTime();
      var tx = session.newTransaction(DatastoreName.RUNNING);
      tx.replace(Shop.SHOP_PATH, shop);
      tx.commit("bulk");
      long bulk = System.nanoTime() - t0;
      shop = null;
      items = null;
      long heapAfter = usedHeap();

      long nodes = 0;
      long walk = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long walkStart = System.nanoTime();
        nodes =
            walk(
                ds.snapshot(DatastoreName.RUNNING)
                    .readNode(YangInstanceIdentifier.of())
                    .orElseThrow());
        walk = Math.min(walk, System.nanoTime() - walkStart);
      }
      long bytes = 0;
      long read = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long readStart = System.nanoTime();
        bytes = writeXml(ds);
        read = Math.min(read, System.nanoTime() - readStart);
      }

      var create = new long[ONE_ENTRY_ROUNDS];
      var delete = new long[ONE_ENTRY_ROUNDS];
      for (int r = 0; r < ONE_ENTRY_ROUNDS; r++) {
        var id = "extra-" + r;
        long c0 = System.nanoTime();
        var one = session.newTransaction(DatastoreName.RUNNING);
        one.create(Shop.item(id), Shop.itemNode(id, 5, "sku-extra-" + r));
        one.commit("one");
        create[r] = System.nanoTime() - c0;
        long d0 = System.nanoTime();
        var del = session.newTransaction(DatastoreName.RUNNING);
        del.delete(Shop.item(id));
        del.commit("del");
        delete[r] = System.nanoTime() - d0;
      }
      Arrays.sort(create);
      Arrays.sort(delete);
      System.out.printf(
          Locale.ROOT,
          "%-22s %10.3f s %10.3f s %10.3f s %11.3f ms %11.3f ms %11.3f ms %11.3f ms %10d B%n",
          size + " (" + 3L * size + ")",
          bulk / 1e9,
          walk / 1e9,
          read / 1e9,
          create[ONE_ENTRY_ROUNDS / 2] / 1e6,
          create[ONE_ENTRY_ROUNDS * 99 / 100] / 1e6,
          delete[ONE_ENTRY_ROUNDS / 2] / 1e6,
          delete[ONE_ENTRY_ROUNDS * 99 / 100] / 1e6,
          Math.max(0, heapAfter - heapBefore) / size);
      if (bytes == 0 || nodes < size) {
        throw new IllegalStateException("nothing was read");
      }
    } finally {
      deleteTree(dir);
    }
  }

  static Datastore open(Path dir) throws Exception {
    return Datastore.open(
        Shop.context(),
        BenchStore.open(dir.resolve("config")),
        BenchStore.open(dir.resolve("operational")),
        io.yamano.datastore.validation.IncrementalValidator::forRunning);
  }

  /** Serialises the whole running datastore as a get-config reply does, into a counting sink. */
  private static long writeXml(Datastore ds) throws Exception {
    var counter = new CountingStream();
    var out =
        new java.io.BufferedWriter(
            new java.io.OutputStreamWriter(counter, java.nio.charset.StandardCharsets.UTF_8),
            1 << 16);
    out.write("<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">");
    new io.yamano.yang.xml.XmlDataWriter(ds.context())
        .writeChildren(
            ds.snapshot(DatastoreName.RUNNING).readNode(YangInstanceIdentifier.of()).orElseThrow(),
            out);
    out.write("</data>");
    out.flush();
    return counter.count;
  }

  /** Visits every node and value of the tree, as a reader holding a snapshot would. */
  private static long walk(org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode node) {
    long count = 1;
    if (node
        instanceof
        org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer<?> container) {
      for (var child : container.body()) {
        count += walk(child);
      }
    } else if (node.body() == null) {
      throw new IllegalStateException("leaf without value");
    }
    return count;
  }

  private static long usedHeap() throws InterruptedException {
    var rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(files.toList());
      java.util.Collections.reverse(all);
      for (var p : all) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
