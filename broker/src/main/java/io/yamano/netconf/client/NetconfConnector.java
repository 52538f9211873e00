package io.yamano.netconf.client;

import java.io.IOException;
import java.security.KeyPair;
import java.util.Objects;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Opens NETCONF sessions over one shared SSH client (its IO threads serve every session). Close it
 * after its sessions.
 */
public final class NetconfConnector implements AutoCloseable {
  /** Accepts every host key, silently. */
  private static final ServerKeyVerifier ANY_HOST = (session, address, key) -> true;

  private final SshClient ssh;
  private final ClientOptions options;

  private NetconfConnector(ServerKeyVerifier verifier, ClientOptions options) {
    this.options = Objects.requireNonNull(options);
    ssh = newClient(verifier);
  }

  /**
   * A connector that accepts any server host key: for tests and benchmarks against a server the
   * caller started, not for production use.
   */
  public static NetconfConnector trustingAnyHost(ClientOptions options) {
    return new NetconfConnector(ANY_HOST, options);
  }

  /** A connector checking host keys with {@code verifier}. */
  public static NetconfConnector create(ServerKeyVerifier verifier, ClientOptions options) {
    return new NetconfConnector(verifier, options);
  }

  /** Connects, authenticates with a password and exchanges hellos. */
  public NetconfClient connect(String host, int port, String username, String password)
      throws IOException {
    return NetconfClient.open(ssh, false, host, port, username, password, options);
  }

  /** Connects, authenticates with a public key and exchanges hellos. */
  public NetconfClient connect(String host, int port, String username, KeyPair key)
      throws IOException {
    return NetconfClient.open(ssh, false, host, port, username, key, options);
  }

  @Override
  public void close() {
    ssh.stop();
  }

  static SshClient privateClient() {
    return newClient(ANY_HOST);
  }

  /** The reason the server gave when it disconnected, kept to explain a failed connect. */
  static final AttributeRepository.AttributeKey<String> DISCONNECT_REASON =
      new AttributeRepository.AttributeKey<>();

  private static SshClient newClient(ServerKeyVerifier verifier) {
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
    ssh.setServerKeyVerifier(verifier);
    ssh.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionDisconnect(
              Session session, int reason, String msg, String language, boolean initiator) {
            if (!initiator && msg != null && !msg.isEmpty()) {
              session.setAttribute(DISCONNECT_REASON, msg);
            }
          }
        });
    ssh.start();
    return ssh;
  }
}
