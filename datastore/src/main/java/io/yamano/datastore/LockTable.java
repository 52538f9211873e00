package io.yamano.datastore;

import io.yamano.error.ErrorTag;
import io.yamano.error.RpcError;
import io.yamano.error.RpcException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Who holds the lock of each datastore (RFC 6241 §7.5): at most one session per datastore. */
final class LockTable {
  private final Map<DatastoreName, Long> holders = new EnumMap<>(DatastoreName.class);

  synchronized void lock(DatastoreName name, long sessionId) throws RpcException {
    Long holder = holders.get(name);
    if (holder != null) {
      throw new RpcException(
          RpcError.protocol(
                  ErrorTag.LOCK_DENIED,
                  "the "
                      + name.yangName()
                      + " datastore is locked by session "
                      + holder
                      + (holder == sessionId ? " (this session)" : ""))
              .withInfo("session-id", Long.toString(holder)));
    }
    holders.put(name, sessionId);
  }

  synchronized void unlock(DatastoreName name, long sessionId) throws RpcException {
    Long holder = holders.get(name);
    if (holder == null || holder != sessionId) {
      throw new RpcException(
          RpcError.protocol(
              ErrorTag.OPERATION_FAILED,
              "this session does not hold the lock of the " + name.yangName() + " datastore"));
    }
    holders.remove(name);
  }

  synchronized Optional<Long> holder(DatastoreName name) {
    return Optional.ofNullable(holders.get(name));
  }

  /** Fails with {@code in-use} if another session holds the lock (RFC 6241 §7.5). */
  synchronized void checkWritable(DatastoreName name, long sessionId) throws RpcException {
    Long holder = holders.get(name);
    if (holder != null && holder != sessionId) {
      throw new RpcException(
          RpcError.protocol(
                  ErrorTag.IN_USE,
                  "the " + name.yangName() + " datastore is locked by session " + holder)
              .withInfo("session-id", Long.toString(holder)));
    }
  }

  synchronized void releaseAll(long sessionId) {
    holders.values().removeIf(h -> h == sessionId);
  }
}
