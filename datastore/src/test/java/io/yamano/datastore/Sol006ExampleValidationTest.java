package io.yamano.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcException;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * ETSI's own SOL006 v4.3.1 example documents, mapped into Yamano's namespace, committed into the
 * datastore with full validation: what is valid is accepted, and the one defect ETSI's examples
 * carry is found at its exact place.
 */
class Sol006ExampleValidationTest {
  private static final Path EXAMPLES =
      Path.of("../../shared/corpus/yang/etsi-sol006-v4.3.1/example-data");
  private static EffectiveModelContext context;

  @BeforeAll
  static void schema() throws Exception {
    context = SchemaRegistry.builder().load().context();
  }

  private static ContainerNode read(String file) throws Exception {
    var xml =
        Files.readString(EXAMPLES.resolve(file))
            .replace(
                "urn:etsi:nfv:yang:etsi-nfv-descriptors",
                "urn:yamano:params:xml:ns:yang:yamano-nfv");
    xml = xml.replaceFirst("<\\?xml[^>]*\\?>", "");
    var reader =
        XMLInputFactory.newFactory()
            .createXMLStreamReader(new StringReader("<config>" + xml + "</config>"));
    var holder = new NormalizationResultHolder();
    XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), context).parse(reader);
    return (ContainerNode) holder.getResult().data();
  }

  private static void commit(ContainerNode config) throws Exception {
    var datastore =
        Datastore.open(
            context,
            new InMemoryCommitLog(),
            new InMemoryCommitLog(),
            IncrementalValidator::forRunning);
    var tx = datastore.openInternalSession("onboarding").newTransaction(DatastoreName.RUNNING);
    for (var child : config.body()) {
      tx.merge(YangInstanceIdentifier.of(child.name()), child);
    }
    tx.commit("ETSI example");
  }

  @Test
  void nsdExampleIsValid() throws Exception {
    commit(read("nfv-nsd.xml"));
  }

  @Test
  void vnfdExampleBreaksItsOwnWhenOnL3ProtocolData() throws Exception {
    var config = read("nfv.xml");
    var e = assertThrows(RpcException.class, () -> commit(config));
    var error = e.errors().get(0);
    assertEquals(ErrorTag.UNKNOWN_ELEMENT, error.tag(), e.errors().toString());
    var path = error.path().orElseThrow().toString();
    assertTrue(path.endsWith("l3-protocol-data"), path);
    assertTrue(error.message().contains("IPv4"), error.message());
  }
}
