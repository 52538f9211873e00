/**
 * The lifecycle engine's operational state: NS instance state ({@code state} of {@code yamano-ns}:
 * status, VNF and VDU instances, virtual link instances), LCM operation occurrences and the plan
 * journal ({@code yamano-lcm}), written to the operational datastore, which persists them with the
 * same guarantees as configuration.
 */
package io.yamano.lcm.state;
