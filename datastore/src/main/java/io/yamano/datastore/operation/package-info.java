/**
 * YANG rpcs and actions (RFC 7950 §7.14, §7.15): the one place every front end sends an invocation
 * and every provider (the lifecycle engine, brokers) registers a handler. Front ends parse the
 * input with the operation's own schema and render the output and {@link
 * io.yamano.error.RpcException}s in their own syntax; they never call a provider directly.
 */
package io.yamano.datastore.operation;
