package io.yamano.restconf;

import io.yamano.netconf.notification.NotificationBus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * {@code /restconf-state} of ietf-restconf-monitoring (<a
 * href="https://www.rfc-editor.org/rfc/rfc8040#section-9.1">RFC 8040 §9.1</a>): the protocol
 * capabilities of this server and its event streams with their SSE locations.
 */
final class RestconfState {
  static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-restconf-monitoring";

  /** The capability URIs of RFC 8040 §9.1.1 and RFC 8072 §4 this server implements. */
  static final List<String> CAPABILITIES =
      List.of(
          "urn:ietf:params:restconf:capability:defaults:1.0?basic-mode=explicit",
          "urn:ietf:params:restconf:capability:depth:1.0",
          "urn:ietf:params:restconf:capability:fields:1.0",
          "urn:ietf:params:restconf:capability:filter:1.0",
          "urn:ietf:params:restconf:capability:replay:1.0",
          "urn:ietf:params:restconf:capability:with-defaults:1.0",
          "urn:ietf:params:restconf:capability:yang-patch:1.0");

  private RestconfState() {}

  /**
   * A root container holding {@code restconf-state}, if the module is loaded.
   *
   * @param origin {@code https://host:port} as the client reached the server, for stream locations
   */
  static Optional<ContainerNode> state(
      EffectiveModelContext schema, String origin, Instant replayLogCreation) {
    var module = schema.findModules("ietf-restconf-monitoring").stream().findFirst();
    if (module.isEmpty()) {
      return Optional.empty();
    }
    QNameModule m = module.get().getQNameModule();
    var capabilities =
        ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(id(m, "capability"));
    for (String c : CAPABILITIES) {
      capabilities.withChild(
          ImmutableNodes.leafSetEntry(new NodeWithValue<>(QName.create(m, "capability"), c)));
    }
    var streams = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id(m, "stream"));
    streams.withChild(
        stream(
            m,
            NotificationBus.NETCONF_STREAM,
            "The NETCONF event stream: the notifications of RFC 6470 and the lifecycle"
                + " notifications of yamano-ns, as NETCONF subscribers receive them",
            replayLogCreation,
            origin));
    var state =
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(id(m, "restconf-state"))
            .withChild(
                ImmutableNodes.newContainerBuilder()
                    .withNodeIdentifier(id(m, "capabilities"))
                    .withChild(capabilities.build())
                    .build())
            .withChild(
                ImmutableNodes.newContainerBuilder()
                    .withNodeIdentifier(id(m, "streams"))
                    .withChild(streams.build())
                    .build())
            .build();
    return Optional.of(
        ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
            .withChild(state)
            .build());
  }

  private static MapEntryNode stream(
      QNameModule m, String name, String description, Instant created, String origin) {
    var access = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id(m, "access"));
    for (String encoding : List.of("json", "xml")) {
      access.withChild(
          ImmutableNodes.newMapEntryBuilder()
              .withNodeIdentifier(
                  NodeIdentifierWithPredicates.of(
                      QName.create(m, "access"), QName.create(m, "encoding"), encoding))
              .withChild(ImmutableNodes.leafNode(QName.create(m, "encoding"), encoding))
              .withChild(
                  ImmutableNodes.leafNode(
                      QName.create(m, "location"),
                      origin + "/restconf/streams/" + name + "/" + encoding))
              .build());
    }
    return ImmutableNodes.newMapEntryBuilder()
        .withNodeIdentifier(
            NodeIdentifierWithPredicates.of(
                QName.create(m, "stream"), QName.create(m, "name"), name))
        .withChild(ImmutableNodes.leafNode(QName.create(m, "name"), name))
        .withChild(ImmutableNodes.leafNode(QName.create(m, "description"), description))
        .withChild(ImmutableNodes.leafNode(QName.create(m, "replay-support"), Boolean.TRUE))
        .withChild(
            ImmutableNodes.leafNode(
                QName.create(m, "replay-log-creation-time"),
                DateTimeFormatter.ISO_INSTANT.format(created)))
        .withChild(access.build())
        .build();
  }

  private static NodeIdentifier id(QNameModule m, String name) {
    return NodeIdentifier.create(QName.create(m, name));
  }
}
