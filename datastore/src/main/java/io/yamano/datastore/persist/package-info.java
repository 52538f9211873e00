/** Durable storage of the datastores: journal of committed changes and snapshots. */
package io.yamano.datastore.persist;
