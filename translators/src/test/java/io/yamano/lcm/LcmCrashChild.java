package io.yamano.lcm;

import io.yamano.datastore.DatastoreName;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.YangNames;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.resourceless.ResourcelessDriver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * Runs in a child JVM for {@link LcmCrashRecoveryTest}: a Yamano core (file journals, a
 * resource-less VIM keeping its state in the same directory) whose VIM answers slowly, asked to
 * instantiate an NS. It prints {@code committed} once the request is durable and {@code created}
 * once the plan has created its first VIM resource; the parent kills it then.
 */
public final class LcmCrashChild {
  private LcmCrashChild() {}

  public static void main(String[] args) throws Exception {
    var dir = Path.of(args[0]);
    var store = new TestStore(dir);
    var driver = new ResourcelessDriver();
    var drivers = VimDrivers.of(List.of(driver)).keepStateUnder(dir.resolve("vim"));
    var reader = new ConfigReader(YangNames.of(TestStore.CONTEXT));
    var root =
        store.datastore.snapshot(DatastoreName.RUNNING).readNode(YangInstanceIdentifier.of()).get();
    var engine = LifecycleEngine.start(store.datastore, drivers, LcmPublisher.NONE);
    // the engine's connection to the account exists from here on; slow it down afterwards
    store.commit(TestStore.ns("warmup", LifecycleEngineTest.WEB_NS));
    engine.awaitIdle(Duration.ofSeconds(60));
    driver.connect(reader.vimAccount(root, "lab").orElseThrow()).setLatency(Duration.ofMillis(300));
    store.commit(
        TestStore.ns(
            "shop",
            LifecycleEngineTest.WEB_NS + "<instantiation-level>double</instantiation-level>"));
    System.out.println("committed");
    var lab = driver.connect(reader.vimAccount(root, "lab").orElseThrow());
    while (EngineFixture.owned(lab, "shop").isEmpty()) {
      Thread.sleep(5);
    }
    // the plan has created something; ports and the release take 300 ms more at least
    System.out.println("created");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
