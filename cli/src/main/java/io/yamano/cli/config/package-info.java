/**
 * Configure mode's working copies: a private candidate (the session's own edits, replayed on
 * running at commit, as {@code configure private}) or the shared NETCONF candidate ({@code
 * configure shared}), and the edits both are made of.
 */
package io.yamano.cli.config;
