package io.coffer.s3.handler;

import io.coffer.frontend.LineStream;
import io.coffer.service.notification.LiveListener;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A live listener as a response body: each read blocks until an event or the keep-alive is due and
 * returns just those bytes, so the writer flushes each line as it comes. Ends when the listener is
 * closed (the server stops); closing the stream (the client went away) closes the listener.
 */
final class ListenStream extends LineStream {
  private final LiveListener listener;
  private final Duration keepAlive;
  private final byte[] keepAliveBytes;
  private long nextKeepAlive;

  ListenStream(LiveListener listener, Duration keepAlive, byte[] keepAliveBytes) {
    this.listener = listener;
    this.keepAlive = keepAlive;
    this.keepAliveBytes = keepAliveBytes;
    this.nextKeepAlive = System.nanoTime() + keepAlive.toNanos();
  }

  /** Waits for the next event or keep-alive; null once the listener has ended. */
  @Override
  protected byte @Nullable [] next() throws java.io.IOException {
    try {
      while (true) {
        long wait = nextKeepAlive - System.nanoTime();
        if (wait <= 0) {
          nextKeepAlive = System.nanoTime() + keepAlive.toNanos();
          return keepAliveBytes;
        }
        byte[] line = listener.next(Duration.ofNanos(wait));
        if (line != null) {
          return line;
        }
      }
    } catch (EOFException ended) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("listen interrupted");
    }
  }

  @Override
  public void close() {
    listener.close();
  }
}
