package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event streams over Server-Sent Events (RFC 8040 §6), read with java.net.http.HttpClient as an OSS
 * client would: live events after an edit, both encodings, replay with start-time and stop-time,
 * the XPath filter, and the lifecycle progress of an NS instantiated over RESTCONF.
 */
class EventStreamTest {
  @TempDir static Path dataDir;
  static RestconfFixture rc;

  @BeforeAll
  static void start() throws Exception {
    rc = RestconfFixture.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    rc.close();
  }

  /** An open stream: its SSE events, each the joined data lines. */
  record Events(HttpResponse<Stream<String>> response, Iterator<String> lines) {
    String next(Duration timeout) throws Exception {
      var data = new StringBuilder();
      var future =
          CompletableFuture.supplyAsync(
              () -> {
                while (lines.hasNext()) {
                  String line = lines.next();
                  if (line.startsWith("data: ")) {
                    if (data.length() > 0) {
                      data.append('\n');
                    }
                    data.append(line.substring(6));
                  } else if (line.isEmpty() && data.length() > 0) {
                    return data.toString();
                  }
                }
                return null;
              });
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String until(Predicate<String> wanted, Duration timeout) throws Exception {
      long end = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < end) {
        String event = next(Duration.ofNanos(end - System.nanoTime()));
        if (event == null) {
          return null;
        }
        if (wanted.test(event)) {
          return event;
        }
      }
      return null;
    }

    void close() {
      response.body().close();
    }
  }

  static Events open(String path) throws Exception {
    var response =
        rc.http.send(
            rc.request(path).header("Accept", "text/event-stream").GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    return new Events(response, response.body().iterator());
  }

  static void put(String name) throws Exception {
    var r =
        rc.send(
            "PUT",
            "/restconf/data/example-rc:lab/host=" + name,
            RestconfFixture.JSON,
            "{\"example-rc:host\":[{\"name\":\"" + name + "\"}]}");
    assertEquals(201, r.statusCode(), r.body());
  }

  static JsonObject notification(String event) {
    return JsonParser.parseString(event)
        .getAsJsonObject()
        .getAsJsonObject("ietf-restconf:notification");
  }

  @Test
  @DisplayName("RFC 8040 §6.4: a commit over RESTCONF arrives live as a JSON netconf-config-change")
  void liveJson() throws Exception {
    var events = open("/restconf/streams/NETCONF/json");
    try {
      put("live-json");
      String event =
          events.until(
              e -> e.contains("host[name='live-json']") && e.contains("netconf-config-change"),
              Duration.ofSeconds(20));
      assertTrue(event != null, "no event for the edit");
      var n = notification(event);
      assertTrue(n.has("eventTime"));
      var change = n.getAsJsonObject("ietf-netconf-notifications:netconf-config-change");
      assertEquals("running", change.get("datastore").getAsString());
      assertEquals("admin", change.getAsJsonObject("changed-by").get("username").getAsString());
      assertEquals(
          "/example-rc:lab/host[name='live-json']",
          change.getAsJsonArray("edit").get(0).getAsJsonObject().get("target").getAsString());
    } finally {
      events.close();
    }
  }

  @Test
  @DisplayName("RFC 8040 §6.4: the XML encoding is the NETCONF <notification> element")
  void liveXml() throws Exception {
    var events = open("/restconf/streams/NETCONF/xml");
    try {
      put("live-xml");
      // the audit trail's commit event names the same path: wait for the config change
      String event =
          events.until(
              e -> e.contains("live-xml") && e.contains("netconf-config-change"),
              Duration.ofSeconds(20));
      assertTrue(event != null, "no event for the edit");
      assertTrue(
          event.startsWith(
              "<notification xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"><eventTime>"),
          event);
      assertTrue(event.contains("<netconf-config-change"), event);
    } finally {
      events.close();
    }
  }

  @Test
  @DisplayName("RFC 8040 §4.8.7/§4.8.8: replay from start-time ends by itself at stop-time")
  void replayEndsAtStopTime() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    put("replayed");
    Thread.sleep(300);
    Instant stop = Instant.now().plusSeconds(1);
    var response =
        rc.http.send(
            rc.request("/restconf/streams/NETCONF/json?start-time=" + before + "&stop-time=" + stop)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // the whole body arrived: the server ended the stream
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("host[name='replayed']"), response.body());
  }

  @Test
  @DisplayName("RFC 8040 §4.8.4: the filter keeps only the events it selects")
  void filter() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    put("filtered-out");
    Thread.sleep(300);
    var response =
        rc.http.send(
            rc.request(
                    "/restconf/streams/NETCONF/json?start-time="
                        + before
                        + "&stop-time="
                        + Instant.now().plusSeconds(1)
                        + "&filter=/ietf-netconf-notifications:netconf-session-start")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertFalse(response.body().contains("filtered-out"), response.body());
  }

  @Test
  @DisplayName("RFC 8040 §6: LCM progress of an NS instantiated over RESTCONF is on the stream")
  void lifecycleProgress() throws Exception {
    var events =
        open(
            "/restconf/streams/NETCONF/json?filter="
                + java.net.URLEncoder.encode(
                    "/yamano-ns:lcm-operation-state-change[yamano-ns:ns-instance='sse-ns']",
                    java.nio.charset.StandardCharsets.UTF_8));
    try {
      var r =
          rc.send(
              "POST",
              "/restconf/data/yamano-ns:ns-instances",
              RestconfFixture.JSON,
              "{\"yamano-ns:ns-instance\":[{\"name\":\"sse-ns\",\"nsd-ref\":\"web-ns\","
                  + "\"flavour\":\"default\",\"vim-account\":\"lab\"}]}");
      assertEquals(201, r.statusCode(), r.body());
      List<String> states = new ArrayList<>();
      String last =
          events.until(
              e -> {
                var change =
                    notification(e).getAsJsonObject("yamano-ns:lcm-operation-state-change");
                states.add(change.get("state").getAsString());
                assertEquals("sse-ns", change.get("ns-instance").getAsString());
                assertEquals("instantiate", change.get("operation").getAsString());
                return !change.get("state").getAsString().equals("processing");
              },
              Duration.ofSeconds(60));
      assertTrue(last != null, "no final lifecycle event; saw " + states);
      assertEquals("processing", states.get(0));
      assertEquals("completed", states.get(states.size() - 1));
    } finally {
      events.close();
    }
  }

  @Test
  @DisplayName("RFC 8040 §9.1: restconf-state lists the stream and its two encodings")
  void streamIsListed() throws Exception {
    var r =
        rc.get(
            "/restconf/data/ietf-restconf-monitoring:restconf-state/streams/stream=NETCONF/access",
            RestconfFixture.JSON);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains(rc.base + "/restconf/streams/NETCONF/json"), r.body());
    assertTrue(r.body().contains(rc.base + "/restconf/streams/NETCONF/xml"), r.body());
  }
}
