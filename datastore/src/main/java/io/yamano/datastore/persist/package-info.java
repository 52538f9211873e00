/**
 * Durable storage of the datastores: the {@link io.yamano.datastore.persist.CommitLog} contract and
 * its file-based implementation, {@link io.yamano.datastore.persist.JournalFileCommitLog} (an
 * append-only, checksummed journal in segments plus atomically replaced snapshot files).
 */
package io.yamano.datastore.persist;
