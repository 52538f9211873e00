package io.yamano.netconf.transport;

import java.security.PublicKey;
import java.util.Collection;
import java.util.List;

/**
 * Decides who may open an SSH session (<a href="https://www.rfc-editor.org/rfc/rfc4252">RFC
 * 4252</a> password and public-key methods). Implemented by Yamano's user store. Called on SSH IO
 * threads: answer quickly.
 */
public interface UserAuthenticator {

  /** True if {@code password} is the password of {@code username}. */
  boolean checkPassword(String username, String password);

  /**
   * As {@link #checkPassword(String, String)}, knowing where the attempt comes from (for login
   * throttling per user and source).
   */
  default boolean checkPassword(String username, String password, java.net.SocketAddress source) {
    return checkPassword(username, password);
  }

  /** The public keys {@code username} may log in with; none by default. */
  default Collection<PublicKey> authorizedKeys(String username) {
    return List.of();
  }
}
