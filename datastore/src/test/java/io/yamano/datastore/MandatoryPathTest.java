package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;

/**
 * A missing mandatory node is reported at the entry that lacks it, even when entries of the same
 * name and key elsewhere in the edit could hold no such node (an NSD's {@code df} next to a
 * VNFD's).
 */
class MandatoryPathTest {
  static final String NFV = "urn:yamano:params:xml:ns:yang:yamano-nfv";

  @Test
  void missingNodeOfAVnfdFlavourIsNotBlamedOnTheNsdFlavourOfTheSameId() throws Exception {
    var context = SchemaRegistry.builder().load().context();
    String xml =
        "<config><nfv xmlns=\""
            + NFV
            + "\"><nsd><id>n</id><df><id>default</id></df></nsd>"
            + "<vnfd><id>v</id><provider>p</provider><product-name>x</product-name>"
            + "<software-version>1</software-version><version>1</version>"
            + "<df><id>default</id><lcm-operations-configuration><create-snapshot-vnf-op-config/>"
            + "</lcm-operations-configuration></df></vnfd></nfv></config>";
    var reader = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
    var holder = new NormalizationResultHolder();
    XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), context).parse(reader);
    var config = (ContainerNode) holder.getResult().data();
    try (var datastore =
        Datastore.open(
            context,
            new InMemoryCommitLog(),
            new InMemoryCommitLog(),
            IncrementalValidator::forRunning)) {
      var tx = datastore.openSession(1, "t").newTransaction(DatastoreName.RUNNING);
      for (var child : config.body()) {
        tx.merge(YangInstanceIdentifier.of(child.name()), child);
      }
      var e = assertThrows(RpcException.class, () -> tx.commit("t"));
      var error = e.errors().get(0);
      assertEquals(ErrorTag.DATA_MISSING, error.tag(), e.errors().toString());
      String path = error.path().orElseThrow().toString();
      assertTrue(path.contains("vnfd[") && !path.contains("nsd["), path);
    }
  }
}
