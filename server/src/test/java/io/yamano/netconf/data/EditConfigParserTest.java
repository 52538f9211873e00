package io.yamano.netconf.data;

import static io.yamano.netconf.data.Fixtures.NC;
import static io.yamano.netconf.data.Fixtures.NFV;
import static io.yamano.netconf.data.Fixtures.dom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.error.ErrorTag;
import io.yamano.error.ErrorType;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

/** edit-config parsing, RFC 6241 §7.2, with insert of RFC 7950 §7.8.6 and §7.7.9. */
class EditConfigParserTest {
  private static final QName NFV_C = q("nfv");
  private static final QName VNFD = q("vnfd");
  private static final QName ID = q("id");
  private static final QName VDU = q("vdu");
  private static final QName SETTINGS = q("settings");

  private final EditConfigParser parser = new EditConfigParser(Fixtures.CONTEXT);

  private static QName q(String local) {
    return QName.create(NFV, local);
  }

  private static YangInstanceIdentifier vnfd(String id) {
    return YangInstanceIdentifier.of(
        new NodeIdentifier(NFV_C),
        new NodeIdentifier(VNFD),
        NodeIdentifierWithPredicates.of(VNFD, ID, id));
  }

  private static YangInstanceIdentifier vdu(String vnfd, String vdu) {
    return vnfd(vnfd)
        .node(new NodeIdentifier(VDU))
        .node(NodeIdentifierWithPredicates.of(VDU, ID, vdu));
  }

  private static String config(String body) {
    return "<config xmlns='"
        + NC
        + "' xmlns:nc='"
        + NC
        + "' xmlns:yang='"
        + NetconfNamespaces.YANG
        + "'>"
        + body
        + "</config>";
  }

  /** The edits, without the existence checks that default-operation none adds per level. */
  private List<EditOperation> parse(String body, DefaultOperation op) throws RpcException {
    return parser.parse(dom(config(body)), op).stream()
        .filter(e -> e.operation() != Operation.EXISTING)
        .toList();
  }

  private List<RpcError> errors(String body) {
    return assertThrows(RpcException.class, () -> parse(body, DefaultOperation.MERGE)).errors();
  }

  private static String nfv(String body) {
    return "<nfv xmlns='" + NFV + "'>" + body + "</nfv>";
  }

  /** RFC 6241 §7.2: without operation attributes the top element is merged as one subtree. */
  @Test
  void rfc6241_7_2_defaultMergeIsOneEditPerTopElement() throws Exception {
    var ops =
        parse(
            nfv("<vnfd><id>a</id><replicas>3</replicas><vdu><id>v1</id></vdu></vnfd>"),
            DefaultOperation.MERGE);
    assertEquals(1, ops.size());
    var op = ops.get(0);
    assertEquals(Operation.MERGE, op.operation());
    assertEquals(YangInstanceIdentifier.of(new NodeIdentifier(NFV_C)), op.path());
    var data = (ContainerNode) op.data().orElseThrow();
    var entry =
        (MapEntryNode)
            ((org.opendaylight.yangtools.yang.data.api.schema.MapNode)
                    data.childByArg(new NodeIdentifier(VNFD)))
                .childByArg(NodeIdentifierWithPredicates.of(VNFD, ID, "a"));
    assertEquals(Uint8.valueOf(3), entry.childByArg(new NodeIdentifier(q("replicas"))).body());
  }

  /** RFC 6241 §7.2: an operation attribute makes its element an edit of its own. */
  @Test
  void rfc6241_7_2_operationAttributeOnListEntry() throws Exception {
    var ops =
        parse(
            nfv("<vnfd nc:operation='create'><id>a</id><description>d</description></vnfd>"),
            DefaultOperation.MERGE);
    assertEquals(2, ops.size());
    assertEquals(Operation.MERGE, ops.get(0).operation());
    assertEquals(Operation.CREATE, ops.get(1).operation());
    assertEquals(vnfd("a"), ops.get(1).path());
    var entry = (MapEntryNode) ops.get(1).data().orElseThrow();
    assertEquals("d", entry.childByArg(new NodeIdentifier(q("description"))).body());
  }

  /**
   * RFC 6241 §7.2: merge on a container with a delete of one list entry and a create of another;
   * the parent edit carries only its plain children.
   */
  @Test
  void rfc6241_7_2_nestedOperations() throws Exception {
    var ops =
        parse(
            nfv(
                "<vnfd><id>a</id><description>x</description>"
                    + "<vdu nc:operation='delete'><id>old</id><image>ignored</image></vdu>"
                    + "<vdu nc:operation='create'><id>new</id><image>img</image></vdu>"
                    + "</vnfd>"),
            DefaultOperation.MERGE);
    assertEquals(
        List.of(Operation.MERGE, Operation.MERGE, Operation.DELETE, Operation.CREATE),
        ops.stream().map(EditOperation::operation).toList());
    assertEquals(vnfd("a"), ops.get(1).path());
    var shell = (MapEntryNode) ops.get(1).data().orElseThrow();
    assertEquals(2, shell.size(), "id and description, no vdu: " + shell);
    assertEquals(vdu("a", "old"), ops.get(2).path());
    assertTrue(ops.get(2).data().isEmpty());
    assertEquals(vdu("a", "new"), ops.get(3).path());
  }

  /** RFC 6241 §7.2: default-operation none creates nothing for elements without operation. */
  @Test
  void rfc6241_7_2_defaultOperationNoneOnlyNavigates() throws Exception {
    var ops =
        parse(
            nfv(
                "<vnfd><id>a</id><description>not applied</description>"
                    + "<vdu nc:operation='replace'><id>v</id><image>i</image></vdu></vnfd>"),
            DefaultOperation.NONE);
    assertEquals(1, ops.size());
    assertEquals(Operation.REPLACE, ops.get(0).operation());
    assertEquals(vdu("a", "v"), ops.get(0).path());
    // and the list entry it walks through must exist (RFC 6241 §7.2: else data-missing)
    var all =
        parser.parse(
            dom(
                config(
                    nfv(
                        "<vnfd><id>a</id><vdu nc:operation='replace'><id>v</id><image>i</image>"
                            + "</vdu></vnfd>"))),
            DefaultOperation.NONE);
    assertEquals(Operation.EXISTING, all.get(0).operation());
  }

  /** RFC 6241 §7.2: default-operation none with a leaf and no operation does nothing. */
  @Test
  void rfc6241_7_2_defaultOperationNoneLeafDoesNothing() throws Exception {
    assertTrue(
        parse("<settings xmlns='" + NFV + "'><name>x</name></settings>", DefaultOperation.NONE)
            .isEmpty());
  }

  /** RFC 6241 §7.2: default-operation replace replaces the whole configuration. */
  @Test
  void rfc6241_7_2_defaultOperationReplaceReplacesRoot() throws Exception {
    var ops =
        parse("<settings xmlns='" + NFV + "'><name>x</name></settings>", DefaultOperation.REPLACE);
    assertEquals(1, ops.size());
    assertEquals(Operation.REPLACE, ops.get(0).operation());
    assertEquals(YangInstanceIdentifier.of(), ops.get(0).path());
    var root = (ContainerNode) ops.get(0).data().orElseThrow();
    assertTrue(root.childByArg(new NodeIdentifier(SETTINGS)) != null);
  }

  /** RFC 6241 §7.2: delete and remove carry no data; their content is ignored except keys. */
  @Test
  void rfc6241_7_2_deleteAndRemoveIgnoreContent() throws Exception {
    var ops =
        parse(
            nfv("<vnfd nc:operation='remove'><id>a</id><replicas>99</replicas></vnfd>"),
            DefaultOperation.NONE);
    assertEquals(1, ops.size());
    assertEquals(Operation.REMOVE, ops.get(0).operation());
    assertEquals(vnfd("a"), ops.get(0).path());
    assertTrue(ops.get(0).data().isEmpty());
  }

  /** RFC 6241 §7.2: a leaf edited alone has the leaf as path and data. */
  @Test
  void rfc6241_7_2_leafOperation() throws Exception {
    var ops =
        parse(
            "<settings xmlns='" + NFV + "'><timeout nc:operation='replace'>60</timeout></settings>",
            DefaultOperation.NONE);
    assertEquals(
        YangInstanceIdentifier.of(new NodeIdentifier(SETTINGS), new NodeIdentifier(q("timeout"))),
        ops.get(0).path());
    assertInstanceOf(LeafNode.class, ops.get(0).data().orElseThrow());
  }

  /** RFC 7950 §7.9: a node in a choice has the choice in its path and data. */
  @Test
  void rfc7950_7_9_choiceIsInPathAndData() throws Exception {
    var ops =
        parse(
            nfv("<vnfd><id>a</id><flavor nc:operation='merge'>small</flavor></vnfd>"),
            DefaultOperation.NONE);
    assertEquals(
        vnfd("a").node(new NodeIdentifier(q("deployment"))).node(new NodeIdentifier(q("flavor"))),
        ops.get(0).path());
  }

  /** RFC 7950 §7.8.6: insert after an entry of an ordered-by user list, named by yang:key. */
  @Test
  void rfc7950_7_8_6_insertAfterListEntry() throws Exception {
    var ops =
        parse(
            nfv(
                "<vnfd><id>a</id><ext-cpd nc:operation='create' yang:insert='after'"
                    + " yang:key=\"[nfv:id='c1']\" xmlns:nfv='"
                    + NFV
                    + "'><id>c2</id></ext-cpd></vnfd>"),
            DefaultOperation.NONE);
    var insert = assertInstanceOf(Insert.After.class, ops.get(0).insert().orElseThrow());
    assertEquals(NodeIdentifierWithPredicates.of(q("ext-cpd"), ID, "c1"), insert.sibling());
  }

  /** RFC 7950 §7.7.9: insert before a leaf-list entry, named by yang:value. */
  @Test
  void rfc7950_7_7_9_insertBeforeLeafListEntry() throws Exception {
    var ops =
        parse(
            nfv(
                "<vnfd><id>a</id><tag nc:operation='merge' yang:insert='before'"
                    + " yang:value='x'>y</tag></vnfd>"),
            DefaultOperation.NONE);
    var op = ops.get(0);
    assertEquals(
        vnfd("a").node(new NodeIdentifier(q("tag"))).node(new NodeWithValue<>(q("tag"), "y")),
        op.path());
    var insert = assertInstanceOf(Insert.Before.class, op.insert().orElseThrow());
    assertEquals(new NodeWithValue<>(q("tag"), "x"), insert.sibling());
  }

  /** RFC 7950 §7.8.6: insert first needs no key. */
  @Test
  void rfc7950_7_8_6_insertFirst() throws Exception {
    var ops =
        parse(
            nfv("<vnfd><id>a</id><ext-cpd yang:insert='first'><id>c0</id></ext-cpd></vnfd>"),
            DefaultOperation.MERGE);
    assertInstanceOf(Insert.First.class, ops.get(ops.size() - 1).insert().orElseThrow());
  }

  /** RFC 7950 §7.8.6: insert before without key is a missing-attribute. */
  @Test
  void rfc7950_7_8_6_insertBeforeWithoutKeyIsMissingAttribute() {
    var error =
        errors(nfv("<vnfd><id>a</id><ext-cpd yang:insert='before'><id>c0</id></ext-cpd></vnfd>"))
            .get(0);
    assertEquals(ErrorTag.MISSING_ATTRIBUTE, error.tag());
    assertEquals("key", error.info().get("bad-attribute"));
  }

  /** RFC 7950 §7.8.6: insert on a list ordered by the system is a bad-attribute. */
  @Test
  void rfc7950_7_8_6_insertOnSystemOrderedListIsBadAttribute() {
    var error =
        errors(nfv("<vnfd><id>a</id><vdu yang:insert='first'><id>v</id></vdu></vnfd>")).get(0);
    assertEquals(ErrorTag.BAD_ATTRIBUTE, error.tag());
    assertEquals("insert", error.info().get("bad-attribute"));
    assertEquals("vdu", error.info().get("bad-element"));
  }

  /** RFC 6241 Appendix A: an element the model does not have is an unknown-element. */
  @Test
  void rfc6241_appA_unknownElement() {
    var error = errors(nfv("<vnfd><id>a</id><colour>red</colour></vnfd>")).get(0);
    assertEquals(ErrorTag.UNKNOWN_ELEMENT, error.tag());
    assertEquals(ErrorType.APPLICATION, error.type());
    assertEquals("colour", error.info().get("bad-element"));
    assertEquals(vnfd("a"), error.path().orElseThrow());
  }

  /** RFC 6241 Appendix A: a namespace no module has is an unknown-namespace. */
  @Test
  void rfc6241_appA_unknownNamespace() {
    var error = errors("<nfv xmlns='urn:example:nope'/>").get(0);
    assertEquals(ErrorTag.UNKNOWN_NAMESPACE, error.tag());
    assertEquals("nfv", error.info().get("bad-element"));
    assertEquals("urn:example:nope", error.info().get("bad-namespace"));
    assertEquals(YangInstanceIdentifier.of(), error.path().orElseThrow());
  }

  /** RFC 6241 Appendix A / RFC 7950 §9.2.4: a value outside the range is an invalid-value. */
  @Test
  void rfc6241_appA_valueOutOfRangeIsInvalidValue() {
    var error = errors(nfv("<vnfd><id>a</id><replicas>11</replicas></vnfd>")).get(0);
    assertEquals(ErrorTag.INVALID_VALUE, error.tag());
    assertEquals(vnfd("a").node(new NodeIdentifier(q("replicas"))), error.path().orElseThrow());
    assertTrue(error.message().contains("'11'"), error.message());
    assertTrue(error.message().contains("1..10"), error.message());
  }

  /** RFC 7950 §9.4.5: a value not matching the pattern is an invalid-value naming the pattern. */
  @Test
  void rfc7950_9_4_5_patternMismatchIsInvalidValue() {
    var error = errors(nfv("<vnfd><id>a</id><version>one</version></vnfd>")).get(0);
    assertEquals(ErrorTag.INVALID_VALUE, error.tag());
    assertTrue(error.message().contains("'one'"), error.message());
    assertTrue(error.message().contains("[0-9]+"), error.message());
  }

  /** RFC 7950 §9.6: a name that is not an enum is an invalid-value. */
  @Test
  void rfc7950_9_6_unknownEnumIsInvalidValue() {
    var error = errors(nfv("<vnfd><id>a</id><kind>vmware</kind></vnfd>")).get(0);
    assertEquals(ErrorTag.INVALID_VALUE, error.tag());
    assertTrue(error.message().contains("'vmware'"), error.message());
  }

  /** RFC 7950 §9.2: text that is not a number is an invalid-value. */
  @Test
  void rfc7950_9_2_notANumberIsInvalidValue() {
    var error = errors("<settings xmlns='" + NFV + "'><timeout>soon</timeout></settings>").get(0);
    assertEquals(ErrorTag.INVALID_VALUE, error.tag());
    assertEquals("timeout", error.info().get("bad-element"));
  }

  /** RFC 6241 Appendix A: an operation attribute with a bad value is a bad-attribute. */
  @Test
  void rfc6241_appA_badOperationAttribute() {
    var error = errors(nfv("<vnfd nc:operation='destroy'><id>a</id></vnfd>")).get(0);
    assertEquals(ErrorTag.BAD_ATTRIBUTE, error.tag());
    assertEquals("operation", error.info().get("bad-attribute"));
    assertEquals("vnfd", error.info().get("bad-element"));
    assertEquals(vnfd("a"), error.path().orElseThrow());
  }

  /** RFC 7950 §7.8.2: a list entry without its key is a missing-element naming the key. */
  @Test
  void rfc7950_7_8_2_missingKeyIsMissingElement() {
    var error = errors(nfv("<vnfd><description>no id</description></vnfd>")).get(0);
    assertEquals(ErrorTag.MISSING_ELEMENT, error.tag());
    assertEquals("id", error.info().get("bad-element"));
    assertEquals(
        YangInstanceIdentifier.of(new NodeIdentifier(NFV_C), new NodeIdentifier(VNFD)),
        error.path().orElseThrow());
  }

  /** RFC 7950 §7.21.1: state data in edit-config is refused. */
  @Test
  void rfc7950_7_21_1_stateDataIsRefused() {
    var error = errors(nfv("<vnfd><id>a</id><state><status>up</status></state></vnfd>")).get(0);
    assertEquals(ErrorTag.INVALID_VALUE, error.tag());
    assertEquals("state", error.info().get("bad-element"));
    assertEquals(vnfd("a").node(new NodeIdentifier(q("state"))), error.path().orElseThrow());
  }

  /** RFC 6241 §7.2: all faults are reported together, in document order. */
  @Test
  void rfc6241_7_2_severalErrorsInOnePass() {
    var errors =
        errors(
            nfv("<vnfd><id>a</id><replicas>0</replicas><colour/></vnfd>")
                + "<settings xmlns='"
                + NFV
                + "'><timeout>x</timeout></settings>");
    assertEquals(
        List.of(ErrorTag.INVALID_VALUE, ErrorTag.UNKNOWN_ELEMENT, ErrorTag.INVALID_VALUE),
        errors.stream().map(RpcError::tag).toList());
  }

  /** RFC 7950 §9.10: identityref keys are read with the prefixes in scope. */
  @Test
  void rfc7950_9_10_identityrefKey() throws Exception {
    var ops =
        parse(
            nfv("<vim><name>v</name><type xmlns:x='" + NFV + "'>x:openstack</type></vim>"),
            DefaultOperation.NONE);
    assertTrue(ops.isEmpty());
    var merged =
        parse(
            nfv("<vim nc:operation='merge'><name>v</name><type>nfv:openstack</type></vim>")
                .replace("<nfv ", "<nfv xmlns:nfv='" + NFV + "' "),
            DefaultOperation.NONE);
    var key = (NodeIdentifierWithPredicates) merged.get(0).path().getLastPathArgument();
    assertEquals(Map.of(q("name"), "v", q("type"), q("openstack")), Map.copyOf(key.asMap()));
  }
}
