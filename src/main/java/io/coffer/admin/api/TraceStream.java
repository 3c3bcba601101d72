package io.coffer.admin.api;

import io.coffer.admin.api.body.OpsBodies.DroppedLine;
import io.coffer.admin.api.body.OpsBodies.TraceLine;
import io.coffer.admin.json.StrictJson;
import io.coffer.service.ops.TraceEntry;
import io.coffer.service.ops.TraceListener;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A trace listener as a response body of newline-delimited JSON. Each read blocks until a line is
 * due and returns just that line, so the writer sends each one as it comes. A blank line goes out
 * at once (so the client gets the response headers without waiting for traffic) and then whenever
 * nothing else did for {@link #KEEP_ALIVE}: writing it is how the server notices a client that has
 * gone, whose stream is then closed, which closes the listener. Ends when the trace is closed.
 */
final class TraceStream extends InputStream {
  static final Duration KEEP_ALIVE = Duration.ofSeconds(1);
  private static final byte[] BLANK = {'\n'};

  private final TraceListener listener;
  private final long keepAliveNanos;
  private byte[] pending = new byte[0];
  private int position;
  private long nextKeepAlive = System.nanoTime(); // the first blank goes at once

  TraceStream(TraceListener listener, Duration keepAlive) {
    this.listener = listener;
    this.keepAliveNanos = keepAlive.toNanos();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
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

  /** Waits for the next line; false once the trace has ended. */
  private boolean fill() throws IOException {
    try {
      while (true) {
        long dropped = listener.takeDropped();
        if (dropped > 0) {
          return take(line(new DroppedLine(dropped)));
        }
        long wait = nextKeepAlive - System.nanoTime();
        if (wait <= 0) {
          return take(BLANK);
        }
        TraceEntry entry = listener.next(Duration.ofNanos(wait));
        if (entry != null) {
          return take(line(lineOf(entry)));
        }
      }
    } catch (EOFException ended) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("trace interrupted");
    }
  }

  private boolean take(byte[] bytes) {
    pending = bytes;
    position = 0;
    nextKeepAlive = System.nanoTime() + keepAliveNanos;
    return true;
  }

  private static byte[] line(Object body) {
    byte[] json = StrictJson.write(body);
    byte[] line = new byte[json.length + 1];
    System.arraycopy(json, 0, line, 0, json.length);
    line[json.length] = '\n';
    return line;
  }

  private static TraceLine lineOf(TraceEntry e) {
    return new TraceLine(
        DateTimeFormatter.ISO_INSTANT.format(
            Instant.ofEpochMilli(e.timeMillis()).truncatedTo(ChronoUnit.MILLIS)),
        e.method(),
        e.path(),
        e.operation(),
        e.bucket(),
        e.status(),
        e.durationMillis(),
        e.bytesIn(),
        e.bytesOut(),
        e.clientAddress(),
        e.accessKeyId());
  }

  @Override
  public void close() {
    listener.close();
  }
}
