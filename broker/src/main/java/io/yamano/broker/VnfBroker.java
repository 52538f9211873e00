package io.yamano.broker;

/**
 * A protocol for talking to VNFs: found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/io.yamano.broker.VnfBroker}) and chosen by the lifecycle metadata's
 * {@code broker} name. Yamano ships {@code netconf} and {@code rest}; vendor logic that metadata
 * cannot express is better written as a {@link io.yamano.broker.sdk.VnfPlugin}.
 *
 * <p>Implementations are thread-safe and hold no per-VNF state outside the sessions they open.
 */
public interface VnfBroker {

  /** The name metadata selects this broker by; unique among loaded brokers and plugins. */
  String name();

  /**
   * Opens a management session to one VNF instance, within {@link VnfEndpoint#connectTimeout()}.
   *
   * @throws BrokerException {@code UNREACHABLE} or {@code TIMEOUT} when the VNF cannot be reached
   */
  VnfSession open(VnfEndpoint endpoint) throws BrokerException;
}
