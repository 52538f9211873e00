package io.yamano.netconf.server;

import io.yamano.netconf.notification.NotificationBus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * {@code /netconf/streams} of nc-notifications (<a
 * href="https://www.rfc-editor.org/rfc/rfc5277#section-3.4">RFC 5277 §3.4</a>): the one stream,
 * {@code NETCONF}, with replay from the persisted log.
 */
final class Streams {
  private Streams() {}

  /** A root container holding {@code netconf/streams}, if the schema has nc-notifications. */
  static Optional<ContainerNode> state(ServerContext context) {
    var modules = context.schema().findModules("nc-notifications");
    if (modules.isEmpty()) {
      return Optional.empty();
    }
    var n = new Nodes(modules.iterator().next().getQNameModule());
    var stream =
        n.entry(
            "stream",
            1,
            List.of(
                n.leaf("name", NotificationBus.NETCONF_STREAM),
                n.leaf(
                    "description",
                    "The default NETCONF event stream: the base notifications of RFC 6470"),
                n.leaf("replaySupport", Boolean.TRUE),
                n.leaf("replayLogCreationTime", Monitoring.time(creationTime(context)))));
    var netconf =
        n.container(
            "netconf", List.of(n.container("streams", List.of(n.list("stream", List.of(stream))))));
    return Optional.of(
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
            .withChild(netconf)
            .build());
  }

  /** The oldest stored event, or the server start when the log is empty or newer. */
  private static Instant creationTime(ServerContext context) {
    try {
      var oldest = context.bus().replayLogCreationTime();
      return oldest.isBefore(context.startTime()) ? oldest : context.startTime();
    } catch (IOException e) {
      return context.startTime();
    }
  }
}
