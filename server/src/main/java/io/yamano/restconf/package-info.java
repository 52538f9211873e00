/**
 * RESTCONF (<a href="https://www.rfc-editor.org/rfc/rfc8040">RFC 8040</a>) over HTTPS on the same
 * datastore as NETCONF: every request is a datastore session of the authenticated user, every edit
 * an ordinary transaction and commit, every error Yamano's one {@link io.yamano.error.RpcError}
 * rendered as the RFC 8040 §7.1 {@code errors} body. Also YANG Patch (RFC 8072), the NMDA
 * datastores (RFC 8527), event streams over Server-Sent Events (RFC 8040 §6) fed by the server's
 * notification bus, and an OpenAPI description of the loaded modules.
 */
package io.yamano.restconf;
