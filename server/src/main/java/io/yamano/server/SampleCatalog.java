package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.error.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import javax.xml.stream.XMLInputFactory;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;

/**
 * The embedded defaults a newcomer starts with: a resource-less VIM account and a small catalog (a
 * VNFD and an NSD), committed once on the first start like any other configuration.
 */
final class SampleCatalog {
  private SampleCatalog() {}

  static void install(Datastore datastore, PrintStream out) throws IOException, RpcException {
    ContainerNode config;
    try (InputStream in = SampleCatalog.class.getResourceAsStream("sample-catalog.xml")) {
      var factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      var reader = factory.createXMLStreamReader(in);
      reader.nextTag();
      var holder = new NormalizationResultHolder();
      var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
      var parser = XmlParserStream.create(writer, datastore.context());
      parser.parse(reader);
      config = (ContainerNode) holder.getResult().data();
    } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
      throw new IOException("the bundled sample catalog cannot be read: " + e.getMessage(), e);
    }
    try (var session = datastore.openInternalSession("yamano")) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      for (var child : config.body()) {
        tx.merge(YangInstanceIdentifier.of(child.name()), child);
      }
      tx.commit("first start: sample catalog");
    }
    out.println(
        "First start: added VIM account 'lab' (resource-less) and the sample VNFD 'web' and NSD"
            + " 'web-ns'");
  }
}
