package io.yamano.server.auth;

import java.net.SocketAddress;

/**
 * An optional external password check (RADIUS, LDAP, PAM ... behind a small adapter), found with
 * {@link java.util.ServiceLoader} from {@code
 * META-INF/services/io.yamano.server.auth.ExternalAuthenticator} on the class path. It is asked
 * only for users that exist in {@code yamano-aaa} (their NACM groups and keys live there) and have
 * no local password; a local password always wins. More than one on the class path is a start-up
 * error.
 */
public interface ExternalAuthenticator {
  /** A short name for logs and the audit trail. */
  String name();

  /** True if the external system accepts the password; called on SSH threads: answer quickly. */
  boolean authenticate(String user, String password, SocketAddress source);
}
