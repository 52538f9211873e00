package io.yamano.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleMetadataTest {
  private static final Management MGMT =
      new Management("netconf", null, null, "admin", null, null, null, null, Map.of());

  @Test
  void undeclaredStatesAndUnknownPrimitivesAreRefusedTogether() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LifecycleMetadata(
                    "fw",
                    Set.of("initial"),
                    null,
                    List.of(
                        new Transition(
                            "instantiated",
                            Set.of("booting"),
                            "running",
                            List.of(new Action.RunPrimitive("x", "reboot", Map.of())),
                            null)),
                    Map.of(),
                    MGMT));
    assertEquals(
        "lifecycle 'fw': transition on 'instantiated' from undeclared state 'booting'; "
            + "transition on 'instantiated' to undeclared state 'running'; "
            + "transition on 'instantiated' runs unknown primitive 'reboot'",
        e.getMessage());
  }

  @Test
  void primitivesCallingThemselvesAreRefused() {
    var a =
        new Primitive(
            "a", List.of(), List.of(new Action.RunPrimitive("b", "b", Map.of())), Set.of());
    var b =
        new Primitive(
            "b", List.of(), List.of(new Action.RunPrimitive("a", "a", Map.of())), Set.of());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LifecycleMetadata(
                    "fw", Set.of("initial"), null, List.of(), Map.of("a", a, "b", b), MGMT));
    assertTrue(e.getMessage().contains("primitive 'a' calls itself"), e.getMessage());
  }

  @Test
  void firstDeclaredMatchingTransitionWins() {
    var any = new Transition("healed", Set.of(), "running", List.of(), null);
    var specific = new Transition("healed", Set.of("degraded"), "initial", List.of(), null);
    var md =
        new LifecycleMetadata(
            "fw",
            Set.of("initial", "running", "degraded"),
            null,
            List.of(specific, any),
            Map.of(),
            MGMT);
    assertEquals("initial", md.transition("degraded", "healed").orElseThrow().to());
    assertEquals("running", md.transition("running", "healed").orElseThrow().to());
    assertTrue(md.transition("running", "scaled").isEmpty());
  }

  @Test
  void templatesEscapeForTheirProtocolAndNameMissingValues() throws Exception {
    assertEquals(
        "<a>x&amp;y</a>", Template.render("<a>{{v}}</a>", Map.of("v", "x&y"), Template.XML));
    assertEquals(
        "{\"a\":\"q\\\"\\n\"}",
        Template.render("{\"a\":\"{{ v }}\"}", Map.of("v", "q\"\n"), Template.JSON));
    assertEquals("/if/eth0%2F1", Template.render("/if/{{v}}", Map.of("v", "eth0/1"), Template.URL));
    var e =
        assertThrows(
            BrokerException.class,
            () -> Template.render("{{a}}{{b}}", Map.of("a", "1"), Template.RAW));
    assertEquals(BrokerException.Reason.BAD_METADATA, e.reason());
    assertEquals("no value for parameter 'b' (known: [a])", e.getMessage());
  }

  @Test
  void backoffDoublesUpToItsCeiling() {
    var p = new RetryPolicy(Duration.ofSeconds(1), 8, Duration.ofSeconds(2));
    assertEquals(Duration.ofSeconds(2), p.backoffBefore(1));
    assertEquals(Duration.ofSeconds(4), p.backoffBefore(2));
    assertEquals(Duration.ofSeconds(16), p.backoffBefore(4));
    assertEquals(RetryPolicy.MAX_BACKOFF, p.backoffBefore(8));
  }

  @Test
  void twoBrokersOfOneNameFailLoudly() {
    var e =
        assertThrows(
            IllegalStateException.class,
            () -> VnfBrokers.of(new ScriptedBroker(), new ScriptedBroker()));
    assertTrue(e.getMessage().startsWith("two VNF brokers are named 'scripted'"), e.getMessage());
  }

  @Test
  void builtInBrokersAreFoundByName() throws Exception {
    var brokers = VnfBrokers.load();
    assertEquals("netconf", brokers.get("netconf").name());
    assertEquals("rest", brokers.get("rest").name());
    var e = assertThrows(BrokerException.class, () -> brokers.get("acme"));
    assertTrue(
        e.getMessage().startsWith("no VNF broker named 'acme' is loaded (loaded: ["),
        e.getMessage());
  }

  @Test
  void jsonChecksFollowAPointer() {
    var check = new Check.JsonEquals("/interfaces/0/state", "up");
    assertEquals(null, check.failure("{\"interfaces\":[{\"state\":\"up\"}]}"));
    assertEquals(
        "/interfaces/0/state is 'down', not 'up'",
        check.failure("{\"interfaces\":[{\"state\":\"down\"}]}"));
    assertEquals("the reply is not JSON", check.failure("<ok/>"));
  }
}
