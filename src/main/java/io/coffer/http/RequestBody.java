package io.coffer.http;

import io.coffer.concurrent.NonBlocking;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The body of a request as a blocking stream. The event loop offers chunks as they arrive; the
 * handler's thread takes them. The connection is read only while fewer than {@link #HIGH_WATER}
 * bytes wait here, so memory per connection stays bounded whatever the object size.
 */
final class RequestBody extends InputStream {
  static final int HIGH_WATER = 512 * 1024;

  /** What the body asks of its connection, called from the handler's thread. */
  interface Demand {
    /** Read more from the socket (the event loop decides whether the body still wants it). */
    void more();

    /** Send "100 Continue" once, before the first read of a body the client holds back. */
    void sendContinue();
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
  private final long declaredLength;
  private final Demand demand;
  private boolean continuePending;
  private long buffered;
  private long received;
  private boolean ended;
  private boolean discarding;
  private @Nullable IOException failure;
  private boolean timedOut;
  private boolean timeoutSeen;

  RequestBody(long declaredLength, boolean expectContinue, Demand demand) {
    this.declaredLength = declaredLength;
    this.continuePending = expectContinue;
    this.demand = demand;
  }

  long declaredLength() {
    return declaredLength;
  }

  // ---- event loop side ----

  void offer(ByteBuf chunk) {
    lock.lock();
    try {
      received += chunk.readableBytes();
      if (discarding || failure != null) {
        chunk.release();
        return;
      }
      chunks.add(chunk);
      buffered += chunk.readableBytes();
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void end() {
    lock.lock();
    try {
      ended = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void fail(IOException cause) {
    lock.lock();
    try {
      if (!ended && failure == null) {
        failure = cause;
      }
      releaseAll();
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fails the body because the client stopped sending it (the body timeout).
   *
   * @return false when the body had already ended or failed
   */
  boolean timeOut(IOException cause) {
    lock.lock();
    try {
      if (ended || failure != null) {
        return false;
      }
      timedOut = true;
      failure = cause;
      releaseAll();
      arrived.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the body failed before its end (timed out, malformed, connection lost). */
  boolean hasFailed() {
    lock.lock();
    try {
      return failure != null;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a read of this body failed because the client stopped sending it. */
  boolean timeoutSeen() {
    lock.lock();
    try {
      return timeoutSeen;
    } finally {
      lock.unlock();
    }
  }

  boolean wantsMore() {
    lock.lock();
    try {
      return !ended && failure == null && (discarding || buffered < HIGH_WATER);
    } finally {
      lock.unlock();
    }
  }

  boolean isEnded() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }

  boolean isContinuePending() {
    lock.lock();
    try {
      return continuePending;
    } finally {
      lock.unlock();
    }
  }

  long bytesReceived() {
    lock.lock();
    try {
      return received;
    } finally {
      lock.unlock();
    }
  }

  /** Drops what is buffered and whatever still arrives: the handler is done with the body. */
  void discard() {
    lock.lock();
    try {
      discarding = true;
      releaseAll();
    } finally {
      lock.unlock();
    }
  }

  private void releaseAll() {
    ByteBuf chunk;
    while ((chunk = chunks.poll()) != null) {
      chunk.release();
    }
    buffered = 0;
  }

  // ---- handler side ----

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    boolean askForMore = false;
    lock.lock();
    try {
      if (continuePending) {
        continuePending = false;
        demand.sendContinue();
      }
      while (chunks.isEmpty()) {
        if (failure != null) {
          timeoutSeen |= timedOut;
          throw failure;
        }
        if (ended || discarding) {
          return -1;
        }
        NonBlocking.mayBlock(); // the bytes come through the event loop: never wait on it
        demand.more();
        arrived.awaitUninterruptibly();
      }
      int copied = 0;
      while (copied < length && !chunks.isEmpty()) {
        ByteBuf head = chunks.peek();
        int n = Math.min(length - copied, head.readableBytes());
        head.readBytes(target, offset + copied, n);
        copied += n;
        if (!head.isReadable()) {
          chunks.poll().release();
        }
      }
      long before = buffered;
      buffered -= copied;
      askForMore = before >= HIGH_WATER / 2 && buffered < HIGH_WATER / 2 && !ended;
      return copied;
    } finally {
      lock.unlock();
      if (askForMore) {
        demand.more();
      }
    }
  }

  @Override
  public int available() {
    lock.lock();
    try {
      return (int) Math.min(Integer.MAX_VALUE, buffered);
    } finally {
      lock.unlock();
    }
  }
}
