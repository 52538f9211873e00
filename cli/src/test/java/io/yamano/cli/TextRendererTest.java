package io.yamano.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.cli.render.TextRenderer;
import io.yamano.cli.schema.SchemaTree;
import io.yamano.cli.schema.Values;
import io.yamano.yang.registry.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/** CLI text, diffs and tables. */
class TextRendererTest {
  static final String NS = "urn:example:shop";
  static final QName ITEM = QName.create(NS, "item");
  static final QName NAME = QName.create(NS, "name");
  static final QName PRICE = QName.create(NS, "price");

  static MapNode items(String... nameAndPrice) {
    var map = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(new NodeIdentifier(ITEM));
    for (int i = 0; i < nameAndPrice.length; i += 2) {
      map.withChild(
          ImmutableNodes.newMapEntryBuilder()
              .withNodeIdentifier(NodeIdentifierWithPredicates.of(ITEM, NAME, nameAndPrice[i]))
              .withChild(ImmutableNodes.leafNode(NAME, nameAndPrice[i]))
              .withChild(ImmutableNodes.leafNode(PRICE, nameAndPrice[i + 1]))
              .build());
    }
    return map.build();
  }

  static TextRenderer renderer() throws Exception {
    return new TextRenderer(new Values(new SchemaTree(SchemaRegistry.builder().load().context())));
  }

  @Test
  void rendersBracesTablesAndDiffs() throws Exception {
    var text = renderer();
    var out = new StringBuilder();
    text.render(items("apple", "3 EUR"), out);
    assertEquals("item apple {\n    price \"3 EUR\";\n}\n", out.toString());

    var table = new StringBuilder();
    text.renderTable(items("apple", "3", "kiwi", "12"), table);
    assertEquals("name   price\n-----  -----\napple  3\nkiwi   12\n", table.toString());

    var diff = new StringBuilder();
    text.renderDiff(
        wrap(items("apple", "3", "kiwi", "12")), wrap(items("apple", "4", "pear", "1")), diff);
    assertTrue(
        diff.toString().contains("  item apple {\n-     price 3;\n+     price 4;\n  }\n"),
        diff.toString());
    assertTrue(diff.toString().contains("- item kiwi {"), diff.toString());
    assertTrue(diff.toString().contains("+ item pear {"), diff.toString());
  }

  static org.opendaylight.yangtools.yang.data.api.schema.ContainerNode wrap(MapNode map) {
    return ImmutableNodes.newContainerBuilder()
        .withNodeIdentifier(new NodeIdentifier(QName.create(NS, "shop")))
        .withChild(map)
        .build();
  }
}
