package io.yamano.netconf.data;

import static io.yamano.netconf.data.Fixtures.NFV;
import static io.yamano.netconf.data.Fixtures.data;
import static io.yamano.netconf.data.Fixtures.xml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** Writing {@code <data>} with the with-defaults modes of RFC 6243 §3. */
class DataWriterTest {
  /** settings: timeout set to its default, log-level absent (default info), name set. */
  private static final ContainerNode ROOT =
      data(
          "<data xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><settings xmlns='"
              + NFV
              + "'><timeout>30</timeout><name>n</name></settings>"
              + "<nfv xmlns='"
              + NFV
              + "'><vnfd><id>a</id><kind>vm</kind></vnfd></nfv></data>");

  private static String compact(String xml) {
    return xml.replaceAll(" xmlns(:\\w+)?=\"[^\"]*\"", "");
  }

  /** RFC 6243 §3.3: explicit writes the data as stored. */
  @Test
  void rfc6243_3_3_explicitWritesStoredData() {
    String out = compact(xml(ROOT, WithDefaultsMode.EXPLICIT));
    assertTrue(out.contains("<timeout>30</timeout>"), out);
    assertFalse(out.contains("log-level"), out);
    assertFalse(out.contains("replicas"), out);
    assertTrue(out.startsWith("<data>"), out);
  }

  /**
   * RFC 6243 §3.1: report-all adds absent leaves with defaults, also in non-presence containers.
   */
  @Test
  void rfc6243_3_1_reportAllAddsDefaults() {
    String out = compact(xml(ROOT, WithDefaultsMode.REPORT_ALL));
    assertTrue(out.contains("<log-level>info</log-level>"), out);
    assertTrue(out.contains("<timeout>30</timeout>"), out);
    assertTrue(out.contains("<limits><max-vnfs>100</max-vnfs></limits>"), out);
    assertTrue(out.contains("<replicas>1</replicas>"), out);
    assertFalse(out.contains("tls"), "an absent presence container stays absent: " + out);
  }

  /** RFC 7950 §7.8.5: in a list entry the key comes first, also with defaults added. */
  @Test
  void rfc7950_7_8_5_keyFirstWithDefaults() {
    String out = compact(xml(ROOT, WithDefaultsMode.REPORT_ALL));
    assertTrue(out.contains("<vnfd><id>a</id>"), out);
  }

  /** RFC 6243 §3.4: report-all-tagged marks default leaves, set or not, with wd:default. */
  @Test
  void rfc6243_3_4_reportAllTaggedMarksDefaults() {
    String out = xml(ROOT, WithDefaultsMode.REPORT_ALL_TAGGED);
    assertTrue(out.contains("xmlns:wd=\"" + NetconfNamespaces.WITH_DEFAULTS + "\""), out);
    assertTrue(out.contains("<timeout wd:default=\"true\">30</timeout>"), out);
    assertTrue(out.contains("<log-level wd:default=\"true\">info</log-level>"), out);
    assertTrue(out.contains("<name>n</name>"), out);
  }

  /** RFC 6243 §3.2: trim leaves out leaves at their default. */
  @Test
  void rfc6243_3_2_trimDropsDefaultValues() {
    String out = compact(xml(ROOT, WithDefaultsMode.TRIM));
    assertFalse(out.contains("timeout"), out);
    assertTrue(out.contains("<name>n</name>"), out);
    assertTrue(out.contains("<kind>vm</kind>"), out);
  }

  /** RFC 6241 §7.1: an empty datastore is an empty data element. */
  @Test
  void rfc6241_7_1_emptyData() {
    var empty = data("<data xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>");
    assertEquals(
        "<data></data>",
        compact(xml(empty, WithDefaultsMode.EXPLICIT)).replace("<data/>", "<data></data>"));
  }
}
