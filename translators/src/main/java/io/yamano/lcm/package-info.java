/**
 * The lifecycle engine: it reconciles the infrastructure with the {@code ns-instance} entries of
 * running configuration. {@link io.yamano.lcm.LifecycleEngine} subscribes to commits, plans and
 * executes LCM operations asynchronously, records them in operational state and publishes {@code
 * lcm-operation-state-change} notifications; {@link io.yamano.lcm.RealisabilityCheck} refuses at
 * commit time an NS instance that cannot be realised.
 */
package io.yamano.lcm;
