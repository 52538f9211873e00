/**
 * The YANG rpcs of module {@code yamano-packages} ({@code onboard-package}, {@code delete-package})
 * as handlers registered with the datastore's operation registry, so that every front end (NETCONF,
 * RESTCONF, CLI) reaches onboarding the same way.
 */
package io.yamano.onboarding.service;
