/**
 * The plugin SDK: what a VNF vendor implements when lifecycle metadata cannot express a step.
 *
 * <p>Implement {@link io.yamano.broker.sdk.VnfPlugin}, list the class in {@code
 * META-INF/services/io.yamano.broker.sdk.VnfPlugin}, put the jar on Yamano's class path, and name
 * the plugin as the {@code broker} of the VNF's lifecycle metadata; its {@code plugin-call} actions
 * then reach {@link io.yamano.broker.sdk.VnfPlugin#invoke}. The plugin can still use NETCONF and
 * HTTP through its {@link io.yamano.broker.sdk.PluginContext}. Timeouts, retries and error
 * reporting stay the executor's: a plugin only does one attempt and throws {@link
 * io.yamano.broker.BrokerException} with the right reason.
 */
package io.yamano.broker.sdk;
