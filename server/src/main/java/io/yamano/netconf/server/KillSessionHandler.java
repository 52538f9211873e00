package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import java.util.Set;

/**
 * {@code <kill-session>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7.9">RFC 6241
 * §7.9</a>): ends another session, releasing its locks (a candidate it had locked loses its
 * uncommitted changes). Killing the own session, or naming a session that is not open, is {@code
 * invalid-value}.
 */
final class KillSessionHandler implements OperationHandler {
  private static final Params.Name SESSION_ID = Params.Name.base("session-id");

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params = Params.of(request.operation(), Set.of(SESSION_ID));
    String text = params.required(SESSION_ID).trimmedText();
    long id;
    try {
      id = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw Errors.invalidValue("session-id", "'" + text + "' is not a session-id");
    }
    if (id == request.session().id()) {
      throw Errors.invalidValue(
          "session-id", "a session cannot kill itself; use <close-session> (RFC 6241 §7.9)");
    }
    var victim =
        request
            .context()
            .sessions()
            .find(id)
            .orElseThrow(
                () -> Errors.invalidValue("session-id", "no NETCONF session " + id + " is open"));
    victim.kill(request.session().id());
    return ReplyBody.OK;
  }
}
