/**
 * NETCONF data codecs: pure functions between the XML of NETCONF requests and replies and yangtools
 * {@code NormalizedNode} trees, over one {@code EffectiveModelContext}.
 *
 * <ul>
 *   <li>{@link io.yamano.netconf.data.EditConfigParser} turns the {@code <config>} of {@code
 *       <edit-config>} into ordered {@link io.yamano.netconf.data.EditOperation}s (<a
 *       href="https://www.rfc-editor.org/rfc/rfc6241#section-7.2">RFC 6241 §7.2</a>);
 *   <li>{@link io.yamano.netconf.data.SubtreeFilter} selects data with a subtree filter (<a
 *       href="https://www.rfc-editor.org/rfc/rfc6241#section-6">RFC 6241 §6</a>); {@link
 *       io.yamano.netconf.data.XPathFilter} is where an XPath evaluator plugs in;
 *   <li>{@link io.yamano.netconf.data.DataWriter} streams data as {@code <data>} content with the
 *       with-defaults modes of <a href="https://www.rfc-editor.org/rfc/rfc6243#section-3">RFC 6243
 *       §3</a>;
 *   <li>{@link io.yamano.netconf.data.ErrorPathWriter} renders an {@code error-path}.
 * </ul>
 *
 * <p>Nothing here knows about sessions, framing or transport; every fault becomes an {@link
 * io.yamano.error.RpcError} with its RFC 6241 Appendix A meaning.
 */
package io.yamano.netconf.data;
