package io.yamano.netconf.transport;

import io.yamano.netconf.message.NetconfNamespaces;
import io.yamano.netconf.message.XmlLimits;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the NETCONF SSH server, immutable and checked once. Build with {@link #builder}.
 *
 * @param bindAddress address and port to listen on; port 0 picks a free port. Default {@code
 *     0.0.0.0:830} (RFC 6242 §3)
 * @param hostKeyDirectory directory of the persistent host keys ({@code ssh_host_rsa_key}, RSA
 *     3072, and {@code ssh_host_ed25519_key}), created on first start. Required
 * @param maxSessions most authenticated SSH connections and most NETCONF sessions at a time; more
 *     are refused with a reason. Default 100
 * @param idleTimeout an SSH connection without traffic for this long is closed. Default 1 hour
 * @param maxMessageSize largest NETCONF message accepted, in bytes. Default 64 MiB
 * @param xmlLimits limits for parsing the client's hello. Default {@link XmlLimits#DEFAULT}
 * @param capabilities capabilities announced in the server's hello besides base:1.0 and base:1.1
 *     (which are always first). Default none
 * @param chunkedFraming whether to announce base:1.1 (chunked framing). Default true
 * @param workerThreads threads handling messages for all sessions. Default twice the processors, at
 *     least 4
 * @param messageTimeout the client's hello must arrive within this long of the session's start, and
 *     every message within this long of its first byte; a session that trickles bytes slower
 *     (slowloris) is closed. Default 2 minutes
 */
public record NetconfServerConfig(
    InetSocketAddress bindAddress,
    Path hostKeyDirectory,
    int maxSessions,
    Duration idleTimeout,
    int maxMessageSize,
    XmlLimits xmlLimits,
    List<String> capabilities,
    boolean chunkedFraming,
    int workerThreads,
    Duration messageTimeout) {

  public NetconfServerConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(hostKeyDirectory, "hostKeyDirectory");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(xmlLimits, "xmlLimits");
    capabilities = List.copyOf(capabilities);
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be positive: " + maxSessions);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
    if (maxMessageSize < 1024) {
      throw new IllegalArgumentException("maxMessageSize below 1024: " + maxMessageSize);
    }
    Objects.requireNonNull(messageTimeout, "messageTimeout");
    if (messageTimeout.isNegative() || messageTimeout.isZero()) {
      throw new IllegalArgumentException("messageTimeout must be positive: " + messageTimeout);
    }
    if (workerThreads < 1) {
      throw new IllegalArgumentException("workerThreads must be positive: " + workerThreads);
    }
  }

  /** The capabilities of the server's hello: base:1.0, base:1.1 if enabled, then the others. */
  public List<String> helloCapabilities() {
    var all = new ArrayList<String>();
    all.add(NetconfNamespaces.BASE_1_0);
    if (chunkedFraming) {
      all.add(NetconfNamespaces.BASE_1_1);
    }
    for (String c : capabilities) {
      if (!all.contains(c)
          && !c.equals(NetconfNamespaces.BASE_1_0)
          && !c.equals(NetconfNamespaces.BASE_1_1)) {
        all.add(c);
      }
    }
    return all;
  }

  /** A builder with the defaults; {@link Builder#hostKeyDirectory} must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NetconfServerConfig}; each setter documents nothing beyond the record. */
  public static final class Builder {
    private InetSocketAddress bindAddress = new InetSocketAddress(830);
    private Path hostKeyDirectory;
    private int maxSessions = 100;
    private Duration idleTimeout = Duration.ofHours(1);
    private int maxMessageSize = 64 * 1024 * 1024;
    private XmlLimits xmlLimits = XmlLimits.DEFAULT;
    private List<String> capabilities = List.of();
    private boolean chunkedFraming = true;
    private int workerThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private Duration messageTimeout = Duration.ofMinutes(2);

    private Builder() {}

    public Builder bindAddress(InetSocketAddress value) {
      bindAddress = value;
      return this;
    }

    public Builder bindAddress(String host, int port) {
      return bindAddress(new InetSocketAddress(host, port));
    }

    public Builder hostKeyDirectory(Path value) {
      hostKeyDirectory = value;
      return this;
    }

    public Builder maxSessions(int value) {
      maxSessions = value;
      return this;
    }

    public Builder idleTimeout(Duration value) {
      idleTimeout = value;
      return this;
    }

    public Builder maxMessageSize(int value) {
      maxMessageSize = value;
      return this;
    }

    public Builder xmlLimits(XmlLimits value) {
      xmlLimits = value;
      return this;
    }

    public Builder capabilities(List<String> value) {
      capabilities = value;
      return this;
    }

    public Builder chunkedFraming(boolean value) {
      chunkedFraming = value;
      return this;
    }

    public Builder workerThreads(int value) {
      workerThreads = value;
      return this;
    }

    public Builder messageTimeout(Duration value) {
      messageTimeout = value;
      return this;
    }

    /** The checked configuration. */
    public NetconfServerConfig build() {
      return new NetconfServerConfig(
          bindAddress,
          hostKeyDirectory,
          maxSessions,
          idleTimeout,
          maxMessageSize,
          xmlLimits,
          capabilities,
          chunkedFraming,
          workerThreads,
          messageTimeout);
    }
  }
}
