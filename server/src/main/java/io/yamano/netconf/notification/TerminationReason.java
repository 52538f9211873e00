package io.yamano.netconf.notification;

import java.util.Locale;

/**
 * Why a NETCONF session ended: {@code termination-reason} of {@code netconf-session-end} (<a
 * href="https://www.rfc-editor.org/rfc/rfc6470#section-2.2">RFC 6470 §2.2</a>).
 */
public enum TerminationReason {
  /** The session ended with {@code <close-session>}. */
  CLOSED,
  /** Another session ended it with {@code <kill-session>}. */
  KILLED,
  /** The transport ended without {@code <close-session>}. */
  DROPPED,
  /** The session was idle for too long. */
  TIMEOUT,
  /** The client's {@code <hello>} was not acceptable. */
  BAD_HELLO,
  /** Any other reason, such as server shutdown. */
  OTHER;

  /** The YANG enum name. */
  public String yangName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
