package io.coffer.admin.api;

import io.coffer.admin.api.body.OpsBodies.DroppedLine;
import io.coffer.admin.api.body.OpsBodies.TraceLine;
import io.coffer.admin.json.StrictJson;
import io.coffer.frontend.LineStream;
import io.coffer.service.ops.TraceEntry;
import io.coffer.service.ops.TraceListener;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A trace listener as a response body of newline-delimited JSON, one line at a time. A blank line
 * goes out at once (so the client gets the response headers without waiting for traffic) and then
 * whenever nothing else did for {@link #KEEP_ALIVE}: writing it is how the server notices a client
 * that has gone, whose stream is then closed, which closes the listener. Ends when the trace is
 * closed.
 */
final class TraceStream extends LineStream {
  static final Duration KEEP_ALIVE = Duration.ofSeconds(1);
  private static final byte[] BLANK = {'\n'};

  private final TraceListener listener;
  private final long keepAliveNanos;
  private long nextKeepAlive = System.nanoTime(); // the first blank goes at once

  TraceStream(TraceListener listener, Duration keepAlive) {
    this.listener = listener;
    this.keepAliveNanos = keepAlive.toNanos();
  }

  /** Waits for the next line; null once the trace has ended. */
  @Override
  protected byte @Nullable [] next() throws IOException {
    try {
      while (true) {
        long dropped = listener.takeDropped();
        if (dropped > 0) {
          return sent(line(new DroppedLine(dropped)));
        }
        long wait = nextKeepAlive - System.nanoTime();
        if (wait <= 0) {
          return sent(BLANK);
        }
        TraceEntry entry = listener.next(Duration.ofNanos(wait));
        if (entry != null) {
          return sent(line(lineOf(entry)));
        }
      }
    } catch (EOFException ended) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("trace interrupted");
    }
  }

  private byte[] sent(byte[] bytes) {
    nextKeepAlive = System.nanoTime() + keepAliveNanos;
    return bytes;
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
