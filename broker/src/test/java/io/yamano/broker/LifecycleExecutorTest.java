package io.yamano.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.broker.BrokerException.Reason;
import io.yamano.broker.ScriptedBroker.Fail;
import io.yamano.broker.ScriptedBroker.Hang;
import io.yamano.broker.ScriptedBroker.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleExecutorTest {
  private static final RetryPolicy FAST =
      new RetryPolicy(Duration.ofMillis(300), 2, Duration.ofMillis(20));
  private static final Map<String, String> PARAMS =
      Map.of("vnf-instance", "fw-1", "mgmt-address", "192.0.2.7", "hostname", "edge-fw");

  private final ScriptedBroker broker = new ScriptedBroker();
  private final LifecycleExecutor executor = new LifecycleExecutor(VnfBrokers.of(broker));

  @AfterEach
  void close() {
    executor.close();
  }

  private static Action.Invoke edit(String name, String config) {
    return new Action.Invoke(
        name, new Operation.NetconfEdit(config, Operation.EditTarget.AUTO), null, FAST);
  }

  private static LifecycleMetadata metadata(
      List<Transition> transitions, Map<String, Primitive> primitives) {
    return new LifecycleMetadata(
        "fw",
        Set.of("initial", "configured", "failed"),
        "initial",
        transitions,
        primitives,
        new Management("scripted", null, "8300", "admin", "pw", null, null, null, Map.of()));
  }

  private static LifecycleMetadata day1(Action... actions) {
    return metadata(
        List.of(
            new Transition(
                "instantiated", Set.of("initial"), "configured", List.of(actions), "failed")),
        Map.of());
  }

  @Test
  void eventRunsTheTransitionsActionsInOrderAndMovesToItsTarget() {
    var md = day1(edit("hostname", "<h>{{hostname}}</h>"), edit("ntp", "<ntp/>"));
    var started = new ArrayList<String>();
    Outcome out =
        executor.fire(
            md, "initial", "instantiated", PARAMS, (a, i, n) -> started.add(a + " " + i + "/" + n));

    assertTrue(out.succeeded(), () -> out.failure().get().getMessage());
    assertEquals("configured", out.state());
    assertEquals(List.of("hostname 0/2", "ntp 1/2"), started);
    assertEquals(
        List.of(
            new Operation.NetconfEdit("<h>edge-fw</h>", Operation.EditTarget.AUTO),
            new Operation.NetconfEdit("<ntp/>", Operation.EditTarget.AUTO)),
        broker.performed);
    assertEquals(1, broker.opened.size(), "one session for the whole transition");
    assertEquals("192.0.2.7:8300", broker.opened.get(0).address());
  }

  @Test
  void eventWithoutTransitionInTheCurrentStateChangesNothing() {
    var md = day1(edit("hostname", "<h/>"));
    Outcome out = executor.fire(md, "configured", "instantiated", PARAMS, Progress.NONE);
    assertFalse(out.transitioned());
    assertEquals("configured", out.state());
    assertTrue(broker.performed.isEmpty());
  }

  @Test
  void refusalIsNotRetriedAndMovesToTheFailureStateWithTheVnfsAnswer() {
    broker.then(new Fail(Reason.REFUSED, "edit-config refused: bad value", "bad value"));
    var md = day1(edit("hostname", "<h/>"), edit("ntp", "<ntp/>"));
    Outcome out = executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE);

    assertEquals("failed", out.state());
    assertEquals(1, broker.performed.size(), "no retry, no further action");
    BrokerException e = out.failure().orElseThrow();
    assertEquals(Reason.REFUSED, e.reason());
    assertEquals(
        "VNF fw-1 at 192.0.2.7:8300: action 'hostname': edit-config refused: bad value",
        e.getMessage());
    assertEquals("bad value", e.vnfAnswer().orElseThrow());
  }

  @Test
  void transientFailuresAreRetriedWithBackoffUntilOneSucceeds() {
    broker
        .then(new Fail(Reason.UNREACHABLE, "connection refused", null))
        .then(new Fail(Reason.UNREACHABLE, "connection refused", null));
    var md = day1(edit("hostname", "<h/>"));
    long start = System.nanoTime();
    Outcome out = executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE);
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertTrue(out.succeeded());
    assertEquals(3, out.steps().get(0).attempts());
    assertTrue(ms >= 20 + 40, "backoff 20 ms then 40 ms, took " + ms);
  }

  @Test
  void retriesEndWithTheLastErrorAndTheAttemptCount() {
    broker.otherwise(new Fail(Reason.UNREACHABLE, "connection refused", null));
    Outcome out =
        executor.fire(
            day1(edit("hostname", "<h/>")), "initial", "instantiated", PARAMS, Progress.NONE);
    BrokerException e = out.failure().orElseThrow();
    assertEquals(Reason.UNREACHABLE, e.reason());
    assertEquals(
        "VNF fw-1 at 192.0.2.7:8300: action 'hostname': connection refused (after 3 attempts)",
        e.getMessage());
  }

  @Test
  void aHangingBrokerIsAbandonedAfterTheTimeout() {
    broker.otherwise(new Hang());
    var md =
        day1(
            new Action.Invoke(
                "hostname",
                new Operation.NetconfGet(null),
                null,
                new RetryPolicy(Duration.ofMillis(200), 1, Duration.ofMillis(10))));
    long start = System.nanoTime();
    Outcome out = executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE);
    long ms = (System.nanoTime() - start) / 1_000_000;

    BrokerException e = out.failure().orElseThrow();
    assertEquals(Reason.TIMEOUT, e.reason());
    assertTrue(
        e.getMessage().contains("no answer within PT0.2S (after 2 attempts)"), e.getMessage());
    assertTrue(ms < 2000, "two attempts of 200 ms, took " + ms);
    assertEquals(2, broker.opened.size(), "a timed-out session is dropped and a new one opened");
  }

  @Test
  void checkFailureIsRetriedAndReportsWhatTheVnfAnswered() {
    broker.otherwise(new Reply("<data><status>starting</status></data>"));
    var md =
        day1(
            new Action.Invoke(
                "health",
                new Operation.NetconfGet("<status/>"),
                new Check.Contains("<status>up</status>"),
                new RetryPolicy(Duration.ofSeconds(1), 1, Duration.ZERO)));
    BrokerException e =
        executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE).failure().orElseThrow();
    assertEquals(Reason.CHECK_FAILED, e.reason());
    assertTrue(
        e.getMessage().contains("the reply does not contain '<status>up</status>'"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("the VNF answered: <data><status>starting</status></data>"),
        e.getMessage());
  }

  @Test
  void waitProbesUntilTheConditionHolds() {
    broker
        .then(new Reply("starting"))
        .then(new Fail(Reason.UNREACHABLE, "reset", null))
        .then(new Reply("up"));
    var md =
        day1(
            new Action.WaitFor(
                "until-up",
                new Operation.NetconfGet(null),
                new Check.Contains("up"),
                Duration.ofMillis(10),
                Duration.ofSeconds(5)));
    Outcome out = executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE);
    assertTrue(out.succeeded());
    assertEquals(3, out.steps().get(0).attempts());
  }

  @Test
  void waitFailsAtItsTimeoutWithTheLastProblem() {
    broker.otherwise(new Reply("starting"));
    var md =
        day1(
            new Action.WaitFor(
                "until-up",
                new Operation.NetconfGet(null),
                new Check.Contains("up"),
                Duration.ofMillis(50),
                Duration.ofMillis(300)));
    long start = System.nanoTime();
    BrokerException e =
        executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE).failure().orElseThrow();
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Reason.TIMEOUT, e.reason());
    assertTrue(e.getMessage().contains("condition not met within PT0.3S"), e.getMessage());
    assertTrue(e.getMessage().contains("the reply does not contain 'up'"), e.getMessage());
    assertTrue(ms >= 300 && ms < 1500, "took " + ms);
  }

  @Test
  void primitiveBindsDeclaredParametersWithDefaultsAndKeepsTheState() {
    var set =
        new Primitive(
            "set-mtu",
            List.of(
                new Primitive.Parameter("mtu", false, "1500"),
                new Primitive.Parameter("if", true, null)),
            List.of(edit("apply", "<if>{{if}}</if><mtu>{{mtu}}</mtu><host>{{hostname}}</host>")),
            Set.of("configured"));
    var md = metadata(List.of(), Map.of("set-mtu", set));

    Outcome out =
        executor.runPrimitive(
            md, "configured", "set-mtu", Map.of("if", "eth<0>"), PARAMS, Progress.NONE);
    assertTrue(out.succeeded(), () -> out.failure().get().getMessage());
    assertEquals("configured", out.state());
    assertEquals(
        new Operation.NetconfEdit(
            "<if>eth&lt;0&gt;</if><mtu>1500</mtu><host>edge-fw</host>", Operation.EditTarget.AUTO),
        broker.performed.get(0));
  }

  @Test
  void primitiveRefusesUndeclaredOrMissingParametersAndWrongStates() {
    var set =
        new Primitive(
            "set-mtu",
            List.of(new Primitive.Parameter("if", true, null)),
            List.of(edit("apply", "<if>{{if}}</if>")),
            Set.of("configured"));
    var md = metadata(List.of(), Map.of("set-mtu", set));

    assertEquals(
        "VNF fw-1: action 'set-mtu': primitive 'set-mtu' has no parameter 'speed' (it has [if])",
        executor
            .runPrimitive(
                md, "configured", "set-mtu", Map.of("if", "a", "speed", "1"), PARAMS, Progress.NONE)
            .failure()
            .orElseThrow()
            .getMessage());
    assertEquals(
        "VNF fw-1: action 'set-mtu': primitive 'set-mtu' needs parameter 'if'",
        executor
            .runPrimitive(md, "configured", "set-mtu", Map.of(), PARAMS, Progress.NONE)
            .failure()
            .orElseThrow()
            .getMessage());
    assertEquals(
        Reason.BAD_METADATA,
        executor
            .runPrimitive(md, "initial", "set-mtu", Map.of("if", "a"), PARAMS, Progress.NONE)
            .failure()
            .orElseThrow()
            .reason());
    assertEquals(
        Reason.BAD_METADATA,
        executor
            .runPrimitive(md, "configured", "reboot", Map.of(), PARAMS, Progress.NONE)
            .failure()
            .orElseThrow()
            .reason());
    assertTrue(broker.performed.isEmpty());
  }

  @Test
  void transitionCanRunAPrimitiveWithTemplatedArguments() {
    var set =
        new Primitive(
            "set-host",
            List.of(new Primitive.Parameter("name", true, null)),
            List.of(edit("apply", "<host>{{name}}</host>")),
            Set.of());
    var md =
        metadata(
            List.of(
                new Transition(
                    "instantiated",
                    Set.of(),
                    "configured",
                    List.of(
                        new Action.RunPrimitive(
                            "host", "set-host", Map.of("name", "{{hostname}}-a"))),
                    null)),
            Map.of("set-host", set));
    Outcome out = executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE);
    assertTrue(out.succeeded());
    assertEquals(
        new Operation.NetconfEdit("<host>edge-fw-a</host>", Operation.EditTarget.AUTO),
        broker.performed.get(0));
  }

  @Test
  void missingTemplateParameterFailsBeforeAnythingIsSent() {
    var md = day1(edit("hostname", "<h>{{domain}}</h>"));
    BrokerException e =
        executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE).failure().orElseThrow();
    assertEquals(Reason.BAD_METADATA, e.reason());
    assertTrue(e.getMessage().contains("no value for parameter 'domain'"), e.getMessage());
    assertTrue(broker.opened.isEmpty());
  }

  @Test
  void failureWithoutFailureStateStaysInTheSourceState() {
    broker.then(new Fail(Reason.REFUSED, "no", null));
    var md =
        metadata(
            List.of(
                new Transition(
                    "instantiated", Set.of(), "configured", List.of(edit("a", "<a/>")), null)),
            Map.of());
    assertEquals(
        "initial", executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE).state());
  }
}
