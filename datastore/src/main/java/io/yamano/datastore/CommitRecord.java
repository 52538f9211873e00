package io.yamano.datastore;

import java.time.Instant;

/**
 * One entry of the commit history, as shown to operators.
 *
 * @param sequence the commit's sequence number
 * @param datastore the datastore committed to
 * @param user who committed
 * @param time when
 * @param comment the comment given with the commit
 * @param changedNodes how many subtrees the commit changed
 */
public record CommitRecord(
    long sequence,
    DatastoreName datastore,
    String user,
    Instant time,
    String comment,
    int changedNodes) {}
