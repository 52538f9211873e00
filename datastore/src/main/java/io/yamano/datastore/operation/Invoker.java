package io.yamano.datastore.operation;

import java.util.Objects;

/**
 * Who invokes an operation, for access control, audit and "changed-by" in notifications.
 *
 * @param user the authenticated user name
 * @param sessionId the front end's session id (NETCONF session-id; 0 for internal callers)
 * @param frontEnd the interface the request came in on ({@code netconf}, {@code restconf}, {@code
 *     cli}, {@code internal})
 */
public record Invoker(String user, long sessionId, String frontEnd) {
  public Invoker {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(frontEnd, "frontEnd");
  }

  public static Invoker internal(String user) {
    return new Invoker(user, 0, "internal");
  }
}
