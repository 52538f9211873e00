/**
 * Output of the CLI: configuration and state as CLI text (braces, Junos style), tables for lists,
 * XML and JSON (RFC 7950 / RFC 7951 encodings), diffs of pending changes, and errors in CLI words.
 */
package io.yamano.cli.render;
