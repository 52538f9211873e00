package io.yamano.broker.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.yamano.broker.Progress;
import io.yamano.broker.RetryPolicy;
import io.yamano.broker.Transition;
import io.yamano.broker.VnfBrokers;
import io.yamano.broker.netconf.NetconfdAgent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample vendor plugin ({@code broker/examples/sample-vnf-plugin}), found through {@link
 * java.util.ServiceLoader} like any plugin jar, configuring netconfd through the SDK's NETCONF
 * access.
 */
class SamplePluginAgentTest {
  private static final RetryPolicy ONCE = new RetryPolicy(Duration.ofSeconds(20), 0, Duration.ZERO);
  static NetconfdAgent agent;
  static LifecycleExecutor executor;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        NetconfdAgent.installed(),
        "netconfd and sshd are not installed: the sample plugin's agent tests are skipped");
    agent = NetconfdAgent.startAcmeFirewall("candidate");
    executor = new LifecycleExecutor(VnfBrokers.load());
  }

  @AfterAll
  static void stop() {
    if (executor != null) {
      executor.close();
    }
    if (agent != null) {
      agent.close();
    }
  }

  static LifecycleMetadata lifecycle() {
    return new LifecycleMetadata(
        "acme-fw",
        Set.of("initial", "configured"),
        "initial",
        List.of(
            new Transition(
                "instantiated",
                Set.of("initial"),
                "configured",
                List.of(
                    new Action.Invoke(
                        "apply-rules",
                        new Operation.PluginCall("apply-rules", Map.of("rules", "{{rules}}")),
                        null,
                        ONCE),
                    new Action.Invoke(
                        "health",
                        new Operation.PluginCall("rule-count", Map.of()),
                        new Check.Contains("rules=3"),
                        ONCE)),
                null),
            new Transition(
                "audit",
                Set.of(),
                "configured",
                List.of(
                    new Action.Invoke(
                        "audit", new Operation.PluginCall("audit", Map.of()), null, ONCE)),
                null)),
        Map.of(),
        new Management(
            "acme-fw",
            "127.0.0.1",
            Integer.toString(agent.port),
            agent.user,
            null,
            agent.clientKey.toString(),
            Duration.ofSeconds(20),
            Duration.ofSeconds(20),
            Map.of()));
  }

  static Map<String, String> params(String rules) {
    return Map.of("vnf-instance", "fw-9", "rules", rules);
  }

  @Test
  void pluginIsLoadedAsTheBrokerOfItsName() throws Exception {
    var broker = assertInstanceOf(PluginBroker.class, VnfBrokers.load().get("acme-fw"));
    assertEquals("com.example.acme.fw.AcmeFirewallPlugin", broker.plugin().getClass().getName());
  }

  @Test
  void pluginPushesAVariableLengthRuleListAndChecksIt() throws Exception {
    Outcome out =
        executor.fire(
            lifecycle(),
            "initial",
            "instantiated",
            params("ssh:22:accept, http:80:accept, telnet:23:drop"),
            Progress.NONE);

    assertTrue(out.succeeded(), () -> out.failure().get().getMessage() + agent.logs());
    assertEquals("configured", out.state());
    String rules = agent.readWithNcclient("<rules xmlns=\"urn:example:acme-fw\"/>");
    assertTrue(rules.contains("<name>telnet</name>"), rules);
    assertTrue(rules.contains("<action>drop</action>"), rules);
  }

  @Test
  void pluginErrorsReachTheOperationWithTheVnfNamed() {
    BrokerException bad =
        executor
            .fire(
                lifecycle(),
                "initial",
                "instantiated",
                params("ssh:twenty-two:accept"),
                Progress.NONE)
            .failure()
            .orElseThrow();
    assertEquals(Reason.BAD_METADATA, bad.reason());
    assertEquals(
        "VNF fw-9 at 127.0.0.1:"
            + agent.port
            + ": action 'apply-rules': rule 'ssh:twenty-two:accept' has no port number",
        bad.getMessage());

    BrokerException unknown =
        executor
            .fire(lifecycle(), "configured", "audit", params(""), Progress.NONE)
            .failure()
            .orElseThrow();
    assertEquals(Reason.UNSUPPORTED, unknown.reason());
    assertTrue(
        unknown.getMessage().endsWith("the acme-fw plugin has no operation 'audit'"),
        unknown.getMessage());
  }
}
