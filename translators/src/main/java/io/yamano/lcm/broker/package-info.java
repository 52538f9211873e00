/**
 * Where the lifecycle engine meets the VNF brokers: {@link io.yamano.lcm.broker.VnfLifecycles} runs
 * a VNF's lifecycle metadata when a plan's configure step runs (event {@code instantiated}, {@code
 * scaled}, {@code healed}, {@code upgrading} or {@code terminating}) and serves the {@code
 * execute-primitive} action of VNF instances, recording each run as an LCM operation occurrence.
 */
package io.yamano.lcm.broker;
