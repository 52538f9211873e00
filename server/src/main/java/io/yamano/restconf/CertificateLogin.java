package io.yamano.restconf;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Turns a TLS client certificate chain, already validated against the trust anchors of {@link
 * ClientCertificates}, into a Yamano user (RFC 7589 §7, RFC 7407 §4), or says why it does not.
 */
@FunctionalInterface
public interface CertificateLogin {
  /** Refuses every certificate: for a server without certificate-to-name rules. */
  CertificateLogin NONE = (chain, source) -> new Refused("no certificate-to-name mapping");

  /**
   * Maps a chain.
   *
   * @param chain the client certificate first, then its issuers up to and including the trust
   *     anchor that validated it
   * @param source the client's address, for the audit of a refusal
   */
  Outcome login(List<X509Certificate> chain, String source);

  /** What a certificate login came to. */
  sealed interface Outcome permits User, Refused {}

  /** The certificate maps to this configured user. */
  record User(String name) implements Outcome {
    public User {
      Objects.requireNonNull(name, "name");
    }
  }

  /** The certificate maps to no user; {@code reason} is fit for the client and the audit log. */
  record Refused(String reason) implements Outcome {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
