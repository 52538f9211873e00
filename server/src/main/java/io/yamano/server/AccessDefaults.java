package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.Transaction;
import io.yamano.error.RpcException;
import java.io.PrintStream;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The access control a fresh install starts with (RFC 8341): a group {@code admin} holding user
 * {@code admin}, and a first rule-list {@code admin} that permits that group everything. Everyone
 * else gets the RFC's defaults: read (but not what is marked {@code nacm:default-deny-all}, such as
 * {@code /nacm} itself and password hashes), exec, no writes.
 */
public final class AccessDefaults {
  public static final String ADMIN_GROUP = "admin";
  public static final String ADMIN_RULE_LIST = "admin";

  private final QNameModule nacm;

  private AccessDefaults(QNameModule nacm) {
    this.nacm = nacm;
  }

  /** Adds the defaults when running has no {@code /nacm} at all; returns whether it did. */
  static boolean ensure(Datastore datastore, PrintStream out) throws RpcException {
    var module = datastore.context().findModules("ietf-netconf-acm").stream().findFirst();
    if (module.isEmpty()) {
      return false;
    }
    var defaults = new AccessDefaults(module.get().getQNameModule());
    if (datastore
        .snapshot(DatastoreName.RUNNING)
        .readNode(YangInstanceIdentifier.of(defaults.q("nacm")))
        .isPresent()) {
      return false;
    }
    try (var session = datastore.openInternalSession("yamano")) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      defaults.restoreAdmin(tx, "admin");
      tx.commit("access control defaults: group 'admin' (user admin) may do everything");
    }
    out.println(
        "First start: access control on; group 'admin' (user admin) may do everything, others may"
            + " read and invoke but not write");
    return true;
  }

  /**
   * Makes {@code user} a member of group {@code admin} and puts a rule-list {@code admin} that
   * permits that group everything first, so no later rule can shadow it; turns NACM's other
   * settings into nothing that could lock the group out.
   */
  static void restoreAdmin(Datastore datastore, Transaction tx, String user) throws RpcException {
    var module = datastore.context().findModules("ietf-netconf-acm").stream().findFirst();
    if (module.isPresent()) {
      new AccessDefaults(module.get().getQNameModule()).restoreAdmin(tx, user);
    }
  }

  private void restoreAdmin(Transaction tx, String user) throws RpcException {
    var nacmPath = YangInstanceIdentifier.of(q("nacm"));
    tx.merge(nacmPath.node(q("enable-nacm")), ImmutableNodes.leafNode(q("enable-nacm"), true));
    var groupKey = NodeIdentifierWithPredicates.of(q("group"), q("name"), ADMIN_GROUP);
    var group =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(groupKey)
            .withChild(ImmutableNodes.leafNode(q("name"), ADMIN_GROUP))
            .withChild(
                ImmutableNodes.<String>newSystemLeafSetBuilder()
                    .withNodeIdentifier(new NodeIdentifier(q("user-name")))
                    .withChild(entry("user-name", user))
                    .build())
            .build();
    tx.merge(nacmPath.node(q("groups")).node(q("group")).node(groupKey), group);

    var listKey = NodeIdentifierWithPredicates.of(q("rule-list"), q("name"), ADMIN_RULE_LIST);
    var ruleKey = NodeIdentifierWithPredicates.of(q("rule"), q("name"), "permit-all");
    var ruleList =
        ImmutableNodes.newMapEntryBuilder()
            .withNodeIdentifier(listKey)
            .withChild(ImmutableNodes.leafNode(q("name"), ADMIN_RULE_LIST))
            .withChild(
                ImmutableNodes.<String>newSystemLeafSetBuilder()
                    .withNodeIdentifier(new NodeIdentifier(q("group")))
                    .withChild(entry("group", ADMIN_GROUP))
                    .build())
            .withChild(
                ImmutableNodes.newUserMapBuilder()
                    .withNodeIdentifier(new NodeIdentifier(q("rule")))
                    .withChild(
                        ImmutableNodes.newMapEntryBuilder()
                            .withNodeIdentifier(ruleKey)
                            .withChild(ImmutableNodes.leafNode(q("name"), "permit-all"))
                            .withChild(ImmutableNodes.leafNode(q("module-name"), "*"))
                            .withChild(ImmutableNodes.leafNode(q("access-operations"), "*"))
                            .withChild(ImmutableNodes.leafNode(q("action"), "permit"))
                            .withChild(
                                ImmutableNodes.leafNode(
                                    q("comment"), "the admin group may do everything"))
                            .build())
                    .build())
            .build();
    var lists = nacmPath.node(q("rule-list"));
    // rule-list is ordered-by user: rewrite it with the admin list first
    var existing =
        tx.read(lists)
            .filter(n -> n instanceof org.opendaylight.yangtools.yang.data.api.schema.MapNode)
            .map(org.opendaylight.yangtools.yang.data.api.schema.MapNode.class::cast);
    var rebuilt =
        ImmutableNodes.newUserMapBuilder()
            .withNodeIdentifier(new NodeIdentifier(q("rule-list")))
            .withChild(ruleList);
    existing.ifPresent(
        map ->
            map.body().stream().filter(e -> !e.name().equals(listKey)).forEach(rebuilt::withChild));
    tx.replace(lists, rebuilt.build());
  }

  private LeafSetEntryNode<String> entry(String leafList, String value) {
    return ImmutableNodes.<String>newLeafSetEntryBuilder()
        .withNodeIdentifier(new NodeWithValue<>(q(leafList), value))
        .withValue(value)
        .build();
  }

  private QName q(String name) {
    return QName.create(nacm, name);
  }
}
