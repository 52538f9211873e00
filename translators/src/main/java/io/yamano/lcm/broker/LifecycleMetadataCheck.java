package io.yamano.lcm.broker;

import io.yamano.broker.BrokerException;
import io.yamano.broker.metadata.LifecycleReader;
import io.yamano.datastore.ChangeSet;
import io.yamano.datastore.CommitHook;
import io.yamano.datastore.DataChange;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.lcm.model.Nodes;
import io.yamano.lcm.model.YangNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * Refuses a commit whose VNF lifecycle metadata the broker could not run: a transition from or to
 * an undeclared state, a call of an unknown primitive, a primitive calling itself, a reference to a
 * lifecycle that does not exist, a bad regular expression. YANG alone cannot say these; caught
 * here, they never reach an instantiation. Only VNFDs and lifecycles the commit touches are read.
 */
final class LifecycleMetadataCheck implements CommitHook {
  /** error-app-tag of the refusal. */
  static final String APP_TAG = "invalid-vnf-lifecycle";

  private final YangNames n;
  private final QName lifecycles;
  private final QName lifecycle;

  LifecycleMetadataCheck(YangNames names, QName vnfLifecycles, QName vnfLifecycle) {
    this.n = names;
    this.lifecycles = vnfLifecycles;
    this.lifecycle = vnfLifecycle;
  }

  @Override
  public void validate(ChangeSet proposed) throws RpcException {
    var vnfds = new LinkedHashSet<String>();
    boolean all = false;
    for (DataChange change : proposed.changes()) {
      var args = change.path().getPathArguments();
      if (args.isEmpty()) {
        all = true;
        break;
      }
      QName top = args.get(0).getNodeType();
      if (top.equals(lifecycles)) {
        all = true; // a shared lifecycle may be used by any VNFD
      } else if (top.equals(n.nfv("nfv"))) {
        String id = keyOf(args, n.nfv("vnfd"));
        if (id != null) {
          vnfds.add(id);
        } else if (args.size() <= 2) {
          all = true;
        }
      }
    }
    if (!all && vnfds.isEmpty()) {
      return;
    }
    NormalizedNode root = proposed.rootAfter();
    NormalizedNode shared = Nodes.child(root, lifecycles).orElse(null);
    var errors = new ArrayList<RpcError>();
    if (all && shared != null) {
      for (MapEntryNode entry : Nodes.entries(shared, lifecycle)) {
        String name = String.valueOf(Nodes.text(entry, QName.create(lifecycle, "name")));
        try {
          LifecycleReader.read(name, entry);
        } catch (BrokerException e) {
          errors.add(error(YangInstanceIdentifier.of(new NodeIdentifier(lifecycles)), e));
        }
      }
    }
    var nfv = Nodes.child(root, n.nfv("nfv"));
    if (nfv.isPresent()) {
      for (MapEntryNode vnfd : Nodes.entries(nfv.get(), n.nfv("vnfd"))) {
        String id = Nodes.text(vnfd, n.nfv("id"));
        if (!all && !vnfds.contains(id)) {
          continue;
        }
        try {
          LifecycleReader.ofVnfd(id, vnfd, shared);
        } catch (BrokerException e) {
          errors.add(
              error(
                  YangInstanceIdentifier.of(
                      new NodeIdentifier(n.nfv("nfv")),
                      new NodeIdentifier(n.nfv("vnfd")),
                      NodeIdentifierWithPredicates.of(n.nfv("vnfd"), n.nfv("id"), id),
                      new NodeIdentifier(QName.create(lifecycle, "lifecycle"))),
                  e));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RpcException(errors);
    }
  }

  private static RpcError error(YangInstanceIdentifier path, BrokerException e) {
    return RpcError.application(ErrorTag.INVALID_VALUE, APP_TAG, path, e.getMessage());
  }

  private static String keyOf(List<YangInstanceIdentifier.PathArgument> args, QName list) {
    for (var arg : args) {
      if (arg instanceof NodeIdentifierWithPredicates key && key.getNodeType().equals(list)) {
        return String.valueOf(key.values().iterator().next());
      }
    }
    return null;
  }
}
