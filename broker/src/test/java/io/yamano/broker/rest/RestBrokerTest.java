package io.yamano.broker.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST broker against an in-process HTTP server playing a VNF's API. */
class RestBrokerTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMillis(20));

  /** A scripted reply of the fake VNF API. */
  record Answer(int status, String body, long delayMs) {}

  /** A request the VNF API received. */
  record Seen(String method, String path, String body, String authorization, String contentType) {}

  private HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private volatile Answer otherwise = new Answer(200, "{}", 0);
  private final LifecycleExecutor executor = new LifecycleExecutor(VnfBrokers.load());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            body,
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Content-Type")));
    Answer a;
    synchronized (script) {
      a = script.isEmpty() ? otherwise : script.poll();
    }
    if (a.delayMs() > 0) {
      try {
        Thread.sleep(a.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      exchange.getResponseBody().write(out);
    }
    exchange.close();
  }

  private LifecycleMetadata lifecycle(Duration replyTimeout, Action... actions) {
    return new LifecycleMetadata(
        "acme-lb",
        Set.of("initial", "configured"),
        "initial",
        List.of(
            new Transition(
                "instantiated", Set.of("initial"), "configured", List.of(actions), null)),
        Map.of(),
        new Management(
            "rest",
            "127.0.0.1",
            Integer.toString(server.getAddress().getPort()),
            "admin",
            "s3cret",
            null,
            Duration.ofSeconds(2),
            replyTimeout,
            Map.of("scheme", "http", "base-path", "/api/v1")));
  }

  private static final Map<String, String> PARAMS =
      Map.of("vnf-instance", "lb-1", "pool", "web \"blue\"", "if", "eth0/1");

  private Outcome fire(LifecycleMetadata md) {
    return executor.fire(md, "initial", "instantiated", PARAMS, Progress.NONE);
  }

  private static Action.Invoke put() {
    return new Action.Invoke(
        "configure-pool",
        new Operation.RestCall(
            "PUT",
            "/interfaces/{{if}}/pool",
            "{\"pool\": \"{{pool}}\", \"weight\": 3}",
            Set.of(200, 204)),
        null,
        POLICY);
  }

  @Test
  void templatedCallSendsEscapedJsonWithBasicAuthAndChecksTheReply() {
    script.add(new Answer(204, "", 0));
    script.add(
        new Answer(200, "{\"pools\":[{\"name\":\"web \\\"blue\\\"\",\"state\":\"active\"}]}", 0));
    var health =
        new Action.Invoke(
            "health",
            new Operation.RestCall("GET", "/pools", null, null),
            new Check.JsonEquals("/pools/0/state", "active"),
            POLICY);

    Outcome out = fire(lifecycle(Duration.ofSeconds(5), put(), health));

    assertTrue(out.succeeded(), () -> out.failure().get().getMessage());
    assertEquals("configured", out.state());
    Seen first = seen.get(0);
    assertEquals("PUT", first.method());
    assertEquals("/api/v1/interfaces/eth0%2F1/pool", first.path());
    assertEquals("{\"pool\": \"web \\\"blue\\\"\", \"weight\": 3}", first.body());
    assertEquals("application/json", first.contentType());
    assertEquals(
        "Basic "
            + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8)),
        first.authorization());
    assertEquals("GET", seen.get(1).method());
  }

  @Test
  void clientErrorIsARefusalWithTheVnfsBodyAndIsNotRetried() {
    otherwise = new Answer(422, "{\"error\": \"pool weight out of range\"}", 0);
    BrokerException e = fire(lifecycle(Duration.ofSeconds(5), put())).failure().orElseThrow();

    assertEquals(Reason.REFUSED, e.reason());
    assertEquals(1, seen.size());
    int port = server.getAddress().getPort();
    assertEquals(
        "VNF lb-1 at 127.0.0.1:"
            + port
            + ": action 'configure-pool': PUT /interfaces/eth0%2F1/pool refused: "
            + "HTTP 422 {\"error\": \"pool weight out of range\"}",
        e.getMessage());
  }

  @Test
  void serverErrorIsRetriedWithBackoff() {
    script.add(new Answer(503, "busy", 0));
    Outcome out = fire(lifecycle(Duration.ofSeconds(5), put()));
    assertTrue(out.succeeded(), () -> out.failure().get().getMessage());
    assertEquals(2, out.steps().get(0).attempts());
    assertEquals(2, seen.size());
  }

  @Test
  void slowReplyFailsAtTheReplyTimeout() {
    otherwise = new Answer(200, "{}", 3000);
    var once =
        new Action.Invoke(
            "slow",
            new Operation.RestCall("GET", "/slow", null, null),
            null,
            new RetryPolicy(Duration.ofSeconds(10), 0, Duration.ZERO));
    long start = System.nanoTime();
    BrokerException e = fire(lifecycle(Duration.ofMillis(300), once)).failure().orElseThrow();
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Reason.TIMEOUT, e.reason());
    assertTrue(e.getMessage().contains("GET /slow: no reply within PT0.3S"), e.getMessage());
    assertTrue(ms < 2500, "took " + ms);
  }

  @Test
  void waitPollsUntilTheApiReportsReady() {
    script.add(new Answer(200, "{\"status\":\"booting\"}", 0));
    script.add(new Answer(503, "", 0));
    otherwise = new Answer(200, "{\"status\":\"ready\"}", 0);
    var wait =
        new Action.WaitFor(
            "until-ready",
            new Operation.RestCall("GET", "/status", null, null),
            new Check.JsonEquals("/status", "ready"),
            Duration.ofMillis(20),
            Duration.ofSeconds(5));
    Outcome out = fire(lifecycle(Duration.ofSeconds(5), wait));
    assertTrue(out.succeeded(), () -> out.failure().get().getMessage());
    assertEquals(3, out.steps().get(0).attempts());
  }

  @Test
  void bodyThatIsNotJsonOnceRenderedIsBadMetadataAndNothingIsSent() {
    var bad =
        new Action.Invoke(
            "bad", new Operation.RestCall("POST", "/x", "{\"a\": {{pool}}}", null), null, POLICY);
    BrokerException e = fire(lifecycle(Duration.ofSeconds(5), bad)).failure().orElseThrow();
    assertEquals(Reason.BAD_METADATA, e.reason());
    assertTrue(e.getMessage().contains("the rendered body of POST /x is not JSON"), e.getMessage());
    assertTrue(seen.isEmpty());
  }

  @Test
  void nothingListeningIsUnreachable() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var md =
        new LifecycleMetadata(
            "x",
            Set.of("initial", "configured"),
            "initial",
            List.of(
                new Transition(
                    "instantiated",
                    Set.of(),
                    "configured",
                    List.of(
                        new Action.Invoke(
                            "a",
                            new Operation.RestCall("GET", "/", null, null),
                            null,
                            new RetryPolicy(Duration.ofSeconds(2), 1, Duration.ofMillis(10)))),
                    null)),
            Map.of(),
            new Management(
                "rest",
                "127.0.0.1",
                Integer.toString(port),
                null,
                null,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Map.of("scheme", "http")));
    BrokerException e = fire(md).failure().orElseThrow();
    assertEquals(Reason.UNREACHABLE, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith("VNF lb-1 at 127.0.0.1:" + port + ": action 'a': GET /: cannot connect"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(after 2 attempts)"), e.getMessage());
  }
}
