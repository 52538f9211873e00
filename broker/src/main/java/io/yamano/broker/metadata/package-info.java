/**
 * Lifecycle metadata from YANG data: reads the {@code yamano-vnf-lifecycle} module's {@code
 * lifecycle} of a VNFD (inline or by reference) into {@link io.yamano.broker.LifecycleMetadata},
 * applying the module's defaults.
 */
package io.yamano.broker.metadata;
