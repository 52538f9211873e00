package io.yamano.datastore.nacm;

import java.util.Objects;

/**
 * A denied write, rpc or action, reported to {@link AccessControl#onDenied} listeners (the audit
 * log). Denied reads are pruned silently and not reported (RFC 8341 §3.4.5).
 *
 * @param user who asked
 * @param frontEnd the interface the request came in on
 * @param access what was asked
 * @param target the rpc, action or data node path
 * @param decision why it was denied
 */
public record Denial(
    String user, String frontEnd, Access access, String target, Decision decision) {
  public Denial {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(frontEnd, "frontEnd");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(decision, "decision");
  }
}
