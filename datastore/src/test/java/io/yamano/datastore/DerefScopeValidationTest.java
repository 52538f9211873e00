package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.RpcException;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;

/**
 * A leafref through {@code deref()} (RFC 7950 §9.9.2, §10.3.1) is re-checked where a change can
 * break it: in the entry whose sibling it dereferences, and in every entry when the targets change.
 */
class DerefScopeValidationTest {
  static final String NS = "urn:yamano:test:xp";
  static final org.opendaylight.yangtools.yang.model.api.EffectiveModelContext SCHEMA = schema();
  Datastore datastore;

  static org.opendaylight.yangtools.yang.model.api.EffectiveModelContext schema() {
    try {
      return new org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory()
          .createParser(org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration.DEFAULT)
          .addSource(
              new org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource(
                  DerefScopeValidationTest.class.getResource("/xpath/xp.yang")))
          .buildEffectiveModel();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static org.opendaylight.yangtools.yang.common.QName q(String name) {
    return org.opendaylight.yangtools.yang.common.QName.create(NS, name);
  }

  @BeforeEach
  void open() throws Exception {
    datastore =
        Datastore.open(
            SCHEMA,
            new InMemoryCommitLog(),
            new InMemoryCommitLog(),
            IncrementalValidator::forRunning);
    merge(
        "<vnfd><id>v1</id><df><id>small</id></df><df><id>big</id></df></vnfd>"
            + "<vnfd><id>v2</id><df><id>small</id></df></vnfd>"
            + "<inst><name>a</name><vnfd-id>v1</vnfd-id><df-id>big</df-id></inst>"
            + "<inst><name>b</name><vnfd-id>v1</vnfd-id><df-id>small</df-id></inst>");
  }

  @AfterEach
  void close() throws Exception {
    datastore.close();
  }

  void merge(String inner) throws RpcException {
    try (var session = datastore.openInternalSession("t")) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      var top = parse("<top xmlns=\"" + NS + "\">" + inner + "</top>");
      tx.merge(YangInstanceIdentifier.of(top.name()), top);
      tx.commit("t");
    }
  }

  static org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild parse(String xml) {
    try {
      return parseOrThrow(xml);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild parseOrThrow(String xml)
      throws Exception {
    var reader =
        XMLInputFactory.newFactory()
            .createXMLStreamReader(new StringReader("<config>" + xml + "</config>"));
    var holder = new NormalizationResultHolder();
    XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), SCHEMA).parse(reader);
    return ((ContainerNode) holder.getResult().data()).body().iterator().next();
  }

  @Test
  void changingTheDereferencedSiblingRechecksThatEntry() {
    // v2 has no 'big': entry a breaks, and only entry a is named
    var e =
        assertThrows(
            RpcException.class, () -> merge("<inst><name>a</name><vnfd-id>v2</vnfd-id></inst>"));
    assertEquals(1, e.errors().size(), e.errors().toString());
    var path = e.errors().get(0).path().orElseThrow().toString();
    assertTrue(path.contains("name=a") && path.endsWith("df-id"), path);
  }

  @Test
  void removingATargetRechecksEveryEntry() {
    var e =
        assertThrows(
            RpcException.class,
            () -> {
              try (var session = datastore.openInternalSession("t")) {
                var tx = session.newTransaction(DatastoreName.RUNNING);
                tx.delete(
                    YangInstanceIdentifier.builder()
                        .node(q("top"))
                        .node(q("vnfd"))
                        .nodeWithKey(q("vnfd"), q("id"), "v1")
                        .node(q("df"))
                        .nodeWithKey(q("df"), q("id"), "small")
                        .build());
                tx.commit("t");
              }
            });
    var path = e.errors().get(0).path().orElseThrow().toString();
    assertTrue(path.contains("name=b") && path.endsWith("df-id"), path);
  }

  @Test
  void anUnrelatedNewEntryIsAccepted() throws Exception {
    merge("<inst><name>c</name><vnfd-id>v2</vnfd-id><df-id>small</df-id></inst>");
  }
}
