package io.yamano.lcm.model;

import java.util.Objects;

/**
 * An affinity or anti-affinity group of a descriptor flavour, or a local rule of a profile (whose
 * id is then derived from its type and scope).
 *
 * @param anti true for anti-affinity
 * @param scope the SOL006 affinity-scope ({@code nfvi-node}, {@code zone} ...)
 */
public record AffinityGroup(String id, boolean anti, String scope) {
  public AffinityGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
  }

  /** Whether the scope is a zone (SOL006 {@code zone} or {@code zone-group}); else a host. */
  public boolean perZone() {
    return scope.startsWith("zone");
  }
}
