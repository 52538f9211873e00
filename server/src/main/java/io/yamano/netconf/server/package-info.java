/**
 * The NETCONF operations layer (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-7">RFC 6241
 * §7</a>, <a href="https://www.rfc-editor.org/rfc/rfc8526">RFC 8526</a>, <a
 * href="https://www.rfc-editor.org/rfc/rfc6022">RFC 6022</a>, <a
 * href="https://www.rfc-editor.org/rfc/rfc8525">RFC 8525</a>): one {@link
 * io.yamano.netconf.server.ServerSession} per NETCONF session turns each {@code <rpc>} into a call
 * of one {@link io.yamano.netconf.server.OperationHandler}, found by the operation's QName, and
 * every handler works only through the session's {@link io.yamano.datastore.DatastoreSession}.
 *
 * <p>Every failure is an {@link io.yamano.error.RpcError} rendered as {@code <rpc-error>} (RFC 6241
 * Appendix A); undecodable input is answered with {@code malformed-message} and the session goes
 * on. Start it with {@link io.yamano.netconf.server.NetconfService}, which is the transport's
 * {@link io.yamano.netconf.transport.NetconfSessionListenerFactory}.
 *
 * <p>Confirmed commit (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.4">RFC 6241
 * §8.4</a>) is served by the commit and cancel-commit handlers; event subscriptions (<a
 * href="https://www.rfc-editor.org/rfc/rfc5277">RFC 5277</a>, with {@code :interleave}) by
 * create-subscription and one {@link io.yamano.netconf.server.Subscription} per subscribed session,
 * fed by the notification bus that also carries the base events of <a
 * href="https://www.rfc-editor.org/rfc/rfc6470">RFC 6470</a>.
 */
package io.yamano.netconf.server;
