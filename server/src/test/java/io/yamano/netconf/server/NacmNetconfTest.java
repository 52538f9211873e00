package io.yamano.netconf.server;

import static io.yamano.netconf.server.CoreOperationsTest.assertOk;
import static io.yamano.netconf.server.Xml.editConfig;
import static io.yamano.netconf.server.Xml.item;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.server.PasswordHasher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NETCONF access control (<a href="https://www.rfc-editor.org/rfc/rfc8341">RFC 8341</a>) over SSH:
 * NACM configured through NETCONF by the first-start admin, each rule kind allowing and denying.
 */
class NacmNetconfTest {
  static final String NACM = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";
  static final String AAA = "urn:yamano:params:xml:ns:yang:yamano-aaa";
  static final String NCEVENT = "urn:ietf:params:xml:ns:netconf:notification:1.0";
  static final String PW = "pw-for-tests";

  @TempDir static Path dataDir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dataDir);
    try (var admin = server.connect()) {
      var users = new StringBuilder("<aaa xmlns=\"" + AAA + "\">");
      for (var u : new String[] {"bob", "carol", "dave", "erin"}) {
        users
            .append("<user><name>")
            .append(u)
            .append("</name><password>")
            .append(PasswordHasher.hash(PW.toCharArray()))
            .append("</password></user>");
      }
      users.append("</aaa>");
      assertOk(admin.rpc(editConfig("running", users.toString())));
      assertOk(
          admin.rpc(
              editConfig("running", top("<name>shop</name>" + item("a", 1) + item("hidden", 2)))));
      assertOk(admin.rpc(editConfig("running", nacmConfig())));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String rule(String name, String match, String ops, String action) {
    return "<rule><name>"
        + name
        + "</name>"
        + match
        + "<access-operations>"
        + ops
        + "</access-operations><action>"
        + action
        + "</action></rule>";
  }

  static String nacmConfig() {
    return "<nacm xmlns=\""
        + NACM
        + "\" xmlns:ops=\"urn:example:ops\">"
        + "<groups>"
        + "<group><name>editors</name><user-name>bob</user-name></group>"
        + "<group><name>readers</name><user-name>carol</user-name></group>"
        + "</groups>"
        + "<rule-list><name>editors</name><group>editors</group>"
        + rule("hide-entry", "<path>/ops:top/ops:item[ops:id='hidden']</path>", "read", "deny")
        + rule("items", "<path>/ops:top/ops:item</path>", "create update delete", "permit")
        + "</rule-list>"
        + "<rule-list><name>readers</name><group>readers</group>"
        + rule("no-ops", "<module-name>example-ops</module-name>", "read", "deny")
        + rule(
            "no-lock",
            "<module-name>ietf-netconf</module-name><rpc-name>lock</rpc-name>",
            "exec",
            "deny")
        + rule("no-lcm-actions", "<module-name>yamano-ns</module-name>", "exec", "deny")
        + rule(
            "no-config-change",
            "<module-name>ietf-netconf-notifications</module-name>"
                + "<notification-name>netconf-config-change</notification-name>",
            "read",
            "deny")
        + "</rule-list></nacm>";
  }

  private static String getConfig(io.yamano.netconf.client.NetconfClient c) throws IOException {
    return c.rpc("<get-config><source><running/></source></get-config>");
  }

  private static void assertDenied(String reply) {
    assertTrue(reply.contains("<error-tag>access-denied</error-tag>"), reply);
  }

  /** RFC 8341 §3.2, §3.4.5: NACM is configured through NETCONF; admin reads it, others cannot. */
  @Test
  void nacmIsConfiguredThroughNetconfAndHidden() throws Exception {
    try (var admin = server.connect();
        var dave = server.connect("dave", PW)) {
      var all = getConfig(admin);
      assertTrue(all.contains("<name>admin</name>") && all.contains("no-config-change"), all);
      var daves = getConfig(dave);
      assertFalse(daves.contains("<nacm xmlns"), "nacm shown to dave");
    }
  }

  /** RFC 8341 §3.4.5 steps 8 and 10: read-default permit, but default-deny-all nodes are pruned. */
  @Test
  void readDefaultPermitsExceptDefaultDenyAll() throws Exception {
    try (var dave = server.connect("dave", PW)) {
      var reply = getConfig(dave);
      assertTrue(reply.contains("<name>shop</name>"), reply);
      assertTrue(reply.contains("<name>erin</name>"), reply);
      assertFalse(reply.contains("<password>"), reply);
      var get = dave.rpc("<get/>");
      assertFalse(get.contains("<password>"), get);
      assertFalse(get.contains("<nacm xmlns"), "nacm shown to dave");
    }
  }

  /** RFC 8341 §3.4.5 step 11: write-default deny gives access-denied with the error-path. */
  @Test
  void writeDefaultDenies() throws Exception {
    try (var dave = server.connect("dave", PW)) {
      var reply = dave.rpc(editConfig("running", top("<name>daves</name>")));
      assertDenied(reply);
      assertTrue(
          reply.contains("<error-path") && reply.contains("top") && reply.contains("name"), reply);
      assertDenied(dave.rpc(editConfig("candidate", top("<name>daves</name>"))));
    }
  }

  /** RFC 8341 §3.4.5: a data-node rule permits writes below its path and nothing else. */
  @Test
  void pathRulePermitsItemsOnly() throws Exception {
    try (var bob = server.connect("bob", PW)) {
      String id = TestServer.unique("bob");
      assertOk(bob.rpc(editConfig("running", top(item(id, 3)))));
      assertOk(
          bob.rpc(
              editConfig(
                  "running",
                  top(
                      "<item xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"delete\"><id>"
                          + id
                          + "</id></item>"))));
      assertDenied(bob.rpc(editConfig("running", top("<name>bobs</name>"))));
    }
  }

  /** RFC 8341 §3.4.5: a path rule with a key predicate hides exactly that entry. */
  @Test
  void pathRuleWithKeyHidesOneEntry() throws Exception {
    try (var bob = server.connect("bob", PW);
        var dave = server.connect("dave", PW)) {
      var reply = getConfig(bob);
      assertTrue(reply.contains("<id>a</id>"), reply);
      assertFalse(reply.contains("<id>hidden</id>"), reply);
      // a filter cannot probe what is pruned
      var probe =
          bob.rpc(
              "<get-config><source><running/></source><filter type=\"xpath\" select=\"/ops:top/ops:item[ops:id='hidden']\" xmlns:ops=\"urn:example:ops\"/></get-config>");
      assertFalse(probe.contains("hidden"), probe);
      assertTrue(getConfig(dave).contains("<id>hidden</id>"));
    }
  }

  static final String GHOST_ACTION =
      "<action xmlns=\"urn:ietf:params:xml:ns:yang:1\"><ns-instances"
          + " xmlns=\"urn:yamano:params:xml:ns:yang:yamano-ns\"><ns-instance><name>ghost</name>"
          + "<instantiate/></ns-instance></ns-instances></action>";

  /**
   * RFC 8341 §3.4.5: a denied action is access-denied before anything is said about its target, so
   * that a user learns nothing of data it may not see; a permitted one hears that it is missing.
   */
  @Test
  void deniedActionSaysNothingOfItsTarget() throws Exception {
    try (var carol = server.connect("carol", PW)) {
      var reply = carol.rpc(GHOST_ACTION);
      assertTrue(reply.contains("<error-tag>access-denied</error-tag>"), reply);
      assertFalse(reply.contains("data-missing"), reply);
    }
    try (var erin = server.connect("erin", PW)) {
      var reply = erin.rpc(GHOST_ACTION);
      assertTrue(reply.contains("<error-tag>data-missing</error-tag>"), reply);
    }
  }

  /** RFC 8341 §3.4.5: a module-name rule denies reading every node of that module. */
  @Test
  void moduleRuleHidesModule() throws Exception {
    try (var carol = server.connect("carol", PW)) {
      var reply = getConfig(carol);
      assertFalse(reply.contains("<top xmlns=\"urn:example:ops\""), reply);
      assertTrue(reply.contains("<name>erin</name>"), reply);
      var data =
          carol.rpc(
              "<get-data xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-nmda\""
                  + " xmlns:ds=\"urn:ietf:params:xml:ns:yang:ietf-datastores\">"
                  + "<datastore>ds:operational</datastore></get-data>");
      assertFalse(data.contains("<top xmlns=\"urn:example:ops\""), "ops data shown to carol");
      assertFalse(data.contains("<read-default>"), "nacm defaults shown to carol");
    }
  }

  /** RFC 8341 §3.4.4: an rpc-name rule denies that operation (error-type protocol) only. */
  @Test
  void rpcRuleDeniesLock() throws Exception {
    try (var carol = server.connect("carol", PW);
        var dave = server.connect("dave", PW)) {
      var reply = carol.rpc("<lock><target><candidate/></target></lock>");
      assertDenied(reply);
      assertTrue(reply.contains("<error-type>protocol</error-type>"), reply);
      assertOk(dave.rpc("<lock><target><candidate/></target></lock>"));
      assertOk(dave.rpc("<unlock><target><candidate/></target></unlock>"));
    }
  }

  /**
   * RFC 8341 §3.4.4 steps 3 and 9: kill-session is denied by default, close-session always allowed.
   */
  @Test
  void killSessionDeniedCloseSessionAllowed() throws Exception {
    try (var admin = server.connect();
        var dave = server.connect("dave", PW)) {
      assertDenied(
          dave.rpc(
              "<kill-session><session-id>" + admin.sessionId() + "</session-id></kill-session>"));
      assertOk(
          admin.rpc("<get-config><source><running/></source></get-config>").contains("rpc-reply")
              ? "<ok/>"
              : "");
      assertOk(dave.rpc("<close-session/>"));
    }
  }

  /** RFC 8341 §3.4.6: a notification-name rule keeps that event from the user, not from others. */
  @Test
  void notificationRuleFiltersEvents() throws Exception {
    try (var carol = server.connect("carol", PW);
        var dave = server.connect("dave", PW);
        var admin = server.connect()) {
      var carolEvents = new LinkedBlockingQueue<String>();
      var daveEvents = new LinkedBlockingQueue<String>();
      carol.onNotification(carolEvents::add);
      dave.onNotification(daveEvents::add);
      assertOk(carol.rpc("<create-subscription xmlns=\"" + NCEVENT + "\"/>"));
      assertOk(dave.rpc("<create-subscription xmlns=\"" + NCEVENT + "\"/>"));
      String id = TestServer.unique("event");
      assertOk(admin.rpc(editConfig("running", top(item(id, 9)))));
      String seen = null;
      for (String e; (e = daveEvents.poll(10, TimeUnit.SECONDS)) != null; ) {
        if (e.contains("netconf-config-change")) {
          seen = e;
          break;
        }
      }
      assertNotNull(seen, "dave got no netconf-config-change");
      // carol may still get other events (session start/end), never a config change
      for (String e; (e = carolEvents.poll(500, TimeUnit.MILLISECONDS)) != null; ) {
        assertFalse(e.contains("netconf-config-change"), e);
      }
    }
  }

  /** Sessions of a user deleted from yamano-aaa are ended. */
  @Test
  void deletedUsersSessionsEnd() throws Exception {
    try (var admin = server.connect()) {
      var erin = server.connect("erin", PW);
      assertTrue(getConfig(erin).contains("rpc-reply"));
      assertOk(
          admin.rpc(
              editConfig(
                  "running",
                  "<aaa xmlns=\""
                      + AAA
                      + "\"><user xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\""
                      + " nc:operation=\"delete\"><name>erin</name></user></aaa>")));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      boolean ended = false;
      while (!ended && System.nanoTime() < deadline) {
        try {
          erin.rpc("<get-config><source><running/></source></get-config>");
          Thread.sleep(50);
        } catch (IOException e) {
          ended = true;
        }
      }
      assertTrue(ended, "erin's session is still open");
      assertThrows(Exception.class, () -> server.connect("erin", PW).close());
      erin.close();
    }
  }

  /** A user in no group may not change users (yamano-aaa list is nacm:default-deny-write). */
  @Test
  void usersAreProtected() throws Exception {
    try (var dave = server.connect("dave", PW)) {
      assertDenied(
          dave.rpc(
              editConfig(
                  "running",
                  "<aaa xmlns=\"" + AAA + "\"><user><name>mallory</name></user></aaa>")));
    }
  }
}
