package io.yamano.netconf.server;

import static io.yamano.netconf.server.CoreOperationsTest.assertOk;
import static io.yamano.netconf.server.Xml.editConfig;
import static io.yamano.netconf.server.Xml.item;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.client.NetconfClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event notifications over SSH: create-subscription (<a
 * href="https://www.rfc-editor.org/rfc/rfc5277">RFC 5277</a>) and the base notifications of <a
 * href="https://www.rfc-editor.org/rfc/rfc6470">RFC 6470</a>.
 */
class NotificationsTest {
  private static final String NCEVENT = "urn:ietf:params:xml:ns:netconf:notification:1.0";
  private static final String NCN = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** A session whose notifications are collected. */
  private record Subscriber(NetconfClient client, BlockingQueue<String> events)
      implements AutoCloseable {
    static Subscriber connect() {
      var client = server.connect();
      var events = new LinkedBlockingQueue<String>();
      client.onNotification(events::add);
      return new Subscriber(client, events);
    }

    String subscribe(String parameters) throws Exception {
      return client.rpc(
          "<create-subscription xmlns=\""
              + NCEVENT
              + "\">"
              + parameters
              + "</create-subscription>");
    }

    /** The next notification containing {@code text}, skipping others; null after 10 s. */
    String next(String text) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        long left = deadline - System.nanoTime();
        var event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (event == null || event.contains(text)) {
          return event;
        }
      }
    }

    @Override
    public void close() {
      client.close();
    }
  }

  private static String sessionFilter(String name) {
    return "<filter type=\"subtree\"><" + name + " xmlns=\"" + NCN + "\"/></filter>";
  }

  /**
   * RFC 6470 §3.1: an edit and commit from another session gives netconf-config-change naming the
   * session, the datastore, the edited node as an instance-identifier and the operation.
   */
  @Test
  void configChangeAfterCommitFromAnotherSession() throws Exception {
    try (var a = Subscriber.connect();
        var b = server.connect()) {
      assertOk(a.subscribe(sessionFilter("netconf-config-change")));
      String id = TestServer.unique("cfg");
      assertOk(b.rpc(editConfig("candidate", top(item(id, 7)))));
      assertOk(b.rpc("<commit/>"));
      String event = a.next(id);
      assertNotNull(event, "no netconf-config-change");
      assertTrue(event.contains("<session-id>" + b.sessionId() + "</session-id>"), event);
      assertTrue(event.contains("<username>" + TestServer.USER + "</username>"), event);
      assertTrue(event.contains("<datastore>running</datastore>"), event);
      assertTrue(event.contains("/ops:top/ops:item[ops:id='" + id + "']</target>"), event);
      assertTrue(event.contains("xmlns:ops=\"" + TestServer.OPS + "\""), event);
      assertTrue(event.contains("<operation>create</operation>"), event);

      assertOk(
          b.rpc(
              editConfig(
                  "running",
                  top(
                      "<item xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                          + " nc:operation=\"delete\"><id>"
                          + id
                          + "</id></item>"))));
      event = a.next("<operation>delete</operation>");
      assertNotNull(event, "no netconf-config-change for the delete");
      assertTrue(event.contains("[ops:id='" + id + "']"), event);
    }
  }

  /** RFC 6470 §3.3, §3.4: session start and end, closed or killed (with killed-by). */
  @Test
  void sessionStartAndEnd() throws Exception {
    try (var a = Subscriber.connect()) {
      assertOk(
          a.subscribe(
              "<filter type=\"subtree\"><netconf-session-start xmlns=\""
                  + NCN
                  + "\"/><netconf-session-end xmlns=\""
                  + NCN
                  + "\"/></filter>"));
      long closed;
      try (var b = server.connect()) {
        closed = b.sessionId();
      }
      String start = a.next("<session-id>" + closed + "</session-id>");
      assertNotNull(start);
      assertTrue(start.contains("<netconf-session-start"), start);
      String end = a.next("<session-id>" + closed + "</session-id>");
      assertNotNull(end);
      assertTrue(end.contains("<termination-reason>closed</termination-reason>"), end);

      var c = server.connect();
      assertNotNull(a.next("<session-id>" + c.sessionId() + "</session-id>"));
      assertOk(
          a.client()
              .rpc("<kill-session><session-id>" + c.sessionId() + "</session-id></kill-session>"));
      end = a.next("<session-id>" + c.sessionId() + "</session-id>");
      assertNotNull(end);
      assertTrue(end.contains("<termination-reason>killed</termination-reason>"), end);
      assertTrue(end.contains("<killed-by>" + a.client().sessionId() + "</killed-by>"), end);
      c.close();
    }
  }

  /**
   * RFC 5277 §2.1.1, §3.2.2: with startTime the stored events are replayed in order, then
   * replayComplete, then live events.
   */
  @Test
  void replayThenReplayComplete() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    var ids = new ArrayList<Long>();
    for (int i = 0; i < 3; i++) {
      try (var b = server.connect()) {
        ids.add(b.sessionId());
      }
    }
    try (var a = Subscriber.connect()) {
      assertOk(
          a.subscribe(
              "<startTime>" + before + "</startTime>" + sessionFilter("netconf-session-start")));
      var seen = new ArrayList<String>();
      String event;
      while ((event = a.events().poll(10, TimeUnit.SECONDS)) != null) {
        seen.add(event);
        if (event.contains("replayComplete")) {
          break;
        }
      }
      assertNotNull(event, "no replayComplete: " + seen);
      int last = -1;
      for (long id : ids) {
        int at = indexOf(seen, "<session-id>" + id + "</session-id>");
        assertTrue(at > last, "session " + id + " replayed in order: " + seen);
        last = at;
      }
      try (var live = server.connect()) {
        assertNotNull(a.next("<session-id>" + live.sessionId() + "</session-id>"), "live event");
      }
    }
  }

  private static int indexOf(List<String> events, String text) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).contains(text)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * RFC 5277 §2.1.1, §3.2.2: with a stopTime the subscription ends with notificationComplete, and
   * the session may subscribe again.
   */
  @Test
  void stopTimeEndsWithNotificationComplete() throws Exception {
    try (var a = Subscriber.connect()) {
      Instant now = Instant.now();
      assertOk(
          a.subscribe(
              "<startTime>"
                  + now.minusSeconds(60)
                  + "</startTime><stopTime>"
                  + now.plusSeconds(1)
                  + "</stopTime>"));
      assertNotNull(a.next("replayComplete"), "no replayComplete");
      assertNotNull(a.next("notificationComplete"), "no notificationComplete");
      assertOk(a.subscribe(""));
    }
  }

  /** RFC 5277 §3.6: only the events the filter selects are sent. */
  @Test
  void filterSelectsOnlyMatchingEvents() throws Exception {
    try (var a = Subscriber.connect()) {
      assertOk(a.subscribe(sessionFilter("netconf-session-end")));
      long id;
      try (var b = server.connect()) {
        id = b.sessionId();
        assertOk(b.rpc(editConfig("running", top(item(TestServer.unique("flt"), 1)))));
      }
      String event = a.next("<session-id>" + id + "</session-id>");
      assertNotNull(event);
      assertTrue(event.contains("netconf-session-end"), event);
      Thread.sleep(300);
      for (var other : a.events()) {
        assertTrue(other.contains("netconf-session-end"), other);
      }
    }
  }

  /** RFC 5277 §6 (:interleave): a subscribed session still answers RPCs. */
  @Test
  void rpcsAnsweredWhileSubscribed() throws Exception {
    try (var a = Subscriber.connect()) {
      assertOk(a.subscribe(""));
      for (int i = 0; i < 5; i++) {
        try (var b = server.connect()) {
          assertTrue(
              a.client()
                  .rpc("<get-config><source><running/></source></get-config>")
                  .contains("<data"));
        }
      }
      assertOk(a.client().rpc(editConfig("running", top(item(TestServer.unique("il"), 2)))));
      assertNotNull(a.next("netconf-config-change"));
    }
  }

  /** RFC 5277 §2.1.1: stopTime without startTime is missing-element. */
  @Test
  void stopTimeWithoutStartTime() throws Exception {
    try (var a = Subscriber.connect()) {
      String reply = a.subscribe("<stopTime>" + Instant.now() + "</stopTime>");
      assertTrue(reply.contains("<error-tag>missing-element</error-tag>"), reply);
      assertTrue(reply.contains("<bad-element>startTime</bad-element>"), reply);
    }
  }

  /** RFC 5277 §2.1.1: startTime in the future, or stopTime before startTime, is bad-element. */
  @Test
  void badTimes() throws Exception {
    try (var a = Subscriber.connect()) {
      String reply = a.subscribe("<startTime>" + Instant.now().plusSeconds(3600) + "</startTime>");
      assertTrue(reply.contains("<error-tag>bad-element</error-tag>"), reply);
      assertTrue(reply.contains("<bad-element>startTime</bad-element>"), reply);
      Instant now = Instant.now();
      reply =
          a.subscribe(
              "<startTime>"
                  + now.minusSeconds(10)
                  + "</startTime><stopTime>"
                  + now.minusSeconds(20)
                  + "</stopTime>");
      assertTrue(reply.contains("<bad-element>stopTime</bad-element>"), reply);
    }
  }

  /** RFC 5277 §6.5: a second create-subscription on a subscribed session is in-use. */
  @Test
  void secondSubscriptionIsInUse() throws Exception {
    try (var a = Subscriber.connect()) {
      assertOk(a.subscribe(""));
      String reply = a.subscribe("");
      assertTrue(reply.contains("<error-tag>in-use</error-tag>"), reply);
    }
  }

  /** RFC 5277 §2.1.1: a stream the server does not have is refused. */
  @Test
  void unknownStreamIsInvalidValue() throws Exception {
    try (var a = Subscriber.connect()) {
      String reply = a.subscribe("<stream>NO-SUCH</stream>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
      assertNull(a.events().poll(200, TimeUnit.MILLISECONDS));
    }
  }

  /** RFC 5277 §3.4: netconf/streams lists NETCONF with replay support. */
  @Test
  void streamsInGet() throws Exception {
    try (var a = server.connect()) {
      String reply =
          a.rpc(
              "<get><filter><netconf xmlns=\"urn:ietf:params:xml:ns:netmod:notification\"/>"
                  + "</filter></get>");
      assertTrue(reply.contains("<name>NETCONF</name>"), reply);
      assertTrue(reply.contains("<replaySupport>true</replaySupport>"), reply);
      assertTrue(reply.contains("<replayLogCreationTime>"), reply);
    }
  }

  /** RFC 6470 §3.5: a confirmed commit reports start with its timeout, then timeout. */
  @Test
  void confirmedCommitEvents() throws Exception {
    try (var a = Subscriber.connect();
        var b = server.connect()) {
      assertOk(a.subscribe(sessionFilter("netconf-confirmed-commit")));
      assertOk(b.rpc(editConfig("candidate", top(item(TestServer.unique("ccn"), 3)))));
      assertOk(b.rpc("<commit><confirmed/><confirm-timeout>1</confirm-timeout></commit>"));
      String start = a.next("<confirm-event>start</confirm-event>");
      assertNotNull(start);
      assertTrue(start.contains("<timeout>1</timeout>"), start);
      assertTrue(start.contains("<session-id>" + b.sessionId() + "</session-id>"), start);
      String timeout = a.next("<confirm-event>timeout</confirm-event>");
      assertNotNull(timeout);
      assertEquals(-1, timeout.indexOf("<session-id>"), timeout);
    }
  }
}
