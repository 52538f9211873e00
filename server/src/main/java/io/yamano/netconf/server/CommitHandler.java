package io.yamano.netconf.server;

import io.yamano.error.RpcException;
import io.yamano.netconf.message.ReplyBody;
import io.yamano.netconf.message.XmlElement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <commit>} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.3.4.1">RFC 6241
 * §8.3.4.1</a>): validates the candidate in full and makes it running; with the parameters of
 * {@code :confirmed-commit:1.1} (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.4">RFC
 * 6241 §8.4</a>):
 *
 * <ul>
 *   <li>{@code <confirmed/>} makes it a confirmed commit, undone after {@code <confirm-timeout>}
 *       seconds (default 600, at least 1) unless confirmed; a confirmed commit while one is pending
 *       extends it;
 *   <li>{@code <persist>} gives it a token: it then survives the end of its session and any session
 *       giving the token as {@code <persist-id>} may confirm, extend or cancel it;
 *   <li>a commit without {@code <confirmed/>} while one is pending confirms it ({@code
 *       <persist-id>} required if it was given a token, else only its own session may).
 * </ul>
 */
final class CommitHandler implements OperationHandler {
  static final Params.Name CONFIRMED = Params.Name.base("confirmed");
  static final Params.Name CONFIRM_TIMEOUT = Params.Name.base("confirm-timeout");
  static final Params.Name PERSIST = Params.Name.base("persist");
  static final Params.Name PERSIST_ID = Params.Name.base("persist-id");

  /** The default confirm-timeout of RFC 6241 §8.4.5.1. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

  @Override
  public ReplyBody handle(Request request) throws RpcException {
    var params =
        Params.of(request.operation(), Set.of(CONFIRMED, CONFIRM_TIMEOUT, PERSIST, PERSIST_ID));
    var persistId = params.optional(PERSIST_ID).map(XmlElement::trimmedText);
    if (params.optional(CONFIRMED).isEmpty()) {
      for (var name : new Params.Name[] {CONFIRM_TIMEOUT, PERSIST}) {
        if (params.optional(name).isPresent()) {
          throw Errors.badElement(
              name.localName(),
              "<" + name.localName() + "> is only allowed with <confirmed/> (RFC 6241 §8.4.5.1)");
        }
      }
      request.datastore().commitCandidate("commit", persistId);
      return ReplyBody.OK;
    }
    var timeout = timeout(params.optional(CONFIRM_TIMEOUT));
    var persist = params.optional(PERSIST).map(XmlElement::trimmedText);
    request.datastore().commitCandidateConfirmed("confirmed commit", timeout, persist, persistId);
    return ReplyBody.OK;
  }

  /** confirm-timeout: uint32, range 1..max, in seconds. */
  private static Duration timeout(Optional<XmlElement> element) throws RpcException {
    if (element.isEmpty()) {
      return DEFAULT_TIMEOUT;
    }
    String text = element.get().trimmedText();
    long seconds;
    try {
      seconds = Long.parseLong(text);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > 0xFFFF_FFFFL || !text.matches("\\+?[0-9]+")) {
      throw Errors.invalidValue(
          "confirm-timeout",
          "confirm-timeout must be a whole number of seconds from 1 to 4294967295, not '"
              + text
              + "'");
    }
    return Duration.ofSeconds(seconds);
  }
}
