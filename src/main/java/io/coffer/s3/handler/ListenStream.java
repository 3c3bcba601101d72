package io.coffer.s3.handler;

import io.coffer.service.notification.LiveListener;
import java.io.EOFException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * A live listener as a response body: each read blocks until an event or the keep-alive is due and
 * returns just those bytes, so the writer flushes each line as it comes. Ends when the listener is
 * closed (the server stops); closing the stream (the client went away) closes the listener.
 */
final class ListenStream extends InputStream {
  private final LiveListener listener;
  private final Duration keepAlive;
  private final byte[] keepAliveBytes;
  private byte[] pending = new byte[0];
  private int position;
  private long nextKeepAlive;

  ListenStream(LiveListener listener, Duration keepAlive, byte[] keepAliveBytes) {
    this.listener = listener;
    this.keepAlive = keepAlive;
    this.keepAliveBytes = keepAliveBytes;
    this.nextKeepAlive = System.nanoTime() + keepAlive.toNanos();
  }

  @Override
  public int read() throws java.io.IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws java.io.IOException {
    if (len == 0) {
      return 0;
    }
    if (position >= pending.length && !fill()) {
      return -1;
    }
    int n = Math.min(len, pending.length - position);
    System.arraycopy(pending, position, b, off, n);
    position += n;
    return n;
  }

  /** Waits for the next event or keep-alive; false once the listener has ended. */
  private boolean fill() throws java.io.IOException {
    try {
      while (true) {
        long wait = nextKeepAlive - System.nanoTime();
        if (wait <= 0) {
          nextKeepAlive = System.nanoTime() + keepAlive.toNanos();
          return take(keepAliveBytes);
        }
        byte[] line = listener.next(Duration.ofNanos(wait));
        if (line != null) {
          return take(line);
        }
      }
    } catch (EOFException ended) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("listen interrupted");
    }
  }

  private boolean take(byte[] bytes) {
    pending = bytes;
    position = 0;
    return true;
  }

  @Override
  public void close() {
    listener.close();
  }
}
