package io.yamano.netconf.server;

import static io.yamano.netconf.server.CoreOperationsTest.assertOk;
import static io.yamano.netconf.server.Xml.editConfig;
import static io.yamano.netconf.server.Xml.getConfig;
import static io.yamano.netconf.server.Xml.item;
import static io.yamano.netconf.server.Xml.itemFilter;
import static io.yamano.netconf.server.Xml.top;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** with-defaults, filters, error options, insert, copy/delete/validate, over SSH for real. */
class DataOperationsTest {
  private static final String NC = "xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";
  private static final String YANG = "xmlns:yang=\"urn:ietf:params:xml:ns:yang:1\"";
  private static final String WD = "urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults";

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

  private static String withDefaults(String id, String mode) {
    return "<get-config><source><running/></source>"
        + itemFilter(id)
        + "<with-defaults xmlns=\""
        + WD
        + "\">"
        + mode
        + "</with-defaults></get-config>";
  }

  /** RFC 6243 §3.1: report-all adds leaves at their default. */
  @Test
  void withDefaultsReportAll() throws Exception {
    String id = TestServer.unique("wd");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(id, 1)))));
      assertFalse(c.rpc(getConfig("running", itemFilter(id))).contains("<note>none</note>"));
      String reply = c.rpc(withDefaults(id, "report-all"));
      assertTrue(reply.contains("<note>none</note>"), reply);
    }
  }

  /** RFC 6243 §3.4: report-all-tagged marks defaults with wd:default="true". */
  @Test
  void withDefaultsReportAllTagged() throws Exception {
    String id = TestServer.unique("wdt");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(id, 1)))));
      String reply = c.rpc(withDefaults(id, "report-all-tagged"));
      assertTrue(reply.contains("default=\"true\">none</note>"), reply);
      assertTrue(reply.contains("urn:ietf:params:xml:ns:netconf:default:1.0"), reply);
    }
  }

  /** RFC 6243 §3.2: trim leaves out a leaf set to its default value; explicit keeps it. */
  @Test
  void withDefaultsTrimAndExplicit() throws Exception {
    String id = TestServer.unique("trim");
    try (var c = server.connect()) {
      assertOk(
          c.rpc(editConfig("running", top("<item><id>" + id + "</id><note>none</note></item>"))));
      assertFalse(c.rpc(withDefaults(id, "trim")).contains("<note>"));
      assertTrue(c.rpc(withDefaults(id, "explicit")).contains("<note>none</note>"));
    }
  }

  /** RFC 6243 §4.5.1: an unknown mode is invalid-value. */
  @Test
  void withDefaultsUnknownMode() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc(withDefaults("x", "everything"));
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
    }
  }

  /** RFC 6241 §6.2.5: a subtree filter with a key content match selects that entry only. */
  @Test
  void subtreeFilterSelectsEntry() throws Exception {
    String a = TestServer.unique("sub");
    String b = TestServer.unique("sub");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(a, 1) + item(b, 2)))));
      String reply = c.rpc(getConfig("running", itemFilter(a)));
      assertTrue(reply.contains(a), reply);
      assertFalse(reply.contains(b), reply);
      assertFalse(reply.contains("yamano-aaa"), reply);
    }
  }

  /** RFC 6241 §8.9: an XPath filter selects the node with its ancestors and keys. */
  @Test
  void xpathFilterSelectsLeaf() throws Exception {
    String a = TestServer.unique("xp");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(a, 42)))));
      String reply =
          c.rpc(
              "<get-config><source><running/></source><filter type=\"xpath\""
                  + " xmlns:o=\"urn:example:ops\" select=\"/o:top/o:item[o:id='"
                  + a
                  + "']/o:value\"/></get-config>");
      assertTrue(reply.contains("<value>42</value>"), reply);
      assertTrue(reply.contains("<id>" + a + "</id>"), reply);
      assertFalse(reply.contains("yamano-aaa"), reply);
    }
  }

  /** RFC 6241 §8.9.1: an XPath filter without select is missing-attribute. */
  @Test
  void xpathFilterWithoutSelect() throws Exception {
    try (var c = server.connect()) {
      String reply =
          c.rpc("<get-config><source><running/></source><filter type=\"xpath\"/></get-config>");
      assertTrue(reply.contains("<error-tag>missing-attribute</error-tag>"), reply);
      assertTrue(reply.contains("<bad-attribute>select</bad-attribute>"), reply);
    }
  }

  /** RFC 6241 §8.9: an expression with an unbound prefix is invalid-value. */
  @Test
  void xpathFilterBadExpression() throws Exception {
    try (var c = server.connect()) {
      String reply =
          c.rpc(
              "<get-config><source><running/></source><filter type=\"xpath\" select=\"/zz:top\"/></get-config>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
    }
  }

  private static String createItem(String id) {
    return "<item " + NC + " nc:operation=\"create\"><id>" + id + "</id></item>";
  }

  /** RFC 6241 §7.2: continue-on-error applies the good edits and reports the bad ones. */
  @Test
  void continueOnErrorAppliesGoodEdits() throws Exception {
    String old = TestServer.unique("coe");
    String fresh = TestServer.unique("coe");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(old, 1)))));
      String reply =
          c.rpc(
              editConfig(
                  "running",
                  "<error-option>continue-on-error</error-option>",
                  top(createItem(old) + createItem(fresh))));
      assertTrue(reply.contains("<error-tag>data-exists</error-tag>"), reply);
      assertTrue(c.rpc(getConfig("running", itemFilter(fresh))).contains(fresh));
    }
  }

  /** RFC 6241 §8.5: rollback-on-error applies nothing when an edit fails. */
  @Test
  void rollbackOnErrorAppliesNothing() throws Exception {
    String old = TestServer.unique("roe");
    String fresh = TestServer.unique("roe");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(old, 1)))));
      String reply =
          c.rpc(
              editConfig(
                  "running",
                  "<error-option>rollback-on-error</error-option>",
                  top(createItem(fresh) + createItem(old))));
      assertTrue(reply.contains("<error-tag>data-exists</error-tag>"), reply);
      assertFalse(c.rpc(getConfig("running", itemFilter(fresh))).contains(fresh));
    }
  }

  /** RFC 6241 §8.6.4.1: test-only validates and changes nothing. */
  @Test
  void testOnlyChangesNothing() throws Exception {
    String id = TestServer.unique("testonly");
    try (var c = server.connect()) {
      assertOk(
          c.rpc(editConfig("running", "<test-option>test-only</test-option>", top(item(id, 1)))));
      assertFalse(c.rpc(getConfig("running", itemFilter(id))).contains(id));
    }
  }

  private static String rules(String c) throws Exception {
    String reply = c;
    var order = new StringBuilder();
    int i = 0;
    while ((i = reply.indexOf("<name>", i)) >= 0) {
      int end = reply.indexOf("</name>", i);
      order.append(reply, i + 6, end).append(' ');
      i = end;
    }
    return order.toString().trim();
  }

  /** RFC 7950 §7.8.6: insert first and after place entries of an ordered-by user list. */
  @Test
  void insertOrdersUserList() throws Exception {
    try (var c = server.connect()) {
      assertOk(
          c.rpc(
              editConfig(
                  "candidate", top("<rule><name>a</name></rule><rule><name>b</name></rule>"))));
      assertOk(
          c.rpc(
              editConfig(
                  "candidate",
                  top("<rule " + YANG + " yang:insert=\"first\"><name>c</name></rule>"))));
      assertOk(
          c.rpc(
              editConfig(
                  "candidate",
                  top(
                      "<rule "
                          + YANG
                          + " xmlns:o=\"urn:example:ops\" yang:insert=\"after\""
                          + " yang:key=\"[o:name='a']\"><name>d</name></rule>"))));
      String reply = c.rpc(getConfig("candidate", "<filter>" + top("<rule/>") + "</filter>"));
      assertTrue(rules(reply).equals("c a d b"), reply);
      assertOk(c.rpc("<discard-changes/>"));
    }
  }

  /** RFC 7950 §7.7.9: insert before places an entry of an ordered-by user leaf-list. */
  @Test
  void insertOrdersUserLeafList() throws Exception {
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("candidate", top("<tag>x</tag><tag>y</tag>"))));
      assertOk(
          c.rpc(
              editConfig(
                  "candidate",
                  top("<tag " + YANG + " yang:insert=\"before\" yang:value=\"x\">z</tag>"))));
      String reply = c.rpc(getConfig("candidate", "<filter>" + top("<tag/>") + "</filter>"));
      assertTrue(
          reply.indexOf(">z<") < reply.indexOf(">x<")
              && reply.indexOf(">x<") < reply.indexOf(">y<"),
          reply);
      assertOk(c.rpc("<discard-changes/>"));
    }
  }

  /** RFC 7950 §7.8.6: insert after an entry that does not exist is bad-attribute. */
  @Test
  void insertAfterMissingEntry() throws Exception {
    try (var c = server.connect()) {
      String reply =
          c.rpc(
              editConfig(
                  "candidate",
                  top(
                      "<rule "
                          + YANG
                          + " xmlns:o=\"urn:example:ops\" yang:insert=\"after\""
                          + " yang:key=\"[o:name='ghost']\"><name>e</name></rule>")));
      assertTrue(reply.contains("<error-tag>bad-attribute</error-tag>"), reply);
      assertTrue(reply.contains("<error-app-tag>missing-instance</error-app-tag>"), reply);
      assertOk(c.rpc("<discard-changes/>"));
    }
  }

  /** RFC 6241 §7.3: copy-config running to startup makes startup equal running. */
  @Test
  void copyRunningToStartup() throws Exception {
    String id = TestServer.unique("copy");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(id, 3)))));
      assertOk(
          c.rpc(
              "<copy-config><target><startup/></target><source><running/></source></copy-config>"));
      assertTrue(c.rpc(getConfig("startup", itemFilter(id))).contains(id));
    }
  }

  /** RFC 6241 §7.3: copy-config with the same source and target is invalid-value. */
  @Test
  void copySameSourceAndTarget() throws Exception {
    try (var c = server.connect()) {
      String reply =
          c.rpc(
              "<copy-config><target><running/></target><source><running/></source></copy-config>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
    }
  }

  /** RFC 6241 §8.8: copy-config to and from a file: URL inside the files directory. */
  @Test
  void copyThroughFileUrl() throws Exception {
    String id = TestServer.unique("url");
    Path file = server.files().resolve("backup.xml");
    try (var c = server.connect()) {
      assertOk(c.rpc(editConfig("running", top(item(id, 5)))));
      assertOk(
          c.rpc(
              "<copy-config><target><url>"
                  + file.toUri()
                  + "</url></target><source><running/></source></copy-config>"));
      assertTrue(Files.readString(file).contains(id));
      Path restore = server.files().resolve("restore.xml");
      Files.writeString(
          restore,
          "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
              + top(item(id, 6))
              + "</config>");
      assertOk(
          c.rpc(
              "<copy-config><target><candidate/></target><source><url>"
                  + restore.toUri()
                  + "</url></source></copy-config>"));
      assertTrue(c.rpc(getConfig("candidate", itemFilter(id))).contains("<value>6</value>"));
      assertOk(c.rpc("<discard-changes/>"));
    }
  }

  /** RFC 6241 §8.8: a file: URL outside the files directory is access-denied. */
  @Test
  void fileUrlOutsideIsAccessDenied() throws Exception {
    try (var c = server.connect()) {
      String reply =
          c.rpc(
              "<copy-config><target><url>file://"
                  + server.files()
                  + "/../escape.xml</url></target><source><running/></source></copy-config>");
      assertTrue(reply.contains("<error-tag>access-denied</error-tag>"), reply);
      assertFalse(Files.exists(dataDir.resolve("escape.xml")));
      reply = c.rpc("<get-config><source><url>file:///etc/passwd</url></source></get-config>");
      assertTrue(reply.contains("rpc-error"), reply);
    }
  }

  /** RFC 6241 §7.4: delete-config of startup empties it; running is not deletable. */
  @Test
  void deleteConfig() throws Exception {
    try (var c = server.connect()) {
      String reply = c.rpc("<delete-config><target><running/></target></delete-config>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
      assertTrue(reply.contains("<bad-element>running</bad-element>"), reply);
      assertOk(c.rpc("<delete-config><target><startup/></target></delete-config>"));
      assertFalse(c.rpc(getConfig("startup", "")).contains("<top"));
    }
  }

  /** RFC 6241 §8.6: validate of the candidate and of inline config. */
  @Test
  void validateSources() throws Exception {
    try (var c = server.connect()) {
      assertOk(c.rpc("<validate><source><candidate/></source></validate>"));
      assertOk(
          c.rpc(
              "<validate><source><config>" + top(item("v", 1)) + "</config></source></validate>"));
      String reply =
          c.rpc(
              "<validate><source><config>" + top("<mtu>1</mtu>") + "</config></source></validate>");
      assertTrue(reply.contains("<error-tag>invalid-value</error-tag>"), reply);
    }
  }
}
