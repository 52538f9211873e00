package io.yamano.netconf.data;

import static io.yamano.netconf.data.Fixtures.USERS;
import static io.yamano.netconf.data.Fixtures.data;
import static io.yamano.netconf.data.Fixtures.dom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** Subtree filtering, RFC 6241 §6, with the examples of §6.4 on the §6.4.1 data. */
class SubtreeFilterTest {
  private static final String DATA =
      "<data xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'>"
          + "<top xmlns='"
          + USERS
          + "'><users>"
          + user("root", "superuser", "Charlie Root", 1, 1)
          + user("fred", "admin", "Fred Flintstone", 2, 2)
          + user("barney", "admin", "Barney Rubble", 2, 3)
          + "</users></top>"
          + "<top xmlns='"
          + Fixtures.STATS
          + "'><interfaces>"
          + "<interface><ifName>eth0</ifName><ifInOctets>45621</ifInOctets>"
          + "<ifInErrors>4</ifInErrors></interface>"
          + "<interface><ifName>eth1</ifName><ifInOctets>7</ifInOctets>"
          + "<ifInErrors>0</ifInErrors></interface>"
          + "</interfaces></top></data>";

  private static final ContainerNode ROOT = data(DATA);
  private final SubtreeFilter filter = new SubtreeFilter(Fixtures.CONTEXT);

  private static String user(String name, String type, String fullName, int dept, int id) {
    return "<user><name>"
        + name
        + "</name><type>"
        + type
        + "</type><full-name>"
        + fullName
        + "</full-name><company-info><dept>"
        + dept
        + "</dept><id>"
        + id
        + "</id></company-info></user>";
  }

  private ContainerNode select(String filterBody) {
    return filter.select(
        dom("<filter type='subtree' xmlns='" + Fixtures.NC + "'>" + filterBody + "</filter>"),
        ROOT);
  }

  private static ContainerNode users(String content) {
    return data(
        "<data xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><top xmlns='"
            + USERS
            + "'><users>"
            + content
            + "</users></top></data>");
  }

  /** RFC 6241 §6.4.2: an empty filter selects nothing. */
  @Test
  void rfc6241_6_4_2_emptyFilterSelectsNothing() {
    assertTrue(select("").body().isEmpty());
  }

  /** RFC 6241 §6.4.3: a selection node selects the whole users subtree. */
  @Test
  void rfc6241_6_4_3_selectionNodeSelectsSubtree() {
    var selected = select("<top xmlns='" + USERS + "'><users/></top>");
    assertEquals(
        users(
            user("root", "superuser", "Charlie Root", 1, 1)
                + user("fred", "admin", "Fred Flintstone", 2, 2)
                + user("barney", "admin", "Barney Rubble", 2, 3)),
        selected);
  }

  /** RFC 6241 §6.4.4: all name elements within the users subtree. */
  @Test
  void rfc6241_6_4_4_selectsNameOfEveryUser() {
    var selected = select("<top xmlns='" + USERS + "'><users><user><name/></user></users></top>");
    assertEquals(
        users(
            "<user><name>root</name></user><user><name>fred</name></user>"
                + "<user><name>barney</name></user>"),
        selected);
  }

  /** RFC 6241 §6.4.5: a content match node alone selects the whole entry. */
  @Test
  void rfc6241_6_4_5_contentMatchAloneSelectsWholeEntry() {
    var selected =
        select("<top xmlns='" + USERS + "'><users><user><name>fred</name></user></users></top>");
    assertEquals(users(user("fred", "admin", "Fred Flintstone", 2, 2)), selected);
  }

  /** RFC 6241 §6.4.6: specific elements of one entry. */
  @Test
  void rfc6241_6_4_6_contentMatchWithSelectionNodes() {
    var selected =
        select(
            "<top xmlns='"
                + USERS
                + "'><users><user><name>fred</name><type/><full-name/></user></users></top>");
    assertEquals(
        users(
            "<user><name>fred</name><type>admin</type><full-name>Fred Flintstone</full-name></user>"),
        selected);
  }

  /**
   * RFC 6241 §6.4.7: several subtrees; barney's sibling set fails because its type content match is
   * false.
   */
  @Test
  void rfc6241_6_4_7_multipleSubtreesAndFailingContentMatch() {
    var selected =
        select(
            "<top xmlns='"
                + USERS
                + "'><users>"
                + "<user><name>root</name><company-info><id/></company-info></user>"
                + "<user><name>fred</name><company-info><id/></company-info></user>"
                + "<user><name>barney</name><type>superuser</type>"
                + "<company-info><type/></company-info></user>"
                + "</users></top>");
    assertEquals(
        users(
            "<user><name>root</name><company-info><id>1</id></company-info></user>"
                + "<user><name>fred</name><company-info><id>2</id></company-info></user>"),
        selected);
  }

  /**
   * RFC 6241 §6.4.8, adapted: the RFC names the interface by an XML attribute; in YANG data the
   * name is the key leaf, given as a content match node next to selection nodes.
   */
  @Test
  void rfc6241_6_4_8_entryNamedByKey() {
    var selected =
        select(
            "<top xmlns='"
                + Fixtures.STATS
                + "'><interfaces><interface><ifName>eth0</ifName><ifInOctets/></interface>"
                + "</interfaces></top>");
    assertEquals(
        data(
            "<data xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'><top xmlns='"
                + Fixtures.STATS
                + "'><interfaces><interface><ifName>eth0</ifName><ifInOctets>45621</ifInOctets>"
                + "</interface></interfaces></top></data>"),
        selected);
  }

  /** RFC 6241 §6.2.2: attribute match expressions are ignored, the element is a selection node. */
  @Test
  void rfc6241_6_2_2_attributesAreIgnored() {
    var selected =
        select(
            "<top xmlns='"
                + Fixtures.STATS
                + "' xmlns:t='"
                + Fixtures.STATS
                + "'><interfaces t:ifName='eth0'/></top>");
    assertEquals(
        2,
        ((org.opendaylight.yangtools.yang.data.api.schema.MapNode)
                ((ContainerNode)
                        ((ContainerNode) selected.body().iterator().next())
                            .body()
                            .iterator()
                            .next())
                    .body()
                    .iterator()
                    .next())
            .size());
  }

  /** RFC 6241 §6.2.5: several content match nodes are ANDed. */
  @Test
  void rfc6241_6_2_5_contentMatchesAreAnded() {
    var none =
        select(
            "<top xmlns='"
                + USERS
                + "'><users><user><name>fred</name><type>superuser</type></user></users></top>");
    assertTrue(none.body().isEmpty());
    var fred =
        select(
            "<top xmlns='"
                + USERS
                + "'><users><user><type>admin</type><full-name>Fred Flintstone</full-name>"
                + "</user></users></top>");
    assertEquals(users(user("fred", "admin", "Fred Flintstone", 2, 2)), fred);
  }

  /** RFC 6241 §6.2.5: a content match on a non-key leaf scans entries and keeps matching ones. */
  @Test
  void rfc6241_6_2_5_contentMatchOnNonKeyLeaf() {
    var admins =
        select(
            "<top xmlns='"
                + USERS
                + "'><users><user><type>admin</type><name/></user></users></top>");
    assertEquals(
        users(
            "<user><name>fred</name><type>admin</type></user>"
                + "<user><name>barney</name><type>admin</type></user>"),
        admins);
  }

  /** RFC 6241 §6.2.1: an element without namespace matches that name in every module. */
  @Test
  void rfc6241_6_2_1_noNamespaceMatchesAllModules() {
    var selected = filter.select(dom("<filter><top/></filter>"), ROOT);
    assertEquals(ROOT, selected);
  }

  /** RFC 6241 §6.2.1: a namespace selects only its module's nodes. */
  @Test
  void rfc6241_6_2_1_namespaceSelectsOneModule() {
    var selected = select("<top xmlns='" + Fixtures.STATS + "'/>");
    assertEquals(1, selected.body().size());
    assertEquals(
        Fixtures.STATS,
        selected.body().iterator().next().name().getNodeType().getNamespace().toString());
  }

  /** RFC 6241 §6.2.5: a key that matches no entry selects nothing (looked up, not scanned). */
  @Test
  void rfc6241_6_2_5_unknownKeySelectsNothing() {
    assertTrue(
        select("<top xmlns='" + USERS + "'><users><user><name>wilma</name></user></users></top>")
            .body()
            .isEmpty());
  }

  /** RFC 6241 §6.2.3: a containment node whose selections find no data is left out. */
  @Test
  void rfc6241_6_2_3_containmentWithoutSelectedDataIsLeftOut() {
    assertTrue(select("<top xmlns='" + USERS + "'><tag/></top>").body().isEmpty());
  }
}
