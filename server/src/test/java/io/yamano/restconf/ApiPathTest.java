package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;

/** The api-path of RFC 8040 §3.5.3, resolved against the schema without a server. */
class ApiPathTest {
  static final String NS = "urn:example:rc";
  final ApiPath paths = SchemaFixture.paths();

  static QName q(String name) {
    return QName.create(NS, name);
  }

  ApiPath.Target resolve(String path) throws RestconfException {
    return paths.resolve(ApiPath.split(path));
  }

  @Test
  @DisplayName("RFC 8040 §3.5.3: composite keys are comma-separated and percent-decoded")
  void compositeKeys() throws Exception {
    var t = resolve("/example-rc:lab/link=a%2Cb,c%2Fd");
    var entry = (NodeIdentifierWithPredicates) t.path().getLastPathArgument();
    assertEquals("a,b", entry.getValue(q("from")));
    assertEquals("c/d", entry.getValue(q("to")));
    assertEquals("/example-rc:lab/link=a%2Cb,c%2Fd", paths.encode(t.path()));
  }

  @Test
  @DisplayName("RFC 8040 §3.5.3: a node in a case is addressed without the choice; the path has it")
  void choiceIsTransparent() throws Exception {
    var t = resolve("/example-rc:lab/cable");
    assertEquals(
        YangInstanceIdentifier.of(
            new NodeIdentifier(q("lab")),
            new NodeIdentifier(q("medium")),
            new NodeIdentifier(q("cable"))),
        t.path());
    assertEquals("/example-rc:lab/cable", paths.encode(t.path()));
  }

  @Test
  @DisplayName("RFC 8040 §3.5.3: children inherit the module; a '+' in a key is a plus")
  void namespaceInheritedAndPlus() throws Exception {
    var t = resolve("/example-rc:lab/host=a+b");
    var entry = (NodeIdentifierWithPredicates) t.path().getLastPathArgument();
    assertEquals("a+b", entry.getValue(q("name")));
  }

  @Test
  @DisplayName("RFC 8040 §3.6: the last step may be an action of the node before it")
  void action() throws Exception {
    var t = resolve("/example-rc:lab/host=h/ping");
    assertTrue(t.action().isPresent());
    assertEquals(q("ping"), t.action().get().getQName());
    assertEquals(2, t.path().getPathArguments().size() - 1);
  }

  @Test
  @DisplayName("RFC 8040 §3.5.3: key values are typed by the key leaf")
  void typedLeafListValueAndErrors() throws Exception {
    var bad = assertThrows(RestconfException.class, () -> resolve("/example-rc:lab/port=1"));
    assertEquals(400, bad.status());
    var count = assertThrows(RestconfException.class, () -> resolve("/example-rc:lab/link=a"));
    assertEquals(400, count.status());
    assertTrue(count.getMessage().contains("needs 2 key value"), count.getMessage());
    var unknown = assertThrows(RestconfException.class, () -> resolve("/example-rc:lab/nothing"));
    assertEquals(404, unknown.status());
    var noModule = assertThrows(RestconfException.class, () -> resolve("/lab"));
    assertEquals(400, noModule.status());
    var noSuchModule = assertThrows(RestconfException.class, () -> resolve("/nope:lab"));
    assertEquals(404, noSuchModule.status());
    assertEquals(List.of("a", "b=1"), ApiPath.split("/a/b=1"));
    assertEquals(Uint16.class, Uint16.valueOf(1).getClass());
  }

  @Test
  @DisplayName("RFC 8040 §3.5.3: a list without keys names the whole list")
  void collection() throws Exception {
    var t = resolve("/example-rc:lab/host");
    assertTrue(t.isCollection());
    assertTrue(!resolve("/example-rc:lab/host=x").isCollection());
  }
}
