package io.yamano.broker.netconf;

import io.yamano.broker.BrokerException;
import io.yamano.broker.Operation;
import io.yamano.broker.VnfEndpoint;
import io.yamano.broker.VnfSession;
import io.yamano.netconf.client.NetconfClient;
import io.yamano.netconf.client.NetconfConnector;
import io.yamano.netconf.message.MessageException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One NETCONF session with a VNF. */
final class NetconfVnfSession implements VnfSession {
  static final String CANDIDATE = "urn:ietf:params:netconf:capability:candidate:1.0";
  static final String WRITABLE_RUNNING = "urn:ietf:params:netconf:capability:writable-running:1.0";

  private final VnfEndpoint endpoint;
  private final NetconfConnector connector;
  private final NetconfClient client;

  NetconfVnfSession(VnfEndpoint endpoint, NetconfConnector connector, NetconfClient client) {
    this.endpoint = endpoint;
    this.connector = connector;
    this.client = client;
  }

  @Override
  public String perform(Operation operation) throws BrokerException {
    if (operation instanceof Operation.NetconfEdit edit) {
      return edit(edit);
    }
    if (operation instanceof Operation.NetconfGet get) {
      String filter =
          get.filter() == null || get.filter().isBlank()
              ? ""
              : "<filter type=\"subtree\">" + get.filter() + "</filter>";
      return call("<get>" + filter + "</get>", "get");
    }
    if (operation instanceof Operation.NetconfRpc rpc) {
      return call(rpc.request(), "rpc");
    }
    throw new BrokerException(
        BrokerException.Reason.UNSUPPORTED,
        "the netconf broker cannot perform a " + operation.protocol() + " operation");
  }

  /**
   * RFC 6241 §8.3: on a VNF with {@code :candidate}, lock the candidate, edit it, commit, unlock;
   * if the edit or the commit is refused, discard the changes so the candidate is left clean.
   */
  private String edit(Operation.NetconfEdit edit) throws BrokerException {
    boolean candidate =
        switch (edit.target()) {
          case CANDIDATE -> true;
          case RUNNING -> false;
          case AUTO -> client.serverHello().has(CANDIDATE);
        };
    if (candidate && !client.serverHello().has(CANDIDATE)) {
      throw new BrokerException(
          BrokerException.Reason.UNSUPPORTED, "the VNF does not announce :candidate");
    }
    if (!candidate && !client.serverHello().has(WRITABLE_RUNNING)) {
      throw new BrokerException(
          BrokerException.Reason.UNSUPPORTED,
          "the VNF announces neither :candidate nor :writable-running");
    }
    String editConfig =
        "<edit-config><target><"
            + (candidate ? "candidate" : "running")
            + "/></target><config>"
            + edit.config()
            + "</config></edit-config>";
    if (!candidate) {
      return call(editConfig, "edit-config");
    }
    call("<lock><target><candidate/></target></lock>", "lock");
    try {
      call(editConfig, "edit-config");
      return call("<commit/>", "commit");
    } catch (BrokerException e) {
      quietly("<discard-changes/>");
      throw e;
    } finally {
      quietly("<unlock><target><candidate/></target></unlock>");
    }
  }

  private String call(String request, String what) throws BrokerException {
    String reply = send(request, what);
    List<RpcReplies.VnfError> errors;
    try {
      errors = RpcReplies.errors(reply);
    } catch (MessageException e) {
      throw new BrokerException(
          BrokerException.Reason.REFUSED, what + ": unreadable reply: " + e.getMessage(), reply);
    }
    if (!errors.isEmpty()) {
      String answer =
          String.join("; ", errors.stream().map(RpcReplies.VnfError::describe).toList());
      throw new BrokerException(
          BrokerException.Reason.REFUSED, what + " refused: " + answer, errors.get(0).message());
    }
    return reply;
  }

  private String send(String request, String what) throws BrokerException {
    try {
      return client
          .rpcAsync(request)
          .get(endpoint.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      throw new BrokerException(
          BrokerException.Reason.UNREACHABLE, what + ": " + NetconfBroker.rootMessage(e), e);
    } catch (ExecutionException e) {
      throw new BrokerException(
          BrokerException.Reason.UNREACHABLE,
          what + ": " + NetconfBroker.rootMessage(e.getCause()),
          e.getCause());
    } catch (TimeoutException e) {
      throw new BrokerException(
          BrokerException.Reason.TIMEOUT, what + ": no reply within " + endpoint.replyTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException(BrokerException.Reason.TIMEOUT, what + ": interrupted");
    }
  }

  private void quietly(String request) {
    try {
      send(request, "cleanup");
    } catch (BrokerException e) {
      // the session is failing anyway; the first error is the one to report
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      connector.close();
    }
  }
}
