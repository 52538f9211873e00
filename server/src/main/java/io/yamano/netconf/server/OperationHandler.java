package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;

/**
 * One NETCONF operation: reads its parameters from the request, works through the session's
 * datastore session and returns the body of the {@code <rpc-reply>} ({@link ReplyBody#OK} or data).
 * The body is written after the handler returns, so it may stream a snapshot taken in the handler.
 */
@FunctionalInterface
public interface OperationHandler {

  /**
   * Handles one request.
   *
   * @throws RpcException with every error that applies, each becoming one {@code <rpc-error>}
   */
  ReplyBody handle(Request request) throws RpcException;
}
