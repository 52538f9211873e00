/**
 * Format-neutral reading of descriptor documents: XML, RFC 7951 JSON and YAML all become a tree of
 * {@link io.yamano.onboarding.source.SourceNode}s that keeps each scalar's text exactly as written
 * ({@code version: 1.0} stays {@code "1.0"}) together with how it was written.
 */
package io.yamano.onboarding.source;
