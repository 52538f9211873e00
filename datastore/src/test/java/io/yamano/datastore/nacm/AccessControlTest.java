package io.yamano.datastore.nacm;

import static io.yamano.datastore.nacm.NacmFixture.O;
import static io.yamano.datastore.nacm.NacmFixture.T;
import static io.yamano.datastore.nacm.NacmFixture.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.operation.Invoker;
import io.yamano.datastore.operation.OperationRequest;
import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/** The NACM engine (RFC 8341 §3.4) on a real datastore: each rule kind allowing and denying. */
class AccessControlTest {
  private static final String NC = "urn:ietf:params:xml:ns:netconf:base:1.0";
  private static final String TOP =
      "<top xmlns='"
          + T
          + "'><name>n</name>"
          + "<item><id>a</id><value>1</value></item>"
          + "<item><id>secret</id><value>2</value></item>"
          + "<tag>x</tag><a>choice-a</a><guarded>g</guarded><secret>s</secret></top>"
          + "<other xmlns='"
          + O
          + "'><x>1</x></other>";

  private NacmFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new NacmFixture();
    f.load(TOP);
  }

  static String groups(String... groupAndUsers) {
    var b = new StringBuilder("<groups>");
    for (var g : groupAndUsers) {
      var parts = g.split(":");
      b.append("<group><name>").append(parts[0]).append("</name>");
      for (int i = 1; i < parts.length; i++) {
        b.append("<user-name>").append(parts[i]).append("</user-name>");
      }
      b.append("</group>");
    }
    return b.append("</groups>").toString();
  }

  static String ruleList(String name, String group, String... rules) {
    return "<rule-list><name>"
        + name
        + "</name><group>"
        + group
        + "</group>"
        + String.join("", rules)
        + "</rule-list>";
  }

  /** A rule; {@code match} is the module-name/rpc-name/notification-name/path elements. */
  static String rule(String name, String match, String ops, String action) {
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

  static YangInstanceIdentifier item(String id) {
    return YangInstanceIdentifier.of(t("top"), t("item"))
        .node(NodeIdentifierWithPredicates.of(t("item"), t("id"), id));
  }

  static YangInstanceIdentifier top(String leaf) {
    return YangInstanceIdentifier.of(t("top"), t(leaf));
  }

  private static RpcException denied(org.junit.jupiter.api.function.Executable e) {
    var ex = assertThrows(RpcException.class, e);
    assertEquals(ErrorTag.ACCESS_DENIED, ex.errors().get(0).tag(), ex.errors().toString());
    return ex;
  }

  private void setLeaf(String user, String leaf, String value) throws RpcException {
    try (var s = f.session(user)) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.merge(top(leaf), ImmutableNodes.leafNode(t(leaf), value));
      tx.commit("");
    }
  }

  private ContainerNode topOf(ContainerNode root) {
    return (ContainerNode) root.childByArg(new NodeIdentifier(t("top")));
  }

  private static boolean has(DataContainerNode node, String leaf) {
    return node != null && node.childByArg(new NodeIdentifier(t(leaf))) != null;
  }

  // ---- defaults (§3.4.5 steps 10-11, §3.4.4 steps 9-10) ----

  /**
   * RFC 8341 §3.4.5: with no rules, reads follow read-default (permit), writes write-default
   * (deny).
   */
  @Test
  void emptyConfigurationReadsButDoesNotWrite() throws Exception {
    var pruned = f.session("bob").access().prune(f.running());
    assertTrue(has(topOf(pruned), "name"));
    var e = denied(() -> setLeaf("bob", "name", "m"));
    assertEquals(Optional.of(top("name")), e.errors().get(0).path());
    assertEquals(ErrorType.APPLICATION, e.errors().get(0).type());
  }

  /**
   * RFC 8341 §3.4.4: close-session is always permitted, kill-session and delete-config not by
   * default.
   */
  @Test
  void baseOperationsDefaults() throws Exception {
    var bob = f.datastore.accessControl().forUser("bob");
    assertTrue(bob.exec(QName.create(NC, "close-session")).permitted());
    assertFalse(bob.exec(QName.create(NC, "kill-session")).permitted());
    assertFalse(bob.exec(QName.create(NC, "delete-config")).permitted());
    assertTrue(bob.exec(QName.create(NC, "get-config")).permitted());
  }

  /** RFC 8341 §3.4.4: exec-default deny refuses rpcs without a rule, except close-session. */
  @Test
  void execDefaultDeny() throws Exception {
    f.nacm("<exec-default>deny</exec-default>");
    var bob = f.datastore.accessControl().forUser("bob");
    assertFalse(bob.exec(QName.create(NC, "get-config")).permitted());
    assertTrue(bob.exec(QName.create(NC, "close-session")).permitted());
  }

  // ---- groups and rule-lists ----

  /** A group with a permit-all rule may do everything; reads are not even walked. */
  @Test
  void adminGroupPermitsAll() throws Exception {
    f.nacm(groups("admin:alice") + ruleList("admin", "admin", rule("all", "", "*", "permit")));
    setLeaf("alice", "guarded", "h");
    var root = f.running();
    assertSame(root, f.session("alice").access().prune(root));
    assertTrue(
        f.datastore
            .accessControl()
            .forUser("alice")
            .exec(QName.create(NC, "kill-session"))
            .permitted());
  }

  /** RFC 8341 §3.4.5 step 5: rule-lists apply only to their groups; '*' to every group. */
  @Test
  void ruleListsApplyToTheirGroupsOnly() throws Exception {
    f.nacm(
        groups("ops:carol", "viewers:dave")
            + ruleList("ops", "ops", rule("w", "", "create update delete", "permit")));
    setLeaf("carol", "name", "by-carol");
    denied(() -> setLeaf("dave", "name", "by-dave"));
    f.nacm(
        groups("ops:carol", "viewers:dave")
            + ruleList("any", "*", rule("w", "", "create update delete", "permit")));
    setLeaf("dave", "name", "by-dave");
    denied(() -> setLeaf("nobody", "name", "x"));
  }

  /** RFC 8341 §3.4.5 step 6: the first matching rule decides. */
  @Test
  void firstMatchingRuleWins() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList("l1", "g", rule("deny-name", "<path>/t:top/t:name</path>", "update", "deny"))
            + ruleList("l2", "g", rule("permit-all", "", "*", "permit")));
    denied(() -> setLeaf("bob", "name", "x"));
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.merge(
          YangInstanceIdentifier.of(t("top"), t("kind"), t("a")),
          ImmutableNodes.leafNode(t("a"), "allowed by the second list"));
      tx.commit("");
    }
  }

  // ---- module-name rules ----

  /** RFC 8341 §3.4.5: a module-name rule denies reads of that module's nodes only. */
  @Test
  void moduleRuleDeniesReadOfThatModule() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l", "g", rule("no-test", "<module-name>nacm-test</module-name>", "read", "deny")));
    var pruned = f.session("bob").access().prune(f.running());
    assertEquals(null, topOf(pruned));
    assertTrue(pruned.childByArg(new NodeIdentifier(QName.create(O, "other"))) != null);
  }

  /** A module-name rule permitting writes allows them in that module and no other. */
  @Test
  void moduleRulePermitsWrite() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l", "g", rule("w", "<module-name>nacm-test</module-name>", "update", "permit")));
    setLeaf("bob", "name", "ok");
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      var x = YangInstanceIdentifier.of(QName.create(O, "other"), QName.create(O, "x"));
      tx.merge(x, ImmutableNodes.leafNode(QName.create(O, "x"), "2"));
      var e = denied(() -> tx.commit(""));
      assertEquals(Optional.of(x), e.errors().get(0).path());
    }
  }

  // ---- data-node (path) rules ----

  /** RFC 8341 §3.4.5: a path with a key predicate denies reading that list entry only. */
  @Test
  void pathRuleWithKeyPrunesOneEntry() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l",
                "g",
                rule("hide", "<path>/t:top/t:item[t:id='secret']</path>", "read", "deny")));
    var pruned = topOf(f.session("bob").access().prune(f.running()));
    var items = (MapNode) pruned.childByArg(new NodeIdentifier(t("item")));
    assertEquals(1, items.size());
    assertTrue(items.childByArg(NodeIdentifierWithPredicates.of(t("item"), t("id"), "a")) != null);
  }

  /** A permitted descendant of a denied node stays visible inside a shell with the list keys. */
  @Test
  void permittedDescendantOfDeniedNodeIsKept() throws Exception {
    f.nacm(
        "<read-default>deny</read-default>"
            + groups("g:bob")
            + ruleList(
                "l", "g", rule("values", "<path>/t:top/t:item/t:value</path>", "read", "permit")));
    var pruned = topOf(f.session("bob").access().prune(f.running()));
    assertFalse(has(pruned, "name"));
    var items = (MapNode) pruned.childByArg(new NodeIdentifier(t("item")));
    var a = items.childByArg(NodeIdentifierWithPredicates.of(t("item"), t("id"), "a"));
    assertTrue(has(a, "id") && has(a, "value"));
  }

  /**
   * RFC 8341 §3.4.5: a path rule permits updates below it and nothing else (write-default deny).
   */
  @Test
  void pathRulePermitsUpdateButNotCreate() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l",
                "g",
                rule("values", "<path>/t:top/t:item/t:value</path>", "update", "permit")));
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.merge(item("a").node(t("value")), ImmutableNodes.leafNode(t("value"), 5));
      tx.commit("");
    }
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.merge(
          item("new"),
          ImmutableNodes.newMapEntryBuilder()
              .withNodeIdentifier(NodeIdentifierWithPredicates.of(t("item"), t("id"), "new"))
              .withChild(ImmutableNodes.leafNode(t("id"), "new"))
              .build());
      var e = denied(() -> tx.commit(""));
      assertEquals(Optional.of(item("new")), e.errors().get(0).path());
    }
  }

  /** RFC 8341 §3.2.2: create, update and delete are separate bits. */
  @Test
  void createWithoutDelete() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList("l", "g", rule("c", "<path>/t:top/t:tag</path>", "create", "permit")));
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.merge(
          YangInstanceIdentifier.of(t("top"), t("tag"))
              .node(new YangInstanceIdentifier.NodeWithValue<>(t("tag"), "y")),
          ImmutableNodes.leafSetEntry(t("tag"), "y"));
      tx.commit("");
    }
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.delete(
          YangInstanceIdentifier.of(t("top"), t("tag"))
              .node(new YangInstanceIdentifier.NodeWithValue<>(t("tag"), "x")));
      denied(() -> tx.commit(""));
    }
  }

  /** Deleting a node needs delete access to every node below it. */
  @Test
  void deleteChecksDescendants() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l",
                "g",
                rule(
                    "keep-secret-item",
                    "<path>/t:top/t:item[t:id='secret']</path>",
                    "delete",
                    "deny"),
                rule("rest", "", "delete", "permit")));
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.delete(YangInstanceIdentifier.of(t("top")));
      var e = denied(() -> tx.commit(""));
      assertEquals(Optional.of(item("secret")), e.errors().get(0).path());
    }
  }

  // ---- extensions (§3.2.2, §3.4.5 steps 8-9) ----

  /**
   * nacm:default-deny-write refuses writes without an explicit rule even when write-default
   * permits.
   */
  @Test
  void defaultDenyWrite() throws Exception {
    f.nacm("<write-default>permit</write-default>");
    setLeaf("bob", "name", "free");
    denied(() -> setLeaf("bob", "guarded", "x"));
    f.nacm(
        "<write-default>permit</write-default>"
            + groups("g:bob")
            + ruleList("l", "g", rule("g", "<path>/t:top/t:guarded</path>", "update", "permit")));
    setLeaf("bob", "guarded", "x");
  }

  /** nacm:default-deny-all hides a node from reads without an explicit rule; a rule reveals it. */
  @Test
  void defaultDenyAll() throws Exception {
    assertFalse(has(topOf(f.session("bob").access().prune(f.running())), "secret"));
    assertTrue(has(topOf(f.session("bob").access().prune(f.running())), "name"));
    f.nacm(
        groups("g:bob")
            + ruleList("l", "g", rule("s", "<path>/t:top/t:secret</path>", "read", "permit")));
    assertTrue(has(topOf(f.session("bob").access().prune(f.running())), "secret"));
  }

  /** The NACM configuration itself is default-deny-all (RFC 8341 §3.2). */
  @Test
  void nacmIsHiddenFromOrdinaryUsers() throws Exception {
    f.nacm(groups("admin:alice") + ruleList("admin", "admin", rule("all", "", "*", "permit")));
    var nacm = new NodeIdentifier(QName.create(NacmFixture.NACM, "2018-02-14", "nacm"));
    assertEquals(null, f.session("bob").access().prune(f.running()).childByArg(nacm));
    assertTrue(f.session("alice").access().prune(f.running()).childByArg(nacm) != null);
  }

  // ---- rpc-name rules and actions ----

  /**
   * RFC 8341 §3.4.4: an rpc-name rule denies that rpc through Operations.invoke, before any
   * handler.
   */
  @Test
  void rpcRuleDeniesThroughOperations() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l", "g", rule("no-restart", "<rpc-name>restart</rpc-name>", "exec", "deny")));
    var restart = Absolute.of(t("restart"));
    var called = new java.util.concurrent.atomic.AtomicInteger();
    f.datastore
        .operations()
        .register(
            restart,
            r -> {
              called.incrementAndGet();
              return ImmutableNodes.newContainerBuilder()
                  .withNodeIdentifier(new NodeIdentifier(t("output")))
                  .build();
            });
    var input =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(t("input")))
            .build();
    var e =
        denied(
            () ->
                f.datastore
                    .operations()
                    .invoke(
                        new OperationRequest(
                            restart,
                            YangInstanceIdentifier.of(),
                            input,
                            new Invoker("bob", 5, "netconf"))));
    assertEquals(ErrorType.PROTOCOL, e.errors().get(0).type());
    assertEquals(0, called.get());
    f.datastore
        .operations()
        .invoke(
            new OperationRequest(
                restart, YangInstanceIdentifier.of(), input, new Invoker("carol", 6, "netconf")));
    f.datastore
        .operations()
        .invoke(
            new OperationRequest(
                restart, YangInstanceIdentifier.of(), input, Invoker.internal("bob")));
    assertEquals(2, called.get());
  }

  /** RFC 8341 §3.4.5: an action is a data node checked for exec with its path. */
  @Test
  void actionPathRule() throws Exception {
    f.nacm(
        "<exec-default>deny</exec-default>"
            + groups("g:bob")
            + ruleList(
                "l",
                "g",
                rule("reset-a", "<path>/t:top/t:item[t:id='a']/t:reset</path>", "exec", "permit")));
    var bob = f.datastore.accessControl().forUser("bob");
    assertTrue(bob.action(item("a"), t("reset")).permitted());
    assertFalse(bob.action(item("secret"), t("reset")).permitted());
    var e = denied(() -> bob.checkAction(item("secret"), t("reset"), "netconf"));
    assertEquals(Optional.of(item("secret")), e.errors().get(0).path());
  }

  // ---- notification-name rules (§3.4.6) ----

  @Test
  void notificationRule() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l",
                "g",
                rule("no-alarm", "<notification-name>alarm</notification-name>", "read", "deny")));
    var bob = f.datastore.accessControl().forUser("bob");
    assertFalse(bob.mayReceive(T, "alarm"));
    assertTrue(bob.mayReceive(T, "info"));
    assertTrue(bob.mayReceive("urn:ietf:params:xml:ns:netmod:notification", "replayComplete"));
  }

  // ---- switches ----

  /** RFC 8341 §3.4.5 step 1: enable-nacm false permits everything. */
  @Test
  void disabledNacmPermitsAll() throws Exception {
    f.nacm("<enable-nacm>false</enable-nacm>");
    setLeaf("bob", "guarded", "x");
    assertTrue(has(topOf(f.session("bob").access().prune(f.running())), "secret"));
  }

  /**
   * RFC 8341 §3.2.3: yamano-aaa groups count as external groups unless enable-external-groups is
   * false.
   */
  @Test
  void externalGroupsFromUsers() throws Exception {
    f.load(
        "<aaa xmlns='"
            + NacmFixture.AAA
            + "'><user><name>erin</name><group>ops</group></user></aaa>");
    f.nacm(ruleList("ops", "ops", rule("w", "", "update", "permit")));
    setLeaf("erin", "name", "by-erin");
    f.nacm(
        "<enable-external-groups>false</enable-external-groups>"
            + ruleList("ops", "ops", rule("w", "", "update", "permit")));
    denied(() -> setLeaf("erin", "name", "again"));
  }

  /** Candidate edits are checked when they are made; Yamano's own sessions are not checked. */
  @Test
  void candidateEditsAndInternalSessions() throws Exception {
    try (var s = f.session("bob")) {
      var tx = s.newTransaction(DatastoreName.CANDIDATE);
      tx.merge(top("name"), ImmutableNodes.leafNode(t("name"), "c"));
      denied(() -> tx.commit(""));
    }
    try (var s = f.datastore.openInternalSession("yamano")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.merge(top("guarded"), ImmutableNodes.leafNode(t("guarded"), "internal"));
      tx.commit("");
    }
  }

  /** A rule path naming nothing in the schema is refused at commit, not silently ignored. */
  @Test
  void unknownRulePathIsRefused() throws Exception {
    var e =
        assertThrows(
            RpcException.class,
            () ->
                f.nacm(
                    groups("g:bob")
                        + ruleList(
                            "l", "g", rule("typo", "<path>/nope:top</path>", "read", "deny"))));
    assertEquals(ErrorTag.INVALID_VALUE, e.errors().get(0).tag());
    assertTrue(e.errors().get(0).message().contains("nope"), e.errors().get(0).message());
  }

  // ---- explain ----

  @Test
  void explainNamesTheRule() throws Exception {
    f.nacm(
        groups("g:bob")
            + ruleList(
                "l",
                "g",
                rule("hide", "<path>/t:top/t:item[t:id='secret']</path>", "read", "deny")));
    var ac = f.datastore.accessControl();
    var d = ac.explain("bob", Access.READ, "/t:top/t:item[t:id='secret']/t:value");
    assertFalse(d.permitted());
    assertEquals(Optional.of("l"), d.ruleList());
    assertEquals(Optional.of("hide"), d.rule());
    var other = ac.explain("bob", Access.READ, "/nacm-test:top/item[id='a']");
    assertTrue(other.permitted());
    assertTrue(other.reason().contains("read-default"), other.reason());
    var write = ac.explain("bob", Access.UPDATE, "/t:top/t:guarded");
    assertTrue(write.reason().contains("default-deny-write"), write.reason());
    assertFalse(ac.explain("bob", Access.EXEC, "/ietf-netconf:kill-session").permitted());
    assertThrows(IllegalArgumentException.class, () -> ac.explain("bob", Access.READ, "/nope:x"));
  }

  /** The explain rpc is default-deny-all: only users with a rule for it may ask. */
  @Test
  void explainRpcThroughOperations() throws Exception {
    f.nacm(groups("admin:alice") + ruleList("admin", "admin", rule("all", "", "*", "permit")));
    var aaa = QName.create(NacmFixture.AAA, "2026-11-24", "explain");
    var in = QName.create(aaa, "input");
    var input =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(in))
            .withChild(ImmutableNodes.leafNode(QName.create(aaa, "user"), "bob"))
            .withChild(ImmutableNodes.leafNode(QName.create(aaa, "access-operation"), "update"))
            .withChild(ImmutableNodes.leafNode(QName.create(aaa, "path"), "/t:top/t:name"))
            .build();
    var out =
        f.datastore
            .operations()
            .invoke(
                new OperationRequest(
                    Absolute.of(aaa),
                    YangInstanceIdentifier.of(),
                    input,
                    new Invoker("alice", 1, "netconf")));
    assertEquals(
        "deny",
        ((org.opendaylight.yangtools.yang.data.api.schema.LeafNode<?>)
                out.childByArg(new NodeIdentifier(QName.create(aaa, "action"))))
            .body());
    denied(
        () ->
            f.datastore
                .operations()
                .invoke(
                    new OperationRequest(
                        Absolute.of(aaa),
                        YangInstanceIdentifier.of(),
                        input,
                        new Invoker("bob", 2, "netconf"))));
  }
}
