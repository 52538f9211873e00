package io.yamano.datastore.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A segment channel that runs out of space: once {@code budget} bytes have been written it writes
 * what fits and throws, as a full disk does; optionally its truncate fails too.
 */
final class FaultyChannel extends FileChannel {
  private final FileChannel delegate;
  private long budget;
  private boolean truncateFails;

  FaultyChannel(FileChannel delegate, long budget) {
    this.delegate = delegate;
    this.budget = budget;
  }

  void failTruncate() {
    truncateFails = true;
  }

  void refill(long bytes) {
    budget = bytes;
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    if (budget <= 0) {
      throw new IOException("No space left on device");
    }
    int allowed = (int) Math.min(src.remaining(), budget);
    ByteBuffer part = src.slice(src.position(), allowed);
    int written = delegate.write(part, position);
    src.position(src.position() + written);
    budget -= written;
    return written;
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (truncateFails) {
      throw new IOException("Input/output error");
    }
    delegate.truncate(size);
    return this;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return delegate.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return delegate.read(dsts, offset, length);
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    throw new UnsupportedOperationException("the journal writes at explicit positions");
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    throw new UnsupportedOperationException("the journal writes at explicit positions");
  }

  @Override
  public long position() throws IOException {
    return delegate.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    delegate.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public void force(boolean metaData) throws IOException {
    delegate.force(metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return delegate.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return delegate.read(dst, position);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return delegate.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return delegate.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return delegate.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    delegate.close();
  }
}
