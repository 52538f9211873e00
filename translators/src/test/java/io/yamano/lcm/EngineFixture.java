package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import io.yamano.lcm.plan.ActualNs;
import io.yamano.vim.OwnedResource;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.resourceless.ResourcelessDriver;
import io.yamano.vim.resourceless.ResourcelessVim;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

/** A datastore with the test catalog and a running engine on the resource-less VIM. */
abstract class EngineFixture {

  static final String WEB_NS =
      "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>lab</vim-account>";
  static final Duration WAIT = Duration.ofSeconds(30);

  TestStore store;
  ResourcelessDriver driver;
  VimDrivers drivers;
  LifecycleEngine engine;
  final List<String> notifications = new CopyOnWriteArrayList<>();
  YangNames names;
  ConfigReader reader;

  @BeforeEach
  void start() throws Exception {
    store = new TestStore();
    driver = new ResourcelessDriver();
    drivers = VimDrivers.of(List.of(driver));
    engine =
        LifecycleEngine.start(store.datastore, drivers, (ns, name, xml) -> notifications.add(xml));
    names = YangNames.of(TestStore.CONTEXT);
    reader = new ConfigReader(names);
  }

  @AfterEach
  void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    if (store != null) {
      store.datastore.close();
    }
  }

  ResourcelessVim vim(String account) throws Exception {
    var root =
        store
            .datastore
            .snapshot(DatastoreName.RUNNING)
            .readNode(org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of())
            .orElseThrow();
    return driver.connect(reader.vimAccount(root, account).orElseThrow());
  }

  void settle() throws Exception {
    assertTrue(engine.awaitIdle(WAIT), "the engine did not settle");
  }

  MapEntryNode lastOperation(String ns) {
    var state =
        store
            .datastore
            .snapshot(DatastoreName.OPERATIONAL)
            .readNode(
                reader
                    .nsEntry(ns)
                    .node(
                        new org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier
                            .NodeIdentifier(names.ns("state"))))
            .orElseThrow();
    return Nodes.entries(state, names.ns("lcm-operation")).stream()
        .max(java.util.Comparator.comparing(op -> Nodes.text(op, names.ns("start-time"))))
        .orElseThrow();
  }

  static Set<String> ids(ActualNs actual) {
    var ids = new TreeSet<String>();
    actual.networks().values().forEach(n -> ids.add(n.networkId()));
    actual
        .vnfs()
        .values()
        .forEach(
            v ->
                v.vdus()
                    .values()
                    .forEach(
                        d -> {
                          ids.add(d.computeId());
                          d.ports().values().forEach(p -> ids.add(p.portId()));
                        }));
    return ids;
  }

  static Set<String> owned(ResourcelessVim vim, String ns) throws Exception {
    return vim.listOwned().stream()
        .filter(r -> ns.equals(r.owner().nsInstanceId()))
        .map(OwnedResource::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
