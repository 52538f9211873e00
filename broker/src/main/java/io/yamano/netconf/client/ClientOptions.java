package io.yamano.netconf.client;

import io.yamano.netconf.message.NetconfNamespaces;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a client connects.
 *
 * @param capabilities the capabilities of the client's hello; base:1.0 and base:1.1 by default,
 *     base:1.0 alone to force end-of-message framing
 * @param timeout limit for connecting, authenticating, the hello and each {@code rpc} call
 * @param maxMessageSize largest reply accepted, in bytes
 */
public record ClientOptions(List<String> capabilities, Duration timeout, int maxMessageSize) {
  /** base:1.0 and base:1.1, 30 seconds, 256 MiB. */
  public static final ClientOptions DEFAULT =
      new ClientOptions(
          List.of(NetconfNamespaces.BASE_1_0, NetconfNamespaces.BASE_1_1),
          Duration.ofSeconds(30),
          256 * 1024 * 1024);

  public ClientOptions {
    capabilities = List.copyOf(capabilities);
    Objects.requireNonNull(timeout, "timeout");
    if (capabilities.isEmpty()) {
      throw new IllegalArgumentException("a client announces at least one capability");
    }
  }

  /** These options with other hello capabilities. */
  public ClientOptions withCapabilities(List<String> value) {
    return new ClientOptions(value, timeout, maxMessageSize);
  }

  /** These options with another timeout. */
  public ClientOptions withTimeout(Duration value) {
    return new ClientOptions(capabilities, value, maxMessageSize);
  }
}
