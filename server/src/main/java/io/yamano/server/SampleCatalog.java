package io.yamano.server;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.Transaction;
import io.yamano.error.RpcException;
import java.io.IOException;
import java.io.InputStream;
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

  /** Adds the catalog to a transaction on running. */
  static void addTo(Transaction tx, Datastore datastore) throws IOException, RpcException {
    for (var child : read(datastore).body()) {
      tx.merge(YangInstanceIdentifier.of(child.name()), child);
    }
  }

  static ContainerNode read(Datastore datastore) throws IOException {
    ContainerNode config;
    try (InputStream in = SampleCatalog.class.getResourceAsStream("sample-catalog.xml")) {
      var factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      var reader = factory.createXMLStreamReader(in);
      var holder = new NormalizationResultHolder();
      var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
      var parser = XmlParserStream.create(writer, datastore.context());
      parser.parse(reader);
      config = (ContainerNode) holder.getResult().data();
    } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
      throw new IOException("the bundled sample catalog cannot be read: " + e.getMessage(), e);
    }
    return config;
  }
}
