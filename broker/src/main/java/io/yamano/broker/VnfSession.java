package io.yamano.broker;

/**
 * A management session with one VNF instance, used by one lifecycle run at a time. The executor
 * closes it after the run, or at once when an attempt timed out (to abandon a blocked call).
 */
public interface VnfSession extends AutoCloseable {

  /**
   * Performs a rendered operation and returns the VNF's reply (the {@code rpc-reply} or HTTP body)
   * for the action's check.
   *
   * @throws BrokerException {@code REFUSED} with the VNF's own error text when it refuses, {@code
   *     TIMEOUT} after the endpoint's reply timeout, {@code UNSUPPORTED} for an operation of
   *     another protocol
   */
  String perform(Operation operation) throws BrokerException;

  /** Ends the session; idempotent, never throws. */
  @Override
  void close();
}
