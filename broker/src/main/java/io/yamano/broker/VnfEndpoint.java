package io.yamano.broker;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The management interface of one VNF instance, resolved: what a {@link VnfBroker} connects to.
 *
 * @param vnfInstance the VNF instance's id, for messages
 * @param password {@code null} when a key is used
 * @param privateKeyFile {@code null} when a password is used
 * @param properties broker specific settings
 */
public record VnfEndpoint(
    String vnfInstance,
    String host,
    int port,
    String username,
    String password,
    String privateKeyFile,
    Duration connectTimeout,
    Duration replyTimeout,
    Map<String, String> properties) {
  public VnfEndpoint {
    Objects.requireNonNull(vnfInstance, "vnfInstance");
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(replyTimeout, "replyTimeout");
    properties = Map.copyOf(properties);
  }

  /** {@code host:port}, with brackets around an IPv6 address. */
  public String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    // never print the password
    return "VnfEndpoint[" + vnfInstance + " at " + address() + " as " + username + "]";
  }
}
