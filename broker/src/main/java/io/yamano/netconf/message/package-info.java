/**
 * NETCONF messages as XML (<a href="https://www.rfc-editor.org/rfc/rfc6241#section-4">RFC 6241
 * §4</a> and <a href="https://www.rfc-editor.org/rfc/rfc6241#section-8.1">§8.1</a>): hardened
 * reading of one framed message into an immutable {@link io.yamano.netconf.message.XmlElement}
 * tree, the {@link io.yamano.netconf.message.Hello} and {@link
 * io.yamano.netconf.message.RpcRequest} envelopes, and writing of hello, {@code <rpc-reply>} and
 * {@code <rpc-error>} from Yamano's {@link io.yamano.error.RpcError}.
 *
 * <p>Undecodable input raises {@link io.yamano.netconf.message.MalformedMessageException} ({@code
 * malformed-message}); well-formed XML with a wrong envelope raises {@link
 * io.yamano.netconf.message.BadEnvelopeException} with the tag RFC 6241 Appendix A prescribes.
 */
package io.yamano.netconf.message;
