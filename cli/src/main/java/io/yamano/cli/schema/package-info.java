/**
 * The CLI's view of the loaded YANG modules: the words a user types for each data node (with
 * choices and cases made transparent), help texts, and conversion of typed text to leaf values and
 * back.
 */
package io.yamano.cli.schema;
