/**
 * Yamano's command line, generated from the loaded YANG modules: operational mode ({@code show},
 * {@code request}) and configure mode ({@code set}, {@code delete}, {@code commit} ...) on a
 * private or the shared candidate, with completion and help for every word. {@link
 * io.yamano.cli.CliSession} runs command lines without a terminal; {@link io.yamano.cli.shell} puts
 * it behind JLine on an SSH channel.
 */
package io.yamano.cli;
