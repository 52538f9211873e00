package io.yamano.server;

import io.yamano.netconf.transport.UserAuthenticator;
import io.yamano.server.audit.AuditLog;
import io.yamano.server.auth.ExternalAuthenticator;
import io.yamano.server.auth.LoginThrottle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * SSH logins checked against the users of {@code yamano-aaa} (read at each login): passwords
 * (PBKDF2 hashes) with throttling per user and source, an optional external authenticator for users
 * without a local password, public keys from {@code authorized-key}. Failures are audited.
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
