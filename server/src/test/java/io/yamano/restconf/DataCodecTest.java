package io.yamano.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.netconf.data.WithDefaultsMode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/** Bodies in both encodings become the same tree, and replies are shaped as asked. */
class DataCodecTest {
  final DataCodec codec = SchemaFixture.codec();
  final ApiPath paths = SchemaFixture.paths();

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  NormalizedNode entry(Encoding encoding, String body) throws Exception {
    var target = paths.resolve(ApiPath.split("/example-rc:lab/link=a,b"));
    var nodes = codec.parseNodes(encoding, bytes(body), target.parentStack(), false);
    assertEquals(1, nodes.size());
    var node = nodes.get(0);
    return node instanceof MapNode map ? map.body().iterator().next() : node;
  }

  @Test
  @DisplayName("RFC 7951 and RFC 7950 encodings of one list entry parse to the same node")
  void bothEncodingsAgree() throws Exception {
    var json =
        entry(Encoding.JSON, "{\"example-rc:link\":[{\"from\":\"a\",\"to\":\"b\",\"speed\":5}]}");
    var xml =
        entry(
            Encoding.XML,
            "<link xmlns=\"urn:example:rc\"><from>a</from><to>b</to><speed>5</speed></link>");
    assertEquals(json, xml);
  }

  @Test
  @DisplayName("RFC 8040 §3.4: a whole datastore is {\"ietf-restconf:data\": ...} or <data>")
  void root() throws Exception {
    ContainerNode json =
        codec.parseRoot(
            Encoding.JSON, bytes("{\"ietf-restconf:data\":{\"example-rc:lab\":{\"name\":\"x\"}}}"));
    ContainerNode xml =
        codec.parseRoot(
            Encoding.XML,
            bytes(
                "<data xmlns=\"urn:ietf:params:xml:ns:yang:ietf-restconf\">"
                    + "<lab xmlns=\"urn:example:rc\"><name>x</name></lab></data>"));
    assertEquals(json, xml);
    var wrong =
        assertThrows(
            RestconfException.class,
            () -> codec.parseRoot(Encoding.JSON, bytes("{\"example-rc:lab\":{}}")));
    assertEquals(400, wrong.status());
  }

  @Test
  @DisplayName("RFC 7951: an unknown member is unknown-element, a bad value invalid-value")
  void schemaErrors() throws Exception {
    var target = paths.resolve(ApiPath.split("/example-rc:lab"));
    var unknown =
        assertThrows(
            RestconfException.class,
            () ->
                codec.parseNodes(
                    Encoding.JSON,
                    bytes("{\"example-rc:lab\":{\"colour\":1}}"),
                    target.parentStack(),
                    false));
    assertEquals("unknown-element", unknown.errors().get(0).tag().xmlName());
    var bad =
        assertThrows(
            RestconfException.class,
            () ->
                codec.parseNodes(
                    Encoding.JSON,
                    bytes("{\"example-rc:lab\":{\"port\":\"many\"}}"),
                    target.parentStack(),
                    false));
    assertEquals("invalid-value", bad.errors().get(0).tag().xmlName());
  }

  @Test
  @DisplayName("RFC 8040 §4.8.2, §4.8.9: depth cuts levels; report-all adds defaults")
  void depthAndDefaults() throws Exception {
    var target = paths.resolve(ApiPath.split("/example-rc:lab"));
    var lab =
        entryless(
            "{\"example-rc:lab\":{\"name\":\"x\",\"link\":[{\"from\":\"a\",\"to\":\"b\",\"speed\":5}]}}",
            target);
    var shaper = new ResourceShaper(SchemaFixture.SCHEMA, QueryParams.Content.ALL, 2);
    var cut = shaper.node(lab, target.schemaNode(), Fields.ALL).orElseThrow();
    String json = write(target, cut, WithDefaultsMode.REPORT_ALL);
    assertTrue(json.contains("\"name\": \"x\""), json);
    assertTrue(json.contains("\"from\": \"a\""), json);
    assertTrue(!json.contains("speed"), json);
    assertTrue(json.contains("\"port\": 830"), json);
    var one = new ResourceShaper(SchemaFixture.SCHEMA, QueryParams.Content.ALL, 1);
    assertEquals(
        "{\n  \"example-rc:lab\": {}\n}",
        write(
            target,
            one.node(lab, target.schemaNode(), Fields.ALL).orElseThrow(),
            WithDefaultsMode.EXPLICIT));
    var state = new ResourceShaper(SchemaFixture.SCHEMA, QueryParams.Content.NONCONFIG, 0);
    assertEquals(Optional.empty(), state.node(lab, target.schemaNode(), Fields.ALL));
  }

  private NormalizedNode entryless(String body, ApiPath.Target target) throws Exception {
    return codec.parseNodes(Encoding.JSON, bytes(body), target.parentStack(), false).get(0);
  }

  private String write(ApiPath.Target target, NormalizedNode node, WithDefaultsMode mode)
      throws Exception {
    var out = new ByteArrayOutputStream();
    codec.writeResource(Encoding.JSON, out, target, node, mode);
    return out.toString(StandardCharsets.UTF_8);
  }
}
