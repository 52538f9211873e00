package io.yamano.server;

import io.yamano.netconf.transport.UserAuthenticator;
import io.yamano.restconf.CertificateLogin;
import io.yamano.server.audit.AuditLog;
import io.yamano.server.auth.ExternalAuthenticator;
import io.yamano.server.auth.LoginThrottle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Logins checked against the users of {@code yamano-aaa} (read at each login): passwords (PBKDF2
 * hashes) with throttling per user and source, an optional external authenticator for users without
 * a local password, public keys from {@code authorized-key}, and RESTCONF's TLS client certificates
 * through {@code /cert-maps/cert-to-name} (RFC 7589 §7, RFC 7407 §4). Failures are audited.
 */
final class LoginCheck implements UserAuthenticator {
  private final Users users;
  private final LoginThrottle throttle;
  private final Optional<ExternalAuthenticator> external;
  private final AuditLog audit;

  LoginCheck(
      Users users,
      LoginThrottle throttle,
      Optional<ExternalAuthenticator> external,
      AuditLog audit) {
    this.users = users;
    this.throttle = throttle;
    this.external = external;
    this.audit = audit;
  }

  /** The one external authenticator on the class path, if any; two is a configuration error. */
  static Optional<ExternalAuthenticator> externalAuthenticator() {
    var found = ServiceLoader.load(ExternalAuthenticator.class).stream().toList();
    if (found.size() > 1) {
      throw new IllegalStateException(
          "more than one external authenticator on the class path: "
              + found.stream().map(p -> p.type().getName()).toList());
    }
    return found.stream().findFirst().map(ServiceLoader.Provider::get);
  }

  @Override
  public boolean checkPassword(String username, String password) {
    return checkPassword(username, password, null);
  }

  @Override
  public boolean checkPassword(String username, String password, SocketAddress source) {
    String host =
        source instanceof InetSocketAddress a && a.getAddress() != null
            ? a.getAddress().getHostAddress()
            : String.valueOf(source);
    if (throttle.before(username, host) instanceof LoginThrottle.Verdict.Blocked blocked) {
      audit.loginFailed(username, host, "throttled until " + blocked.until());
      return false;
    }
    boolean ok = users.checkPassword(username, password);
    if (!ok && external.isPresent() && users.exists(username) && !users.hasPassword(username)) {
      ok = external.get().authenticate(username, password, source);
    }
    throttle.after(username, host, ok);
    if (!ok) {
      audit.loginFailed(username, host, "wrong user or password");
    }
    return ok;
  }

  /**
   * Maps a validated client certificate chain to a configured user; a certificate that maps to no
   * entry, or to a name that is no user, is refused and audited.
   */
  CertificateLogin.Outcome checkCertificate(List<X509Certificate> chain, String source) {
    String subject = chain.get(0).getSubjectX500Principal().getName();
    var mapping = users.certToName().map(chain);
    if (mapping.isEmpty()) {
      String reason = "no cert-to-name entry matched";
      audit.loginFailed(subject, source, "client certificate: " + reason, "restconf");
      return new CertificateLogin.Refused(reason);
    }
    String user = mapping.get().name();
    if (!users.exists(user)) {
      String reason =
          "cert-to-name entry " + mapping.get().entry() + " gives '" + user + "', not a user";
      audit.loginFailed(user, source, "client certificate " + subject + ": " + reason, "restconf");
      return new CertificateLogin.Refused(reason);
    }
    return new CertificateLogin.User(user);
  }

  @Override
  public Collection<PublicKey> authorizedKeys(String username) {
    List<PublicKey> keys = new ArrayList<>();
    for (String line : users.authorizedKeys(username)) {
      try {
        var entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
        if (entry != null) {
          keys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
        }
      } catch (Exception e) {
        // a key line that does not parse grants nothing
      }
    }
    return keys;
  }
}
