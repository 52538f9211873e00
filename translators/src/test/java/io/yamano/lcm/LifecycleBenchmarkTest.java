package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.vim.VimDrivers;
import io.yamano.vim.resourceless.ResourcelessDriver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prints (does not assert) the cost of instantiating and terminating many sample NS instances. */
class LifecycleBenchmarkTest {

  static final int INSTANCES = 200;

  @Test
  void instantiateAndTerminateManyInstances() throws Exception {
    var store = new TestStore();
    var driver = new ResourcelessDriver();
    try (var engine =
        LifecycleEngine.start(store.datastore, VimDrivers.of(List.of(driver)), LcmPublisher.NONE)) {
      var xml =
          new StringBuilder(
              "<config><ns-instances xmlns=\"urn:yamano:params:xml:ns:yang:yamano-ns\">");
      for (int i = 0; i < INSTANCES; i++) {
        xml.append("<ns-instance><name>bench-")
            .append(i)
            .append(
                "</name><nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>big</vim-account></ns-instance>");
      }
      xml.append("</ns-instances></config>");
      long t0 = System.nanoTime();
      store.commit(xml.toString());
      long committed = System.nanoTime();
      assertTrue(engine.awaitIdle(Duration.ofMinutes(5)));
      long instantiated = System.nanoTime();
      for (int i = 0; i < INSTANCES; i++) {
        assertTrue(
            "instantiated".equals(engine.state().status("bench-" + i).orElse(null)), "bench-" + i);
      }
      var off =
          new StringBuilder(
              "<config><ns-instances xmlns=\"urn:yamano:params:xml:ns:yang:yamano-ns\">");
      for (int i = 0; i < INSTANCES; i++) {
        off.append("<ns-instance><name>bench-")
            .append(i)
            .append("</name><admin-state>not-instantiated</admin-state></ns-instance>");
      }
      off.append("</ns-instances></config>");
      long t1 = System.nanoTime();
      store.commit(off.toString());
      assertTrue(engine.awaitIdle(Duration.ofMinutes(5)));
      long terminated = System.nanoTime();
      System.out.printf(
          "LCM benchmark: %d NS instances (1 VNF, 1 VDU, 1 port, 1 network each) on the resource-less VIM%n"
              + "  commit of all instances: %d ms%n"
              + "  instantiate all: %d ms total, %.2f ms per NS (wall clock, parallel)%n"
              + "  terminate all:   %d ms total, %.2f ms per NS (wall clock, parallel)%n",
          INSTANCES,
          (committed - t0) / 1_000_000,
          (instantiated - t0) / 1_000_000,
          (instantiated - t0) / 1e6 / INSTANCES,
          (terminated - t1) / 1_000_000,
          (terminated - t1) / 1e6 / INSTANCES);
    } finally {
      store.datastore.close();
    }
  }
}
