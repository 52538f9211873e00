/**
 * The resource-less VIM: Yamano's embedded default driver, of type {@code resource-less}.
 *
 * <p>It touches no infrastructure, yet behaves like a VIM in everything a plan depends on: capacity
 * per account, zone and host is tracked and enforced, compute is placed on the least-loaded host
 * honouring zone and host pins, attributes and affinity groups, ports get addresses from their
 * network's pools, and every resource gets an id. A {@link
 * io.yamano.vim.resourceless.FailureInjector} makes calls fail on purpose (the Nth call, a matching
 * resource, or at random with a seed) so that heal and rollback can be exercised, and an optional
 * latency imitates a remote VIM.
 *
 * <p>State lives in memory only. After a restart Yamano gives it back with {@link
 * io.yamano.vim.VimConnection#restore}.
 */
package io.yamano.vim.resourceless;
