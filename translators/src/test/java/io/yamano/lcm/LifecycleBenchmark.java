package io.yamano.lcm;

import io.yamano.vim.VimDrivers;
import io.yamano.vim.resourceless.ResourcelessDriver;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Instantiates and terminates many NS instances of three VNFs each on the resource-less VIM (no
 * latency: every millisecond measured is Yamano's own), with the real file journals, and prints per
 * NS: the commit that asks for it, its LCM operation from start to end (p50/p99), the throughput,
 * how many operations ran at once, and heap per instantiated NS. The per-batch means show whether
 * the cost stays flat as the count grows.
 *
 * <pre>./mvnw -q -Pbench-lcm -pl translators -am verify -DskipTests [-Dbench.instances=N]</pre>
 */
public final class LifecycleBenchmark {
  private static final Pattern ID = Pattern.compile("<lcm-operation-id>([^<]+)<");
  private static final Pattern STATE = Pattern.compile("<state>([^<]+)<");

  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final List<Long> durations = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  private LifecycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 1000;
    new LifecycleBenchmark().run(count);
  }

  private void observe(String xml) {
    var id = ID.matcher(xml);
    var state = STATE.matcher(xml);
    if (!id.find() || !state.find()) {
      return;
    }
    long now = System.nanoTime();
    switch (state.group(1)) {
      case "processing" -> {
        started.put(id.group(1), now);
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      }
      case "completed", "failed", "rolled-back" -> {
        Long t0 = started.remove(id.group(1));
        running.decrementAndGet();
        if (t0 != null) {
          durations.add(now - t0);
        }
        if (!"completed".equals(state.group(1))) {
          failed.incrementAndGet();
        }
      }
      default -> {}
    }
  }

  private void run(int count) throws Exception {
    Path dir = Files.createTempDirectory("yamano-lcm-bench");
    var store = new TestStore(dir);
    store.commit(TRI_NSD);
    var drivers =
        VimDrivers.of(List.of(new ResourcelessDriver())).keepStateUnder(dir.resolve("vim"));
    System.out.printf(
        "Lifecycle benchmark: %d NS instances x 3 VNFs (1 VDU, 1 port each) on the resource-less"
            + " VIM, file journals, %d cores%n",
        count, Runtime.getRuntime().availableProcessors());
    try (var engine =
        LifecycleEngine.start(store.datastore, drivers, (ns, name, xml) -> observe(xml))) {
      warmUp(store, engine);
      long heapBefore = heapAfterGc();
      var commits = new long[count];
      long t0 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long c0 = System.nanoTime();
        store.commit(TestStore.ns("ns-" + i, NS_TEMPLATE));
        commits[i] = System.nanoTime() - c0;
      }
      require(engine.awaitIdle(Duration.ofMinutes(30)), "instantiation did not finish");
      long instantiated = System.nanoTime() - t0;
      var instantiateOps = drain();
      long heapAfter = heapAfterGc();
      check(engine, count, "instantiated");

      var terminateCommits = new long[count];
      long t1 = System.nanoTime();
      for (int i = 0; i < count; i++) {
        long c0 = System.nanoTime();
        store.commit(TestStore.ns("ns-" + i, "<admin-state>not-instantiated</admin-state>"));
        terminateCommits[i] = System.nanoTime() - c0;
      }
      require(engine.awaitIdle(Duration.ofMinutes(30)), "termination did not finish");
      long terminated = System.nanoTime() - t1;
      var terminateOps = drain();
      check(engine, count, "not-instantiated");

      System.out.printf("%-34s %12s %10s %10s%n", "", "per NS", "p50", "p99");
      row("instantiate: commit asking for it", commits);
      row("instantiate: LCM operation", instantiateOps);
      System.out.printf(
          "%-34s %9.2f ms  (%d NS in %.1f s, at most %d operations at once)%n",
          "instantiate: wall clock / NS",
          instantiated / 1e6 / count,
          count,
          instantiated / 1e9,
          peak.get());
      row("terminate: commit asking for it", terminateCommits);
      row("terminate: LCM operation", terminateOps);
      System.out.printf(
          "%-34s %9.2f ms  (%d NS in %.1f s)%n",
          "terminate: wall clock / NS", terminated / 1e6 / count, count, terminated / 1e9);
      System.out.printf(
          "%-34s %9.1f KiB (heap after GC, datastore + engine + VIM)%n",
          "memory per instantiated NS", (heapAfter - heapBefore) / 1024.0 / count);
      System.out.printf("%-34s", "commit p50 by tenth of the run (ms)");
      int tenth = Math.max(1, count / 10);
      for (int b = 0; b < 10 && (b + 1) * tenth <= count; b++) {
        System.out.printf(
            " %.2f", percentile(Arrays.copyOfRange(commits, b * tenth, (b + 1) * tenth), 50));
      }
      System.out.println();
      System.out.printf("failed or rolled back operations: %d%n", failed.get());
    } finally {
      store.datastore.close();
    }
  }

  /** Runs a few instances first, so that the JIT has compiled the paths measured. */
  private void warmUp(TestStore store, LifecycleEngine engine) throws Exception {
    for (int i = 0; i < 50; i++) {
      store.commit(TestStore.ns("warm-" + i, NS_TEMPLATE));
    }
    require(engine.awaitIdle(Duration.ofMinutes(5)), "warm-up did not finish");
    for (int i = 0; i < 50; i++) {
      store.commit(TestStore.ns("warm-" + i, "<admin-state>not-instantiated</admin-state>"));
    }
    require(engine.awaitIdle(Duration.ofMinutes(5)), "warm-up did not finish");
    drain();
    peak.set(0);
    failed.set(0);
  }

  private long[] drain() {
    synchronized (durations) {
      var out = durations.stream().mapToLong(Long::longValue).toArray();
      durations.clear();
      return out;
    }
  }

  private static void check(LifecycleEngine engine, int count, String status) {
    for (int i = 0; i < count; i++) {
      String got = engine.state().status("ns-" + i).orElse("none");
      require(got.equals(status), "ns-" + i + " is " + got + ", not " + status);
    }
  }

  private static void row(String what, long[] nanos) {
    double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
    System.out.printf(
        "%-34s %9.2f ms %7.2f ms %7.2f ms%n",
        what, mean, percentile(nanos, 50), percentile(nanos, 99));
  }

  private static double percentile(long[] nanos, int p) {
    if (nanos.length == 0) {
      return 0;
    }
    var sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private static final String NS_TEMPLATE =
      "<nsd-ref>tri-ns</nsd-ref><flavour>default</flavour><vim-account>big</vim-account>";

  /** An NSD of three members, each a VNF of the test catalog's {@code web} VNFD. */
  private static final String TRI_NSD;

  static {
    var profiles = new StringBuilder();
    var mapping = new StringBuilder();
    for (String m : new String[] {"a", "b", "c"}) {
      profiles
          .append("<vnf-profile><id>")
          .append(m)
          .append("</id><vnfd-id>web</vnfd-id><flavour-id>default</flavour-id>")
          .append("<instantiation-level>one</instantiation-level>")
          .append("<min-number-of-instances>1</min-number-of-instances>")
          .append("<max-number-of-instances>1</max-number-of-instances></vnf-profile>");
      mapping
          .append("<vnf-to-level-mapping><vnf-profile-id>")
          .append(m)
          .append("</vnf-profile-id><number-of-instances>1</number-of-instances>")
          .append("</vnf-to-level-mapping>");
    }
    TRI_NSD =
        "<config><nfv xmlns=\"urn:yamano:params:xml:ns:yang:yamano-nfv\"><nsd><id>tri-ns</id>"
            + "<designer>bench</designer><version>1.0</version><name>three VNFs</name>"
            + "<vnfd-id>web</vnfd-id><df><id>default</id>"
            + profiles
            + "<ns-instantiation-level><id>default</id>"
            + mapping
            + "</ns-instantiation-level>"
            + "<default-instantiation-level>default</default-instantiation-level></df></nsd>"
            + "</nfv></config>";
  }
}
