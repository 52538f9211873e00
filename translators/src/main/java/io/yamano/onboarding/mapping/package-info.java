/**
 * Schema-driven mapping of format-neutral {@link io.yamano.onboarding.source.SourceNode} trees onto
 * Yamano's SOL006 model ({@code yamano-nfv}), with the rewrites between SOL006 versions, the
 * conversions of OSM's older {@code _im} format and of SOL001 TOSCA, type coercion and documented
 * defaults. Every change is recorded as a {@link io.yamano.onboarding.Deviation}.
 */
package io.yamano.onboarding.mapping;
