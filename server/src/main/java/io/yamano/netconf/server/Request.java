package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreSession;
import io.yamano.netconf.message.RpcRequest;
import io.yamano.netconf.message.XmlElement;
import org.w3c.dom.Element;

/**
 * One {@code <rpc>} being handled: the operation element, the session it came on and the server's
 * shared state. Not thread-safe; lives for one request.
 */
public final class Request {
  private final RpcRequest rpc;
  private final ServerSession session;
  private final ServerContext context;
  private DomConverter dom;

  Request(RpcRequest rpc, ServerSession session, ServerContext context) {
    this.rpc = rpc;
    this.session = session;
    this.context = context;
  }

  /** The operation element (the only child of {@code <rpc>}). */
  public XmlElement operation() {
    return rpc.operation();
  }

  /** The NETCONF session the request came on. */
  public ServerSession session() {
    return session;
  }

  /** The datastore session of the NETCONF session: the only way handlers touch data. */
  public DatastoreSession datastore() {
    return session.datastore();
  }

  ServerContext context() {
    return context;
  }

  /** The namespace-aware DOM of an element of this request, with the prefixes in scope. */
  Element dom(XmlElement element) {
    if (dom == null) {
      dom = new DomConverter(rpc.operation(), rpc.namespaces());
    }
    return dom.dom(element);
  }
}
