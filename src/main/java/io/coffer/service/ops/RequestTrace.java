package io.coffer.service.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live request trace (as {@code mc admin trace}): every S3 request, as it completes, goes to
 * the listeners whose filter it matches. Free while nobody listens: {@link #completed} then reads
 * one volatile field (the listener list's array) and returns. Not kept: a line nobody was listening
 * for is gone.
 */
public final class RequestTrace implements RequestObserver, AutoCloseable {
  /** Lines a listener may fall behind by before it loses some. */
  static final int QUEUE = 1000;

  private final List<TraceListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  @Override
  public void completed(CompletedRequest request) {
    if (listeners.isEmpty()) {
      return;
    }
    TraceEntry entry = null;
    for (TraceListener listener : listeners) {
      if (listener.wants(request)) {
        if (entry == null) {
          entry = TraceEntry.of(request);
        }
        listener.offer(entry);
      }
    }
  }

  /** Starts listening; the caller closes the listener. */
  public TraceListener listen(TraceFilter filter) {
    TraceListener listener = new TraceListener(this, filter, QUEUE);
    listeners.add(listener);
    if (closed) {
      listener.close();
    }
    return listener;
  }

  /** How many clients are tracing now. */
  public int listening() {
    return listeners.size();
  }

  void remove(TraceListener listener) {
    listeners.remove(listener);
  }

  /** Ends every listener's stream (the server is stopping). */
  @Override
  public void close() {
    closed = true;
    for (TraceListener listener : listeners) {
      listener.close();
    }
  }
}
