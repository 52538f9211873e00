package io.yamano.datastore.xpath;

import static io.yamano.datastore.xpath.XPathFixture.DATA;
import static io.yamano.datastore.xpath.XPathFixture.SCHEMA;
import static io.yamano.datastore.xpath.XPathFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

class DataCursorTest {
  private final DataCursor root = DataCursor.root(SCHEMA, DATA);
  private final DataCursor top = root.children(q("top")).get(0);

  @Test
  void instancePathIncludesMixinStepsAndFindsTheNodeAgain() {
    final DataCursor id = top.children(q("item")).get(1).children(q("id")).get(0);
    assertEquals(
        4, id.path().getPathArguments().size(), id.path().toString()); // top, item map, entry, id
    assertEquals(id, root.find(id.path()).orElseThrow());
    final DataCursor choiceLeaf = top.children(q("simple-leaf")).get(0);
    assertEquals(choiceLeaf, root.find(choiceLeaf.path()).orElseThrow());
  }

  @Test
  void schemaNodesFollowTheDataModel() {
    final DataCursor item = top.children(q("item")).get(0);
    assertInstanceOf(ListSchemaNode.class, item.schemaNode());
    assertInstanceOf(LeafSchemaNode.class, item.children(q("id")).get(0).schemaNode());
    assertEquals(SCHEMA, root.schemaNode());
  }

  @Test
  void childrenAreInSchemaOrderWithChoicesFlattened() {
    final List<String> names =
        top.children().stream()
            .map(c -> c.qname().getLocalName())
            .distinct()
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "name",
            "count",
            "ratio",
            "enabled",
            "color",
            "flags",
            "proto",
            "marker",
            "tags",
            "item",
            "pair",
            "num",
            "simple-leaf",
            "vnfd",
            "inst"),
        names);
  }

  @Test
  void canonicalStringValues() {
    assertEquals("xp:tcp", top.children(q("proto")).get(0).stringValue());
    assertEquals("a b", top.children(q("flags")).get(0).stringValue());
    assertEquals("2.5", top.children(q("ratio")).get(0).stringValue());
    assertEquals("", top.children(q("marker")).get(0).stringValue());
  }

  @Test
  void equalCursorsReachedDifferently() {
    final DataCursor viaList = top.children(q("item")).get(2).children(q("value")).get(0);
    final DataCursor viaFind = root.find(viaList.path()).orElseThrow();
    assertEquals(viaList, viaFind);
    assertEquals(viaList.hashCode(), viaFind.hashCode());
    assertTrue(viaList.parent().isPresent());
  }
}
