package io.yamano.netconf.transport;

/**
 * Receives the messages of one NETCONF session: the hook for the operations layer.
 *
 * <p>Calls for one session are made one at a time, in the order the messages arrived, on a worker
 * thread (never an SSH IO thread), so long work delays only this session and pipelined requests are
 * answered in order (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-4.1">RFC 6241
 * §4.1</a>). Replies go through {@link NetconfSession#send}.
 */
public interface NetconfSessionListener {

  /**
   * One framed message, the bytes as received (UTF-8 XML, not yet parsed). An exception thrown here
   * is logged and the session goes on; answer malformed input with an {@code <rpc-error>} instead.
   */
  void onMessage(byte[] xml) throws Exception;

  /** The session ended (closed by either side, by the idle timeout or at server shutdown). */
  default void onClose() {}
}
