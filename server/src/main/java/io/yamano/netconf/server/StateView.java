package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreName;
import io.yamano.netconf.data.NodeUnion;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The operational view (RFC 8342 §5.3): running configuration merged with the operational tree
 * (state written by Yamano's components) and the server's own state, ietf-netconf-monitoring (RFC
 * 6022), ietf-yang-library (RFC 8525) and the event streams of nc-notifications (RFC 5277 §3.4).
 */
final class StateView {
  private StateView() {}

  static ContainerNode operational(Request request) {
    var running = Configs.root(request, DatastoreName.RUNNING);
    var operational = Configs.root(request, DatastoreName.OPERATIONAL);
    var merged = (ContainerNode) NodeUnion.union(running, operational);
    merged = (ContainerNode) NodeUnion.union(merged, Monitoring.state(request.context()));
    merged = (ContainerNode) NodeUnion.union(merged, YangLibrary.state(request.context()));
    var streams = Streams.state(request.context());
    return streams.isPresent() ? (ContainerNode) NodeUnion.union(merged, streams.get()) : merged;
  }
}
