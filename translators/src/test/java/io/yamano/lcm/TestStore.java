package io.yamano.lcm;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.persist.CommitLog;
import io.yamano.datastore.persist.JournalFileCommitLog;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.error.RpcException;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** A datastore on the bundled models and memory logs, with the test catalog committed. */
final class TestStore {
  static final EffectiveModelContext CONTEXT = load();

  final java.nio.file.Path dir;
  CommitLog config;
  CommitLog operational;
  Datastore datastore;

  private static EffectiveModelContext load() {
    try {
      return SchemaRegistry.builder().load().context();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** On memory logs. */
  TestStore() throws Exception {
    this(null);
  }

  /**
   * On journal files in {@code dir} (null: memory logs); the catalog is committed into an empty
   * datastore.
   */
  TestStore(java.nio.file.Path dir) throws Exception {
    this.dir = dir;
    open();
    if (datastore.history(1).isEmpty()) {
      try (var in = TestStore.class.getResourceAsStream("catalog.xml")) {
        commit(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  /** Opens (again) the datastore on the same logs. */
  void open() throws Exception {
    if (dir == null) {
      if (config == null) {
        config = new MemoryLog();
        operational = new MemoryLog();
      }
    } else {
      config = JournalFileCommitLog.open(dir.resolve("config"));
      operational = JournalFileCommitLog.open(dir.resolve("operational"));
    }
    datastore = Datastore.open(CONTEXT, config, operational, IncrementalValidator::forRunning);
  }

  /** Merges a {@code <config>} document into running. */
  void commit(String configXml) throws RpcException {
    var root = parse(configXml);
    try (var session = datastore.openInternalSession("admin")) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      for (var child : root.body()) {
        tx.merge(YangInstanceIdentifier.of(child.name()), child);
      }
      tx.commit("test");
    }
  }

  void delete(YangInstanceIdentifier path) throws RpcException {
    try (var session = datastore.openInternalSession("admin")) {
      var tx = session.newTransaction(DatastoreName.RUNNING);
      tx.delete(path);
      tx.commit("test");
    }
  }

  static String ns(String name, String extra) {
    return "<config><ns-instances xmlns=\"urn:yamano:params:xml:ns:yang:yamano-ns\"><ns-instance><name>"
        + name
        + "</name>"
        + extra
        + "</ns-instance></ns-instances></config>";
  }

  static ContainerNode parse(String xml) {
    try {
      var factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      var reader = factory.createXMLStreamReader(new StringReader(xml));
      var holder = new NormalizationResultHolder();
      var writer = ImmutableNormalizedNodeStreamWriter.from(holder);
      XmlParserStream.create(writer, CONTEXT).parse(reader);
      return (ContainerNode) holder.getResult().data();
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
