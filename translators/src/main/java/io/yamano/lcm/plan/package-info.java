/**
 * Planning: from the desired {@link io.yamano.lcm.plan.Layout} of an NS instance and its {@link
 * io.yamano.lcm.plan.ActualNs actual state}, the {@link io.yamano.lcm.plan.Planner} computes a
 * {@link io.yamano.lcm.plan.Plan}, a DAG of {@link io.yamano.lcm.plan.Step steps} each with an
 * {@link io.yamano.lcm.plan.Undo}. Everything here is pure: no datastore, no VIM.
 */
package io.yamano.lcm.plan;
