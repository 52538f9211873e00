/**
 * What the lifecycle engine reads from the configuration, as plain records: VNF and NS descriptors
 * (the subset of ETSI GS NFV-SOL 006 that placement and planning use), NS instance choices and VIM
 * accounts. {@link io.yamano.lcm.model.ConfigReader} turns the datastore's trees into these
 * records; the planner only ever sees the records, so it is tested without a datastore.
 */
package io.yamano.lcm.model;
