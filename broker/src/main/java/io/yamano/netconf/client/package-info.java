/**
 * A small NETCONF over SSH client (<a href="https://www.rfc-editor.org/rfc/rfc6242">RFC 6242</a>)
 * on Apache MINA SSHD's {@code SshClient}, sharing Yamano's framing codec with the server. Used by
 * tests and benchmarks: {@link io.yamano.netconf.client.NetconfClient#connect} for one session, a
 * {@link io.yamano.netconf.client.NetconfConnector} for many sessions over one SSH client.
 */
package io.yamano.netconf.client;
