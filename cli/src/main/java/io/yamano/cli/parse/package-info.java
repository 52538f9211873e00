/**
 * Command lines: tokens with their columns, and the schema-driven parser that turns words into
 * instance paths and typed values, or, at the cursor, into the words that may come next (for TAB
 * and {@code ?}).
 */
package io.yamano.cli.parse;
