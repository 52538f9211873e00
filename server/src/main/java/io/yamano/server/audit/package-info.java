/**
 * The audit trail: who started and ended sessions, who committed what (user, interface, time,
 * comment, changed paths) and which accesses were denied, in a rotating file under {@code
 * DATA_DIR/audit} and as {@code yamano-aaa:audit-event} notifications on the event bus. Values are
 * never recorded, only paths, so no credential reaches the trail.
 */
package io.yamano.server.audit;
