package io.yamano.datastore.nacm;

import io.yamano.datastore.Datastore;
import io.yamano.datastore.DatastoreName;
import io.yamano.datastore.DatastoreSession;
import io.yamano.datastore.persist.CommitLog;
import io.yamano.datastore.persist.JournalEntry;
import io.yamano.datastore.persist.Recovery;
import io.yamano.datastore.validation.IncrementalValidator;
import io.yamano.yang.registry.SchemaRegistry;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** A datastore over the bundled modules plus {@code nacm-test} and {@code nacm-other}. */
final class NacmFixture {
  static final String T = "urn:yamano:test:nacm";
  static final String O = "urn:yamano:test:other";
  static final String NACM = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm";
  static final String AAA = "urn:yamano:params:xml:ns:yang:yamano-aaa";

  private static EffectiveModelContext context;

  final Datastore datastore;

  NacmFixture() throws Exception {
    datastore =
        Datastore.open(
            context(), new MemoryLog(), new MemoryLog(), IncrementalValidator::forRunning);
  }

  static synchronized EffectiveModelContext context() throws Exception {
    if (context == null) {
      var models = Path.of(NacmFixture.class.getResource("/nacm/models").toURI());
      context = SchemaRegistry.builder().addModelDirectory(models).load().context();
    }
    return context;
  }

  static QName t(String name) {
    return QName.create(T, name);
  }

  /** Parses top-level elements (each with its xmlns) into one root container. */
  static ContainerNode parse(String xml) throws Exception {
    var reader =
        XMLInputFactory.newFactory()
            .createXMLStreamReader(new StringReader("<config>" + xml + "</config>"));
    var holder = new NormalizationResultHolder();
    XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), context())
        .parse(reader);
    return (ContainerNode) holder.getResult().data();
  }

  /** Merges configuration into running as Yamano itself (no access control). */
  void load(String xml) throws Exception {
    try (var s = datastore.openInternalSession("setup")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      for (var child : parse(xml).body()) {
        tx.merge(YangInstanceIdentifier.of(child.name()), child);
      }
      tx.commit("setup");
    }
  }

  /** Replaces {@code /nacm} with the given content (the children of {@code <nacm>}). */
  void nacm(String inner) throws Exception {
    try (var s = datastore.openInternalSession("setup")) {
      var tx = s.newTransaction(DatastoreName.RUNNING);
      var nacm = YangInstanceIdentifier.of(QName.create(NACM, "2018-02-14", "nacm"));
      tx.remove(nacm);
      for (var child : parse("<nacm xmlns=\"" + NACM + "\">" + inner + "</nacm>").body()) {
        tx.replace(YangInstanceIdentifier.of(child.name()), child);
      }
      tx.commit("nacm");
    }
  }

  private static long ids = 100;

  DatastoreSession session(String user) {
    synchronized (NacmFixture.class) {
      return datastore.openSession(ids++, user, "test");
    }
  }

  ContainerNode running() {
    return (ContainerNode)
        datastore
            .snapshot(DatastoreName.RUNNING)
            .readNode(YangInstanceIdentifier.of())
            .orElseThrow();
  }

  /** A commit log in memory. */
  static final class MemoryLog implements CommitLog {
    @Override
    public Recovery recover() {
      return new Recovery(Map.of(), 0, List.of(), Map.of());
    }

    @Override
    public void append(JournalEntry entry) {}

    @Override
    public void append(JournalEntry entry, Map<String, byte[]> properties) {}

    @Override
    public void putProperty(String key, byte[] value) {}

    @Override
    public List<JournalEntry> history(int limit) {
      return List.of();
    }

    @Override
    public int historyDepth() {
      return 0;
    }

    @Override
    public void snapshot(long sequence, Map<DatastoreName, NormalizedNode> roots) {}

    @Override
    public long bytesSinceSnapshot() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
