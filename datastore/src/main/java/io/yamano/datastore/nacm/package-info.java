/**
 * NETCONF Access Control (<a href="https://www.rfc-editor.org/rfc/rfc8341">RFC 8341</a>), one
 * engine for every front end. {@link io.yamano.datastore.nacm.AccessControl} reads the {@code
 * ietf-netconf-acm} configuration from running (rebuilt when it changes) and hands out a {@link
 * io.yamano.datastore.nacm.UserAccess} per user: read pruning of data trees (§3.4.5), write checks
 * of change sets (§3.4.5), exec checks of rpcs and actions (§3.4.4) and notification checks
 * (§3.4.6), each answerable as an explanation naming the deciding rule.
 *
 * <p>Writes and operation invocations are enforced inside the datastore ({@link
 * io.yamano.datastore.Transaction} commits and {@link io.yamano.datastore.operation.Operations});
 * front ends prune what they read with {@link io.yamano.datastore.DatastoreSession#access()} and
 * check notifications before delivery.
 */
package io.yamano.datastore.nacm;
