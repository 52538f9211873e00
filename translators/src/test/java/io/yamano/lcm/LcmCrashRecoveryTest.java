package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.resourceless.ResourcelessDriver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;

/**
 * A Yamano process killed (SIGKILL) in the middle of an instantiation plan: at the next start the
 * interrupted operation is rolled back from its journal, the NS is instantiated again, and the VIM
 * holds exactly what the NS records — nothing orphaned, nothing missing.
 */
class LcmCrashRecoveryTest {
  @TempDir Path dir;

  @Test
  void killedInTheMiddleOfAPlanRollsBackAndLeavesNoOrphan() throws Exception {
    runAndKill();

    var names = YangNames.of(TestStore.CONTEXT);
    var reader = new ConfigReader(names);
    var store = new TestStore(dir);
    var driver = new ResourcelessDriver();
    var drivers = VimDrivers.of(List.of(driver)).keepStateUnder(dir.resolve("vim"));
    try {
      var root =
          store
              .datastore
              .snapshot(DatastoreName.RUNNING)
              .readNode(YangInstanceIdentifier.of())
              .orElseThrow();
      var lab = driver.connect(reader.vimAccount(root, "lab").orElseThrow());
      assertFalse(
          EngineFixture.owned(lab, "shop").isEmpty(),
          "the kill came after the plan had created something");
      var state =
          store
              .datastore
              .snapshot(DatastoreName.OPERATIONAL)
              .readNode(reader.nsEntry("shop").node(new NodeIdentifier(names.ns("state"))))
              .orElseThrow();
      assertTrue(
          Nodes.entries(state, names.ns("lcm-operation")).stream()
              .anyMatch(o -> "processing".equals(Nodes.text(o, names.ns("state")))),
          "the operation was interrupted");

      try (var engine = LifecycleEngine.start(store.datastore, drivers, LcmPublisher.NONE)) {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(60)));
        var ops =
            Nodes.entries(
                store
                    .datastore
                    .snapshot(DatastoreName.OPERATIONAL)
                    .readNode(reader.nsEntry("shop").node(new NodeIdentifier(names.ns("state"))))
                    .orElseThrow(),
                names.ns("lcm-operation"));
        assertTrue(
            ops.stream()
                .anyMatch(
                    o ->
                        "rolled-back".equals(Nodes.text(o, names.ns("state")))
                            && Nodes.text(o, names.ns("error-message")).contains("restart")),
            ops.toString());
        assertEquals("instantiated", engine.state().status("shop").orElseThrow());
        var actual = engine.state().readActual("shop");
        assertEquals(2, actual.vduCount());
        assertEquals(
            EngineFixture.ids(actual),
            EngineFixture.owned(lab, "shop"),
            "the VIM holds exactly what the NS records");
      }
    } finally {
      store.datastore.close();
    }
  }

  private void runAndKill() throws Exception {
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LcmCrashChild.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (var in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null && !line.equals("created")) {
        // start-up output, then "committed"
      }
      assertEquals("created", line, "the child did not get to create anything");
      process.toHandle().destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }
  }
}
