package io.yamano.netconf.transport;

/** Creates the listener of each new session, once its hello exchange has succeeded. */
@FunctionalInterface
public interface NetconfSessionListenerFactory {

  /**
   * A listener for {@code session}. Called on a worker thread before the session's first message is
   * delivered.
   */
  NetconfSessionListener open(NetconfSession session);
}
