package io.yamano.netconf.server;

import io.yamano.datastore.Datastore;
import io.yamano.netconf.data.DataWriter;
import io.yamano.netconf.data.EditConfigParser;
import io.yamano.netconf.data.SubtreeFilter;
import io.yamano.netconf.message.MessageWriter;
import io.yamano.netconf.message.XmlMessageReader;
import io.yamano.yang.registry.SchemaRegistry;
import java.time.Instant;
import java.util.List;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * What every session and handler of one server shares: the datastore, the schema and its codecs,
 * the session registry, counters and the capabilities announced.
 */
record ServerContext(
    Datastore datastore,
    SchemaRegistry registry,
    EditConfigParser editParser,
    SubtreeFilter subtreeFilter,
    YangXPathFilter xpathFilter,
    DataWriter dataWriter,
    MessageWriter messages,
    XmlMessageReader reader,
    Dispatcher dispatcher,
    SessionRegistry sessions,
    Statistics statistics,
    LockTimes locks,
    UrlStore urls,
    List<String> capabilities,
    String contentId,
    Instant startTime) {

  EffectiveModelContext schema() {
    return datastore.context();
  }
}
