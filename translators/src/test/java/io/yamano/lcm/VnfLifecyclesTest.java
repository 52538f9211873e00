package io.yamano.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.broker.BrokerException;
import io.yamano.broker.Operation;
import io.yamano.broker.VnfBroker;
import io.yamano.broker.VnfBrokers;
import io.yamano.broker.VnfEndpoint;
import io.yamano.broker.VnfSession;
import io.yamano.broker.metadata.LifecycleReader;
import io.yamano.lcm.broker.VnfLifecycles;
import io.yamano.lcm.model.ConfigReader;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import io.yamano.vim.VimDrivers;
import io.yamano.vim.resourceless.ResourcelessDriver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;

/**
 * The engine's configure step drives VNF lifecycles: which event each operation fires, with which
 * parameters, and what is recorded; against a broker that records what it is asked.
 */
class VnfLifecyclesTest {
  /** What the recording broker was asked, as {@code endpoint-address request}. */
  static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

  /** The passwords the recording broker was given to log in with. */
  static final List<String> PASSWORDS = new CopyOnWriteArrayList<>();

  /** Answers every request with {@code <ok/>} and records it. */
  static final class RecordingBroker implements VnfBroker {
    @Override
    public String name() {
      return "recording";
    }

    @Override
    public VnfSession open(VnfEndpoint endpoint) {
      if (endpoint.password() != null) {
        PASSWORDS.add(endpoint.password());
      }
      return new VnfSession() {
        @Override
        public String perform(Operation operation) throws BrokerException {
          String request = ((Operation.NetconfRpc) operation).request();
          if (request.contains("refuse")) {
            throw new BrokerException(BrokerException.Reason.REFUSED, "refused by the VNF", "no");
          }
          REQUESTS.add(endpoint.address() + " " + request);
          return "<ok/>";
        }

        @Override
        public void close() {}
      };
    }
  }

  TestStore store;
  LifecycleEngine engine;
  VnfLifecycles lifecycles;
  YangNames names;
  ConfigReader reader;

  @BeforeEach
  void start() throws Exception {
    REQUESTS.clear();
    PASSWORDS.clear();
    store = new TestStore();
    names = YangNames.of(TestStore.CONTEXT);
    reader = new ConfigReader(names);
    lifecycles =
        VnfLifecycles.start(
            store.datastore, VnfBrokers.of(new RecordingBroker()), LcmPublisher.NONE);
    engine =
        LifecycleEngine.start(
            store.datastore,
            VimDrivers.of(List.of(new ResourcelessDriver())),
            LcmPublisher.NONE,
            EngineOptions.DEFAULTS,
            lifecycles);
  }

  @AfterEach
  void stop() throws Exception {
    engine.close();
    lifecycles.close();
    store.datastore.close();
  }

  void withLifecycle(String day1) throws Exception {
    withLifecycle(day1, "");
  }

  void withLifecycle(String day1, String login) throws Exception {
    store.commit(
        "<config><nfv xmlns=\"urn:yamano:params:xml:ns:yang:yamano-nfv\"><vnfd><id>web</id>"
            + "<lifecycle xmlns=\""
            + LifecycleReader.NAMESPACE
            + "\"><inline><broker>recording</broker>"
            + "<management><port>8300</port>"
            + login
            + "</management>"
            + "<state>initial</state><state>configured</state>"
            + "<parameter><name>mtu</name><value>1500</value></parameter>"
            + "<transition><name>day-1</name><event>instantiated</event><from>initial</from><to>configured</to>"
            + "<action><name>day1</name><netconf-rpc><request>"
            + day1
            + "</request></netconf-rpc></action></transition>"
            + "<transition><name>scale</name><event>scaled</event><to>configured</to>"
            + "<action><name>rescale</name><netconf-rpc><request>rescale {{vnf-instance}}</request></netconf-rpc></action></transition>"
            + "<transition><name>stop</name><event>terminating</event><to>initial</to>"
            + "<action><name>stop</name><netconf-rpc><request>stop {{vnf-instance}}</request></netconf-rpc></action></transition>"
            + "</inline></lifecycle></vnfd></nfv></config>");
  }

  static String ns(String name, String extra) {
    return TestStore.ns(
        name,
        "<nsd-ref>web-ns</nsd-ref><flavour>default</flavour><vim-account>lab</vim-account>"
            + extra);
  }

  static String param(String name, String value) {
    return "<additional-param><name>"
        + name
        + "</name><value>"
        + value
        + "</value></additional-param>";
  }

  void settle() throws Exception {
    assertTrue(engine.awaitIdle(Duration.ofSeconds(30)), "the engine did not settle");
  }

  String lastOperationState(String ns) {
    var state =
        store
            .datastore
            .snapshot(io.yamano.datastore.DatastoreName.OPERATIONAL)
            .readNode(reader.nsEntry(ns).node(new NodeIdentifier(names.ns("state"))))
            .orElseThrow();
    var op =
        Nodes.entries(state, names.ns("lcm-operation")).stream()
            .max(java.util.Comparator.comparing(o -> Nodes.text(o, names.ns("start-time"))))
            .orElseThrow();
    return Nodes.text(op, names.ns("state")) + ": " + Nodes.text(op, names.ns("error-message"));
  }

  @Test
  void instantiateFiresInstantiatedWithTheVimAddressAndTheMembersOwnParameters() throws Exception {
    withLifecycle(
        "day1 {{vnf-instance}} {{member-vnf-index}} {{mgmt-address}} {{vdu.web-1.eth0.ip}} {{mtu}}");
    store.commit(
        ns("shop", param("mtu", "1400") + param("web:mtu", "9000") + param("other:mtu", "1")));
    settle();

    assertEquals("completed: null", lastOperationState("shop"));
    assertEquals(1, REQUESTS.size(), REQUESTS.toString());
    String[] words = REQUESTS.get(0).split(" ");
    assertTrue(words[0].matches("10\\.0\\.0\\.\\d+:8300"), words[0]);
    assertEquals("day1", words[1]);
    assertEquals("web-1", words[2]);
    assertEquals("web", words[3]);
    assertEquals(
        words[0].replace(":8300", ""), words[4], "mgmt-address is the VNF's first VDU address");
    assertEquals(words[4], words[5]);
    assertEquals("9000", words[6], "member:name beats name beats the lifecycle's default");
    assertEquals(Optional.of("configured"), lifecycles.lifecycleState("shop", "web-1"));
  }

  @Test
  void theManagementPasswordIsStoredSealedAndOpenedOnlyForTheBroker() throws Exception {
    withLifecycle(
        "day1 {{vnf-instance}}", "<username>ops</username><password>Vnf-pa55!</password>");
    String stored =
        store
            .datastore
            .snapshot(io.yamano.datastore.DatastoreName.RUNNING)
            .readNode(
                org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.of(
                    new NodeIdentifier(names.nfv("nfv"))))
            .orElseThrow()
            .toString();
    assertTrue(
        stored.contains(io.yamano.datastore.secret.Secrets.PREFIX) && !stored.contains("Vnf-pa55!"),
        "configuration holds the password sealed");
    store.commit(ns("shop", ""));
    settle();

    assertEquals("completed: null", lastOperationState("shop"));
    assertEquals(List.of("Vnf-pa55!"), PASSWORDS, "the broker logs in with the clear password");
  }

  @Test
  void terminateFiresTerminatingAndForgetsTheVnf() throws Exception {
    withLifecycle("day1 {{vnf-instance}}");
    store.commit(ns("shop", ""));
    settle();
    store.commit(TestStore.ns("shop", "<admin-state>not-instantiated</admin-state>"));
    settle();

    assertEquals(
        List.of("day1 web-1", "stop web-1"),
        REQUESTS.stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList());
    assertEquals(Optional.empty(), lifecycles.lifecycleState("shop", "web-1"));
  }

  @Test
  void refusedDay1RollsTheInstantiationBackWithTheVnfNamed() throws Exception {
    withLifecycle("refuse {{vnf-instance}}");
    store.commit(ns("shop", ""));
    settle();

    String state = lastOperationState("shop");
    assertTrue(
        state.startsWith("rolled-back: step 'configure:web-1' failed: VNF web-1 at 10.0.0."),
        state);
    assertTrue(
        state.contains(":8300: action 'day1': refused by the VNF; the VNF answered: no"), state);
  }

  @Test
  void commitOfALifecycleThatCannotRunIsRefusedAtTheLifecycle() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.yamano.error.RpcException.class,
            () ->
                store.commit(
                    "<config><nfv xmlns=\"urn:yamano:params:xml:ns:yang:yamano-nfv\"><vnfd><id>web</id>"
                        + "<lifecycle xmlns=\""
                        + LifecycleReader.NAMESPACE
                        + "\"><inline>"
                        + "<state>initial</state><transition><name>t</name><event>instantiated</event>"
                        + "<to>running</to></transition></inline></lifecycle></vnfd></nfv></config>"));
    var error = e.errors().get(0);
    assertEquals(io.yamano.error.ErrorTag.INVALID_VALUE, error.tag());
    assertEquals(Optional.of("invalid-vnf-lifecycle"), error.appTag());
    assertEquals(
        "lifecycle of vnfd web: lifecycle 'vnfd web': transition on 'instantiated' to undeclared state 'running'",
        error.message());
    assertTrue(error.path().orElseThrow().toString().contains("lifecycle"), error.toString());
  }

  @Test
  void vnfdWithoutLifecycleIsNotConfigured() throws Exception {
    store.commit(ns("shop", ""));
    settle();
    assertEquals("completed: null", lastOperationState("shop"));
    assertTrue(REQUESTS.isEmpty());
    assertEquals(Optional.empty(), lifecycles.lifecycleState("shop", "web-1"));
  }
}
