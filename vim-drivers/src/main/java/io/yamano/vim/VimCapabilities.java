package io.yamano.vim;

import java.util.Set;

/**
 * What a VIM connection supports; the placement engine consults it before it plans.
 *
 * @param resourceKinds the kinds it can create
 * @param affinityScopes the scopes of affinity rules it honours (empty: affinity rules are refused)
 * @param reservations whether {@link VimConnection#reserve} holds capacity
 * @param staticAddresses whether a port may ask for a given address
 * @param attributeScheduling whether {@link Placement#requiredAttributes()} are matched
 * @param infrastructureBacked whether resources exist outside Yamano (so {@link
 *     VimConnection#listOwned()} is the truth); {@code false} means Yamano's persisted state is the
 *     truth and must be given back with {@link VimConnection#restore} after a restart
 */
public record VimCapabilities(
    Set<ResourceKind> resourceKinds,
    Set<AffinityRule.Scope> affinityScopes,
    boolean reservations,
    boolean staticAddresses,
    boolean attributeScheduling,
    boolean infrastructureBacked) {

  public VimCapabilities {
    resourceKinds = Set.copyOf(resourceKinds);
    affinityScopes = Set.copyOf(affinityScopes);
  }
}
