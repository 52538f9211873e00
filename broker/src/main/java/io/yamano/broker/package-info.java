/**
 * VNF brokers: the VNF's own lifecycle (states, events, transitions, actions) declared as {@link
 * io.yamano.broker.LifecycleMetadata} and executed by {@link io.yamano.broker.LifecycleExecutor}
 * through a {@link io.yamano.broker.VnfBroker} that speaks the VNF's management protocol (NETCONF,
 * REST, or a vendor plugin written with {@link io.yamano.broker.sdk}).
 *
 * <p>The executor never hangs: every action has a timeout, transient failures (unreachable address,
 * timeout, a check not yet satisfied) are retried with exponential backoff, and a failure is a
 * {@link io.yamano.broker.BrokerException} naming the VNF, its address and what it answered.
 */
package io.yamano.broker;
