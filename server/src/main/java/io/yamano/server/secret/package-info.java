/**
 * The secret store behind {@code yamano-vim:secret-ref} names: VIM and VNF credentials kept out of
 * the configuration, encrypted at rest with a key that never leaves the data dir.
 */
package io.yamano.server.secret;
