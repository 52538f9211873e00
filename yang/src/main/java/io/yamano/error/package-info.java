/**
 * Yamano's one error model: every layer raises {@link io.yamano.error.RpcError}s with their NETCONF
 * meaning (RFC 6241 Appendix A) and every front end renders them.
 */
package io.yamano.error;
