package io.yamano.netconf.server;

import io.yamano.datastore.DatastoreSession;
import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import io.yamano.netconf.message.BadEnvelopeException;
import io.yamano.netconf.message.MalformedMessageException;
import io.yamano.netconf.message.ReplyBody;
import io.yamano.netconf.message.ReplyEnvelope;
import io.yamano.netconf.message.RpcRequest;
import io.yamano.netconf.message.XmlElement;
import io.yamano.netconf.notification.ChangedBy;
import io.yamano.netconf.notification.TerminationReason;
import io.yamano.netconf.transport.NetconfSession;
import io.yamano.netconf.transport.NetconfSessionListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One NETCONF session of the operations layer: owns a {@link DatastoreSession} (same session-id,
 * the SSH user) and answers each message in arrival order (the transport calls {@link #onMessage}
 * one at a time, RFC 6241 §4.1 pipelining). Decoding faults become {@code malformed-message} or the
 * envelope error of RFC 6241 Appendix A and the session goes on.
 */
public final class ServerSession implements NetconfSessionListener {
  private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

  private final NetconfSession transport;
  private final DatastoreSession datastore;
  private final ServerContext context;
  private final Instant loginTime = Instant.now();
  private final Statistics statistics = new Statistics();
  private final AtomicBoolean ended = new AtomicBoolean();
  private boolean closeAfterReply;
  private volatile Subscription subscription;
  private Subscription startAfterReply;

  ServerSession(NetconfSession transport, ServerContext context) {
    this.transport = transport;
    this.context = context;
    this.datastore =
        context.datastore().openSession(transport.sessionId(), transport.username(), "netconf");
  }

  /** The session-id (RFC 6241 §8.1), shared with the transport and the datastore session. */
  public long id() {
    return transport.sessionId();
  }

  /** The SSH user. */
  public String username() {
    return transport.username();
  }

  DatastoreSession datastore() {
    return datastore;
  }

  NetconfSession transport() {
    return transport;
  }

  Instant loginTime() {
    return loginTime;
  }

  Statistics statistics() {
    return statistics;
  }

  /** The session as {@code common-session-parms} of RFC 6470 §2.2. */
  ChangedBy.Session changedBy() {
    Optional<String> host = Optional.empty();
    if (transport.remoteAddress() instanceof InetSocketAddress address
        && address.getAddress() != null) {
      host = Optional.of(address.getAddress().getHostAddress());
    }
    return new ChangedBy.Session(username(), id(), host);
  }

  /**
   * Makes {@code next} the session's event subscription, started once the reply is sent; {@code
   * in-use} if one is active (RFC 5277 §6.5: one subscription per session).
   */
  synchronized void subscribe(Subscription next) throws RpcException {
    if (subscription != null || startAfterReply != null) {
      throw new RpcException(
          Errors.protocol(
              ErrorTag.IN_USE,
              "this session already has an event subscription (RFC 5277 §6.5)",
              Map.of()));
    }
    startAfterReply = next;
  }

  /** The subscription ended at its stopTime: the session may subscribe again. */
  synchronized void subscriptionEnded(Subscription ended) {
    if (subscription == ended) {
      subscription = null;
    }
  }

  /** Closes the session once the reply being built is sent ({@code <close-session>}, §7.8). */
  void closeAfterReply() {
    closeAfterReply = true;
  }

  @Override
  public void onMessage(byte[] xml) {
    XmlElement root;
    try {
      root = context.reader().read(xml);
    } catch (MalformedMessageException e) {
      LOG.debug("session {}: malformed message: {}", id(), e.getMessage());
      sendErrors(ReplyEnvelope.NONE, e.errors(), true);
      return;
    }
    RpcRequest rpc;
    try {
      rpc = RpcRequest.parse(root);
    } catch (BadEnvelopeException e) {
      sendErrors(ReplyEnvelope.bestEffort(root), e.errors(), true);
      return;
    }
    var envelope = ReplyEnvelope.of(rpc);
    ReplyBody body;
    try {
      body = context.dispatcher().dispatch(new Request(rpc, this, context));
    } catch (RpcException e) {
      sendErrors(envelope, e.errors(), false);
      return;
    } catch (RuntimeException e) {
      LOG.warn("session {}: operation {} failed", id(), rpc.operationName(), e);
      sendErrors(envelope, List.of(internal(e)), false);
      return;
    }
    byte[] reply;
    try {
      var out = new ByteArrayOutputStream(512);
      context.messages().reply(envelope, body, out);
      reply = out.toByteArray();
    } catch (XMLStreamException | RuntimeException e) {
      LOG.warn("session {}: cannot write the reply to {}", id(), rpc.operationName(), e);
      sendErrors(envelope, List.of(internal(e)), false);
      return;
    }
    count(false, false);
    send(reply);
    Subscription next;
    synchronized (this) {
      next = startAfterReply;
      startAfterReply = null;
      subscription = next;
    }
    if (next != null) {
      next.start();
    }
    if (closeAfterReply) {
      end(TerminationReason.CLOSED, Optional.empty());
      transport.close();
    }
  }

  private static RpcError internal(Exception e) {
    return Errors.protocol(
        ErrorTag.OPERATION_FAILED,
        "the operation failed inside the server: " + e.getMessage(),
        Map.of());
  }

  private void sendErrors(ReplyEnvelope envelope, List<RpcError> errors, boolean badRpc) {
    count(badRpc, true);
    send(context.messages().errors(envelope, errors));
  }

  private void count(boolean badRpc, boolean errorReply) {
    statistics.count(badRpc, errorReply);
    context.statistics().count(badRpc, errorReply);
  }

  private void send(byte[] reply) {
    try {
      transport.send(reply);
    } catch (IOException e) {
      LOG.debug("session {}: reply not sent: {}", id(), e.getMessage());
    }
  }

  /**
   * Ends the session from another one ({@code <kill-session>}, RFC 6241 §7.9): releases its locks
   * and closes its transport; operations in progress are not completed.
   */
  void kill(long killedBy) {
    end(TerminationReason.KILLED, Optional.of(killedBy));
    transport.close();
  }

  /** Ends the session from the server side for {@code reason} (its user was deleted ...). */
  void end(TerminationReason reason) {
    end(reason, Optional.empty());
    transport.close();
  }

  /** Closes the session from the server side (a client that does not read its events). */
  void drop() {
    transport.close();
  }

  @Override
  public void onClose() {
    if (end(TerminationReason.DROPPED, Optional.empty())) {
      context.sessions().droppedSessions.incrementAndGet();
    }
  }

  /**
   * Releases the datastore session and the subscription once and reports {@code
   * netconf-session-end} (RFC 6470 §3.4); true if this call did it.
   */
  private boolean end(TerminationReason reason, Optional<Long> killedBy) {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    Subscription active;
    synchronized (this) {
      active = subscription;
      subscription = null;
      startAfterReply = null;
    }
    if (active != null) {
      active.close();
    }
    context.sessions().remove(this);
    context.locks().sessionEnded(id());
    datastore.close();
    context.events().sessionEnd(changedBy(), reason, killedBy);
    return true;
  }
}
