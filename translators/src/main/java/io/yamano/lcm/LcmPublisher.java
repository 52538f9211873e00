package io.yamano.lcm;

/**
 * Where the engine sends its notifications ({@code lcm-operation-state-change} of {@code
 * yamano-ns}). The server passes its notification bus; the signature is the bus's.
 */
@FunctionalInterface
public interface LcmPublisher {

  /**
   * Publishes one event now.
   *
   * @param namespace the notification's module namespace
   * @param name the notification's local name
   * @param contentXml the notification element, serialised with its namespace declaration
   */
  void publish(String namespace, String name, String contentXml);

  /** Publishes nothing. */
  LcmPublisher NONE = (namespace, name, contentXml) -> {};
}
