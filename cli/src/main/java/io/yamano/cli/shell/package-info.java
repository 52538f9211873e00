/**
 * The interactive CLI on a terminal: JLine line editing, history, TAB completion and {@code ?} help
 * over a {@link io.yamano.cli.CliSession}. The terminal is whatever carries it (an SSH shell
 * channel in the server).
 */
package io.yamano.cli.shell;
