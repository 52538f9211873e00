package io.yamano.netconf.server;

import io.yamano.datastore.Datastore;
import io.yamano.netconf.data.DataWriter;
import io.yamano.netconf.data.EditConfigParser;
import io.yamano.netconf.data.SubtreeFilter;
import io.yamano.netconf.message.MessageWriter;
import io.yamano.netconf.message.XmlMessageReader;
import io.yamano.netconf.notification.NetconfEvents;
import io.yamano.netconf.notification.NotificationBus;
import io.yamano.yang.registry.SchemaRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * What every session and handler of one server shares: the datastore, the schema and its codecs,
 * the session registry, counters, the capabilities announced, and the event bus with the threads
 * that deliver its events to subscribed sessions.
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
    Instant startTime,
    NotificationBus bus,
    NetconfEvents events,
    ScheduledExecutorService timer,
    ExecutorService senders) {

  EffectiveModelContext schema() {
    return datastore.context();
  }

  /** The clock of event times and subscription start and stop times. */
  Clock clock() {
    return Clock.systemUTC();
  }
}
