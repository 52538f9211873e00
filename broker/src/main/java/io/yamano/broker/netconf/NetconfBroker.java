package io.yamano.broker.netconf;

import io.yamano.broker.BrokerException;
import io.yamano.broker.VnfBroker;
import io.yamano.broker.VnfEndpoint;
import io.yamano.broker.VnfSession;
import io.yamano.netconf.client.ClientOptions;
import io.yamano.netconf.client.NetconfClient;
import io.yamano.netconf.client.NetconfConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

/**
 * Broker {@code netconf}: one NETCONF session over SSH per lifecycle run, authenticated with the
 * endpoint's password or private key file.
 *
 * <p>Endpoint properties: {@code host-key} — the SSH host key's fingerprint as {@code ssh-keygen
 * -l} prints it ({@code SHA256:...}); when set, any other key is refused. Without it every host key
 * is accepted (lab use).
 */
public final class NetconfBroker implements VnfBroker {

  /** The broker's name in lifecycle metadata. */
  public static final String NAME = "netconf";

  /** Endpoint property: the expected host key fingerprint. */
  public static final String HOST_KEY = "host-key";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public VnfSession open(VnfEndpoint endpoint) throws BrokerException {
    var options = ClientOptions.DEFAULT.withTimeout(endpoint.connectTimeout());
    var connector = NetconfConnector.create(verifier(endpoint), options);
    try {
      NetconfClient client;
      if (endpoint.privateKeyFile() != null) {
        client =
            connector.connect(
                endpoint.host(),
                endpoint.port(),
                endpoint.username(),
                key(endpoint.privateKeyFile()));
      } else {
        client =
            connector.connect(
                endpoint.host(),
                endpoint.port(),
                endpoint.username(),
                endpoint.password() == null ? "" : endpoint.password());
      }
      return new NetconfVnfSession(endpoint, connector, client);
    } catch (IOException | RuntimeException e) {
      closeInBackground(connector);
      throw unreachable(endpoint, e);
    } catch (BrokerException e) {
      closeInBackground(connector);
      throw e;
    }
  }

  /** Stopping an SSH client can take a while; a failed attempt should not wait for it. */
  private static void closeInBackground(NetconfConnector connector) {
    var t = new Thread(connector::close, "yamano-netconf-close");
    t.setDaemon(true);
    t.start();
  }

  private static BrokerException unreachable(VnfEndpoint endpoint, Exception e) {
    String message = rootMessage(e);
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("authentication") || lower.contains("auth ")) {
      return new BrokerException(
          BrokerException.Reason.REFUSED,
          "SSH authentication as '" + endpoint.username() + "' failed: " + message,
          e);
    }
    if (lower.contains("timeout") || lower.contains("timed out") || lower.contains("within")) {
      return new BrokerException(
          BrokerException.Reason.TIMEOUT,
          "no NETCONF session within " + endpoint.connectTimeout() + ": " + message,
          e);
    }
    return new BrokerException(
        BrokerException.Reason.UNREACHABLE, "cannot open a NETCONF session: " + message, e);
  }

  static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && (message == null || !message.contains(t.getMessage()))) {
        message = (message == null ? "" : message + ": ") + t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static KeyPair key(String file) throws BrokerException {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new BrokerException(
          BrokerException.Reason.BAD_METADATA, "private key file " + file + " is not readable");
    }
    try {
      Iterator<KeyPair> keys = new FileKeyPairProvider(path).loadKeys(null).iterator();
      if (!keys.hasNext()) {
        throw new BrokerException(
            BrokerException.Reason.BAD_METADATA, "no key in private key file " + file);
      }
      return keys.next();
    } catch (RuntimeException e) {
      throw new BrokerException(
          BrokerException.Reason.BAD_METADATA,
          "private key file " + file + " cannot be read: " + e.getMessage(),
          e);
    }
  }

  private static ServerKeyVerifier verifier(VnfEndpoint endpoint) {
    String expected = endpoint.properties().get(HOST_KEY);
    if (expected == null || expected.isBlank()) {
      return (session, address, key) -> true;
    }
    return (session, address, key) -> matches(expected.trim(), key);
  }

  private static boolean matches(String expected, PublicKey key) {
    return expected.equals(KeyUtils.getFingerPrint(key));
  }
}
