package io.yamano.datastore.nacm;

import io.yamano.datastore.DatastoreName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * What read pruning costs on a 100 000-entry list (not part of the normal build, run with {@code
 * -Dtest=NacmPruneBenchmark}): permit-all (no walk), a path rule hiding one entry (full walk), and
 * a repeated read of an unchanged tree (cached).
 */
class NacmPruneBenchmark {
  @Test
  void pruneCost() throws Exception {
    var f = new NacmFixture();
    var t = NacmFixture.t("item");
    var items = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(t));
    for (int i = 0; i < 100_000; i++) {
      items.withChild(
          ImmutableNodes.newMapEntryBuilder()
              .withNodeIdentifier(NodeIdentifierWithPredicates.of(t, NacmFixture.t("id"), "e" + i))
              .withChild(ImmutableNodes.leafNode(NacmFixture.t("id"), "e" + i))
              .withChild(ImmutableNodes.leafNode(NacmFixture.t("value"), i))
              .build());
    }
    try (var s = f.datastore.openInternalSession("setup")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      tx.merge(YangInstanceIdentifier.of(NacmFixture.t("top"), t), items.build());
      tx.commit("bulk");
    }
    f.nacm(
        AccessControlTest.groups("admin:alice", "g:bob")
            + AccessControlTest.ruleList(
                "admin", "admin", AccessControlTest.rule("all", "", "*", "permit"))
            + AccessControlTest.ruleList(
                "l",
                "g",
                AccessControlTest.rule(
                    "hide", "<path>/t:top/t:item[t:id='e5']</path>", "read", "deny")));
    var root = f.running();
    var alice = f.datastore.accessControl().forUser("alice");
    var bob = f.datastore.accessControl().forUser("bob");
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      alice.prune(root);
      long t1 = System.nanoTime();
      var copy =
          (org.opendaylight.yangtools.yang.data.api.schema.ContainerNode)
              ImmutableNodes.newContainerBuilder()
                  .withNodeIdentifier(root.name())
                  .withValue(root.body())
                  .build();
      long t2 = System.nanoTime();
      bob.prune(copy);
      long t3 = System.nanoTime();
      bob.prune(copy);
      long t4 = System.nanoTime();
      System.out.printf(
          "prune 100k entries: permit-all %.3f ms, path rule (walk) %.1f ms, same tree again %.3f"
              + " ms%n",
          (t1 - t0) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
    }
  }
}
