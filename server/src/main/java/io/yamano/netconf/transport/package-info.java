/**
 * NETCONF over SSH (<a href="https://www.rfc-editor.org/rfc/rfc6242">RFC 6242</a>) on Apache MINA
 * SSHD: the {@code netconf} subsystem, host keys, authentication, session limits and the hello
 * exchange.
 *
 * <p>The SSH classes only move bytes: each channel's input goes through a {@link
 * io.yamano.netconf.framing.FrameReader}; after the hello exchange (and the switch to chunked
 * framing when both peers announce base:1.1) every message is handed, in order and off the SSH IO
 * threads, to the {@link io.yamano.netconf.transport.NetconfSessionListener} that a {@link
 * io.yamano.netconf.transport.NetconfSessionListenerFactory} created for that session. Start a
 * server with {@link io.yamano.netconf.transport.NetconfSshServer#start}.
 */
package io.yamano.netconf.transport;
