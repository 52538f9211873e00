package io.yamano.datastore.persist;

import static org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafNode;
import static org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes.leafSetEntry;

import io.yamano.datastore.DatastoreName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/** Deterministic journal entries and trees for the persistence tests (no schema needed). */
final class TestEntries {
  static final String NS = "urn:yamano:test:persist";
  static final QName TOP = q("top");
  static final QName ITEM = q("item");
  static final QName NAME = q("name");
  static final QName COUNTER = q("counter");
  static final QName PAYLOAD = q("payload");
  static final QName TAGS = q("tags");
  static final QName TRANSPORT = q("transport");
  static final QName TCP_PORT = q("tcp-port");
  static final QName IDENTITY = q("ethernet");

  private TestEntries() {}

  static QName q(String localName) {
    return QName.create(NS, localName);
  }

  static YangInstanceIdentifier itemPath(String name) {
    return YangInstanceIdentifier.builder()
        .node(TOP)
        .node(ITEM)
        .nodeWithKey(ITEM, NAME, name)
        .build();
  }

  /** A list entry with a container, a leaf-list, a choice and every common leaf value type. */
  static MapEntryNode richItem(String name) {
    return ImmutableNodes.newMapEntryBuilder()
        .withNodeIdentifier(NodeIdentifierWithPredicates.of(ITEM, NAME, name))
        .withChild(leafNode(NAME, name))
        .withChild(leafNode(q("enabled"), Boolean.TRUE))
        .withChild(leafNode(q("u8"), Uint8.MAX_VALUE))
        .withChild(leafNode(q("u16"), Uint16.valueOf(8080)))
        .withChild(leafNode(q("u32"), Uint32.valueOf(4_000_000_000L)))
        .withChild(leafNode(q("u64"), Uint64.MAX_VALUE))
        .withChild(leafNode(q("i8"), (byte) -8))
        .withChild(leafNode(q("i16"), (short) -16))
        .withChild(leafNode(q("i32"), -32))
        .withChild(leafNode(q("i64"), Long.MIN_VALUE))
        .withChild(leafNode(q("ratio"), Decimal64.valueOf("-12.345")))
        .withChild(leafNode(q("kind"), IDENTITY))
        .withChild(leafNode(q("blob"), new byte[] {0, 1, 2, (byte) 0xFF}))
        .withChild(leafNode(q("flag"), Empty.value()))
        .withChild(leafNode(q("bits"), Set.of("read", "write")))
        .withChild(leafNode(q("target"), itemPath("other")))
        .withChild(leafNode(q("text"), "ünïcødé ✓"))
        .withChild(
            ImmutableNodes.<String>newSystemLeafSetBuilder()
                .withNodeIdentifier(new NodeIdentifier(TAGS))
                .withChild(leafSetEntry(TAGS, "blue"))
                .withChild(leafSetEntry(TAGS, "green"))
                .build())
        .withChild(
            ImmutableNodes.newChoiceBuilder()
                .withNodeIdentifier(new NodeIdentifier(TRANSPORT))
                .withChild(leafNode(TCP_PORT, Uint16.valueOf(830)))
                .build())
        .withChild(
            ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(q("limits")))
                .withChild(leafNode(q("max"), Uint32.valueOf(10)))
                .build())
        .build();
  }

  /** The small list entry the crash and latency tests write: its content follows from seq. */
  static MapEntryNode item(long seq) {
    String name = "item-" + seq;
    return ImmutableNodes.newMapEntryBuilder()
        .withNodeIdentifier(NodeIdentifierWithPredicates.of(ITEM, NAME, name))
        .withChild(leafNode(NAME, name))
        .withChild(leafNode(COUNTER, Uint32.valueOf(seq)))
        .withChild(leafNode(PAYLOAD, "x".repeat((int) (seq * 37 % 2000))))
        .build();
  }

  /** The journal entry of sequence {@code seq}; every third one also replaces an older item. */
  static JournalEntry entry(long seq) {
    List<NodeChange> changes = new ArrayList<>();
    changes.add(new NodeChange(itemPath("item-" + seq), Optional.empty(), Optional.of(item(seq))));
    if (seq % 3 == 0 && seq > 1) {
      changes.add(
          new NodeChange(
              itemPath("item-" + (seq - 1)), Optional.of(item(seq - 1)), Optional.empty()));
    }
    return new JournalEntry(
        seq,
        DatastoreName.RUNNING,
        "admin",
        Instant.ofEpochSecond(1_700_000_000L + seq, seq % 1000),
        "commit " + seq,
        changes);
  }

  /** A running root holding a list of {@code size} small items. */
  static ContainerNode root(int size) {
    var list = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(ITEM));
    for (int i = 1; i <= size; i++) {
      list.withChild(item(i));
    }
    MapNode map = list.build();
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(new NodeIdentifier(TOP))
        .withChild(map)
        .build();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
