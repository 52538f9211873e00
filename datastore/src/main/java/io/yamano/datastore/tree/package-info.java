/** Helpers over yangtools' in-memory data tree: change extraction and replay. */
package io.yamano.datastore.tree;
