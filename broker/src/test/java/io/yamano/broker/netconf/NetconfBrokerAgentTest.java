package io.yamano.broker.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.broker.Action;
import io.yamano.broker.BrokerException;
import io.yamano.broker.BrokerException.Reason;
import io.yamano.broker.Check;
import io.yamano.broker.LifecycleExecutor;
import io.yamano.broker.LifecycleMetadata;
import io.yamano.broker.Management;
import io.yamano.broker.Operation;
import io.yamano.broker.Outcome;
import io.yamano.broker.Primitive;
import io.yamano.broker.Progress;
import io.yamano.broker.RetryPolicy;
import io.yamano.broker.Transition;
import io.yamano.broker.VnfBrokers;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The NETCONF broker against a real VNF management agent: Debian's netconfd behind OpenSSH, its
 * configuration read back with ncclient.
 */
class NetconfBrokerAgentTest {
  static final String NS = "urn:example:acme-fw";
  static final String SYSTEM_FILTER = "<system xmlns=\"" + NS + "\"/>";
  private static final RetryPolicy POLICY =
      new RetryPolicy(Duration.ofSeconds(20), 1, Duration.ofMillis(200));

  static NetconfdAgent agent;
  static LifecycleExecutor executor;

  @BeforeAll
  static void startAgent() throws Exception {
    Assumptions.assumeTrue(
        NetconfdAgent.installed(),
        "netconfd (Debian package netconfd) and sshd (openssh-server) are not installed: "
            + "the real-agent tests of the NETCONF broker are skipped");
    agent = NetconfdAgent.start(module(), "candidate");
    executor = new LifecycleExecutor(VnfBrokers.load());
  }

  @AfterAll
  static void stopAgent() {
    if (executor != null) {
      executor.close();
    }
    if (agent != null) {
      agent.close();
    }
  }

  static Path module() throws Exception {
    return Path.of(NetconfBrokerAgentTest.class.getResource("/netconfd/acme-fw.yang").toURI());
  }

  /** The firewall's lifecycle: day-1 configuration and a health check, two primitives. */
  static LifecycleMetadata firewall(Duration connectTimeout) {
    var day1 =
        new Action.Invoke(
            "push-day1",
            new Operation.NetconfEdit(
                "<system xmlns=\""
                    + NS
                    + "\"><hostname>{{hostname}}</hostname><mtu>{{mtu}}</mtu>"
                    + "<log-level>info</log-level></system>",
                Operation.EditTarget.AUTO),
            null,
            POLICY);
    var health =
        new Action.Invoke(
            "health-check",
            new Operation.NetconfGet(SYSTEM_FILTER),
            new Check.Contains("<hostname>"),
            POLICY);
    var setLogLevel =
        new Primitive(
            "set-log-level",
            List.of(new Primitive.Parameter("level", true, null)),
            List.of(
                new Action.Invoke(
                    "edit",
                    new Operation.NetconfEdit(
                        "<system xmlns=\"" + NS + "\"><log-level>{{level}}</log-level></system>",
                        Operation.EditTarget.AUTO),
                    null,
                    POLICY)),
            Set.of("configured"));
    var setMtu =
        new Primitive(
            "set-mtu",
            List.of(new Primitive.Parameter("mtu", true, null)),
            List.of(
                new Action.Invoke(
                    "edit",
                    new Operation.NetconfEdit(
                        "<system xmlns=\"" + NS + "\"><mtu>{{mtu}}</mtu></system>",
                        Operation.EditTarget.AUTO),
                    null,
                    POLICY)),
            Set.of());
    return new LifecycleMetadata(
        "acme-fw",
        Set.of("initial", "configured", "failed"),
        "initial",
        List.of(
            new Transition(
                "instantiated", Set.of("initial"), "configured", List.of(day1, health), "failed")),
        Map.of("set-log-level", setLogLevel, "set-mtu", setMtu),
        new Management(
            "netconf",
            "{{mgmt-address}}",
            "{{mgmt-port}}",
            "{{ssh-user}}",
            null,
            "{{ssh-key}}",
            connectTimeout,
            Duration.ofSeconds(20),
            Map.of()));
  }

  static Map<String, String> params(int port, String hostname, String mtu) {
    var p = new HashMap<String, String>();
    p.put("vnf-instance", "fw-1");
    p.put("mgmt-address", "127.0.0.1");
    p.put("mgmt-port", Integer.toString(port));
    p.put("ssh-user", agent.user);
    p.put("ssh-key", agent.clientKey.toString());
    p.put("hostname", hostname);
    p.put("mtu", mtu);
    return p;
  }

  @Test
  @DisplayName(
      "instantiated: day-1 configuration pushed on the candidate and committed (RFC 6241 §8.3)")
  void instantiatedEventConfiguresTheVnf() throws Exception {
    Outcome out =
        executor.fire(
            firewall(Duration.ofSeconds(10)),
            "initial",
            "instantiated",
            params(agent.port, "edge-fw-1", "1500"),
            Progress.NONE);

    assertTrue(out.succeeded(), () -> out.failure().get().getMessage() + agent.logs());
    assertEquals("configured", out.state());
    for (var step : out.steps()) {
      System.out.println(
          "day-1 against netconfd: " + step.action() + " " + step.elapsed().toMillis() + " ms");
    }
    String running = agent.readWithNcclient(SYSTEM_FILTER);
    assertTrue(running.contains("<hostname>edge-fw-1</hostname>"), running);
    assertTrue(running.contains("<mtu>1500</mtu>"), running);
  }

  @Test
  @DisplayName("day-2 primitive changes the configuration again")
  void primitiveChangesTheConfiguration() throws Exception {
    var md = firewall(Duration.ofSeconds(10));
    var params = params(agent.port, "edge-fw-2", "1400");
    assertTrue(executor.fire(md, "initial", "instantiated", params, Progress.NONE).succeeded());

    Outcome out =
        executor.runPrimitive(
            md, "configured", "set-log-level", Map.of("level", "debug"), params, Progress.NONE);

    assertTrue(out.succeeded(), () -> out.failure().get().getMessage());
    String running = agent.readWithNcclient(SYSTEM_FILTER);
    assertTrue(running.contains("<log-level>debug</log-level>"), running);
    assertTrue(running.contains("<hostname>edge-fw-2</hostname>"), running);
  }

  @Test
  @DisplayName("a refused edit fails with netconfd's own error text; the candidate is discarded")
  void refusedConfigurationFailsWithTheAgentsErrorText() throws Exception {
    var md = firewall(Duration.ofSeconds(10));
    var params = params(agent.port, "edge-fw-3", "1500");
    assertTrue(executor.fire(md, "initial", "instantiated", params, Progress.NONE).succeeded());

    Outcome out =
        executor.runPrimitive(
            md, "configured", "set-mtu", Map.of("mtu", "100000"), params, Progress.NONE);

    BrokerException e = out.failure().orElseThrow();
    assertEquals(Reason.REFUSED, e.reason());
    assertEquals(1, out.steps().get(0).attempts(), "a refusal is not retried");
    assertTrue(
        e.getMessage()
            .startsWith(
                "VNF fw-1 at 127.0.0.1:"
                    + agent.port
                    + ": action 'set-mtu/edit': edit-config refused: "),
        e.getMessage());
    String answer = e.vnfAnswer().orElseThrow();
    assertTrue(e.getMessage().contains(answer), e.getMessage());
    System.out.println("netconfd answered: " + e.getMessage());
    // nothing of the refused edit is left behind: running unchanged, the candidate clean and
    // unlocked
    String running = agent.readWithNcclient(SYSTEM_FILTER);
    assertTrue(running.contains("<mtu>1500</mtu>"), running);
    assertTrue(
        executor
            .runPrimitive(md, "configured", "set-mtu", Map.of("mtu", "9000"), params, Progress.NONE)
            .succeeded());
    assertTrue(agent.readWithNcclient(SYSTEM_FILTER).contains("<mtu>9000</mtu>"));
  }

  @Test
  @DisplayName("nothing listens at the address: fails with a clear message after the retries")
  void deadAddressFailsWithinTheTimeout() throws Exception {
    int dead = NetconfdAgent.freePort();
    long start = System.nanoTime();
    Outcome out =
        executor.fire(
            firewall(Duration.ofSeconds(2)),
            "initial",
            "instantiated",
            params(dead, "x", "1500"),
            Progress.NONE);
    long ms = (System.nanoTime() - start) / 1_000_000;

    BrokerException e = out.failure().orElseThrow();
    assertEquals("failed", out.state());
    assertEquals(Reason.UNREACHABLE, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith(
                "VNF fw-1 at 127.0.0.1:"
                    + dead
                    + ": action 'push-day1': cannot open a NETCONF session: "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(after 2 attempts)"), e.getMessage());
    assertTrue(ms < POLICY.worstCase().toMillis(), "took " + ms + " ms");
  }

  @Test
  @DisplayName("an address that accepts TCP but never speaks SSH: fails at the connect timeout")
  void silentAddressFailsAtTheConnectTimeout() throws Exception {
    try (var silent = new ServerSocket()) {
      silent.bind(new InetSocketAddress("127.0.0.1", 0));
      long start = System.nanoTime();
      Outcome out =
          executor.fire(
              firewall(Duration.ofSeconds(1)),
              "initial",
              "instantiated",
              params(silent.getLocalPort(), "x", "1500"),
              Progress.NONE);
      long ms = (System.nanoTime() - start) / 1_000_000;

      BrokerException e = out.failure().orElseThrow();
      assertTrue(
          e.reason() == Reason.TIMEOUT || e.reason() == Reason.UNREACHABLE, e.reason().toString());
      assertTrue(
          e.getMessage().startsWith("VNF fw-1 at 127.0.0.1:" + silent.getLocalPort()),
          e.getMessage());
      // two attempts of the 1 s connect timeout, each followed by up to 1 s waiting for the
      // server's disconnect reason, and the 200 ms backoff; far below the 20 s action timeout
      assertTrue(ms < 8000, "took " + ms + " ms: " + e.getMessage());
      System.out.println("silent address: " + e.getMessage() + " after " + ms + " ms");
    }
  }

  @Test
  @DisplayName(":writable-running agent: the edit goes to running (RFC 6241 §8.2)")
  void writableRunningAgentIsEditedDirectly() throws Exception {
    try (var running = NetconfdAgent.start(module(), "running")) {
      var p = params(running.port, "edge-fw-r", "2000");
      p.put("ssh-key", running.clientKey.toString());
      Outcome out =
          executor.fire(
              firewall(Duration.ofSeconds(10)), "initial", "instantiated", p, Progress.NONE);
      assertTrue(out.succeeded(), () -> out.failure().get().getMessage() + running.logs());
      assertTrue(
          running.readWithNcclient(SYSTEM_FILTER).contains("<hostname>edge-fw-r</hostname>"));
    }
  }
}
