package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;

/**
 * Crash safety of the whole commit path: a child JVM commits in a loop and is killed (SIGKILL) at
 * random instants; after each kill the datastore reopens with every acknowledged commit present,
 * complete and in order, and with nothing the child did not attempt.
 */
class CrashRecoveryTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedCommitSurvivesKill() throws Exception {
    var random = new Random(42);
    int next = 0;
    for (int round = 0; round < 4; round++) {
      var acknowledged = runAndKill(next, 300 + random.nextInt(900));
      assertTrue(!acknowledged.isEmpty(), "child committed nothing in round " + round);
      int lastAck = acknowledged.get(acknowledged.size() - 1);
      try (var ds = open()) {
        var running = ds.snapshot(DatastoreName.RUNNING);
        for (int i = 0; i <= lastAck; i++) {
          assertTrue(running.readNode(Shop.item("e" + i)).isPresent(), "lost acknowledged e" + i);
        }
        // The commit in flight at the kill is either wholly there or wholly absent.
        var inFlight = running.readNode(Shop.item("e" + (lastAck + 1))).isPresent();
        var name =
            ((LeafNode<?>) running.readNode(Shop.SHOP_PATH.node(Shop.NAME)).orElseThrow()).body();
        assertEquals("n" + (inFlight ? lastAck + 1 : lastAck), name);
        assertTrue(running.readNode(Shop.item("e" + (lastAck + 2))).isEmpty());
        next = inFlight ? lastAck + 2 : lastAck + 1;
        var history = ds.history(1);
        assertEquals("c" + (next - 1), history.get(0).comment());
      }
    }
  }

  private List<Integer> runAndKill(int start, long afterMillis) throws Exception {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                dir.toString(),
                Integer.toString(start))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    var acknowledged = new ArrayList<Integer>();
    var reader =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  if (line.startsWith("committed ")) {
                    synchronized (acknowledged) {
                      acknowledged.add(Integer.parseInt(line.split(" ")[1]));
                    }
                  }
                }
              } catch (Exception e) {
                // the stream ends when the child is killed
              }
            });
    reader.start();
    // Let the child start up and commit for a while, then kill it without warning.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      synchronized (acknowledged) {
        if (!acknowledged.isEmpty()) {
          break;
        }
      }
      Thread.sleep(20);
    }
    Thread.sleep(afterMillis);
    // Kill through the handle: Process.destroyForcibly() would also close our end of the pipe and
    // drop acknowledgements the child wrote just before dying.
    process.toHandle().destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(5000);
    synchronized (acknowledged) {
      return new ArrayList<>(acknowledged);
    }
  }

  private Datastore open() throws Exception {
    return Datastore.open(
        Shop.context(),
        JournalFileCommitLog.open(dir.resolve("config")),
        JournalFileCommitLog.open(dir.resolve("operational")),
        IncrementalValidator::forRunning);
  }
}
