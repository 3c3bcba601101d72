package io.coffer.service.ops;

import java.io.EOFException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One client of the live trace ({@link RequestTrace#listen}): the requests its filter matches,
 * through a bounded queue. A reader too slow to keep up loses lines, never slows a request: the
 * lines that did not fit are counted and the reader is told how many.
 */
public final class TraceListener implements AutoCloseable {
  private static final TraceEntry END = new TraceEntry(0, "", "", "", null, 0, 0, 0, 0, "", null);

  private final RequestTrace owner;
  private final TraceFilter filter;
  private final BlockingQueue<TraceEntry> queue;
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  TraceListener(RequestTrace owner, TraceFilter filter, int capacity) {
    this.owner = owner;
    this.filter = filter;
    this.queue = new ArrayBlockingQueue<>(capacity + 1); // one more place, for END
  }

  boolean wants(CompletedRequest request) {
    return !closed && filter.matches(request);
  }

  /** Called on a request's thread: never blocks. */
  void offer(TraceEntry entry) {
    if (queue.remainingCapacity() <= 1 || !queue.offer(entry)) {
      dropped.incrementAndGet();
    }
  }

  /**
   * The next line, waiting at most {@code wait}; null when none came in time.
   *
   * @throws EOFException once the listener is closed
   */
  public @Nullable TraceEntry next(Duration wait) throws InterruptedException, EOFException {
    if (closed && queue.isEmpty()) {
      throw new EOFException("trace closed");
    }
    TraceEntry entry = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    if (entry == END) {
      throw new EOFException("trace closed");
    }
    return entry;
  }

  /** Lines lost since the last call because the reader was too slow (and resets the count). */
  public long takeDropped() {
    return dropped.getAndSet(0);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      queue.offer(END);
      owner.remove(this);
    }
  }
}
