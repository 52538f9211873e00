package io.yamano.datastore.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Test seams around the journal's writes: crash tests halt the JVM at a chosen point, fault tests
 * wrap the segment channel. Production code uses {@link #NONE}.
 */
interface AppendHooks {
  AppendHooks NONE = new AppendHooks() {};

  /** Wraps each segment channel as it is opened for appending. */
  default FileChannel wrap(FileChannel channel) throws IOException {
    return channel;
  }

  /** Runs just before {@code frame} is written at {@code offset}. */
  default void beforeWrite(FileChannel channel, ByteBuffer frame, long offset) throws IOException {}

  /** Runs once the frame is written and forced, before the append returns. */
  default void afterForce() {}
}
