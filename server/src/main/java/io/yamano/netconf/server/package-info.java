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
 */
package io.yamano.netconf.server;
