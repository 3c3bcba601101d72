package io.coffer.http;

import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The body timeout: notices a request body that stops arriving while the server is asking the
 * socket for it. Only time spent waiting on the client counts — not a handler that is slow to
 * consume what is buffered, nor a client holding its body back until {@code 100 Continue} — so the
 * timeout can be far shorter than clients' own read timeouts (botocore's is 60 s) and the client
 * gets an answer before it gives up and retries. Runs on the channel's event loop.
 */
final class BodyDeadline {
  private final ChannelHandlerContext ctx;
  private final long timeoutNanos;
  private @Nullable Runnable onSilence;
  private @Nullable ScheduledFuture<?> check;

  /** When the server began waiting for body bytes that have not come; 0 when not waiting. */
  private long waitingSince;

  BodyDeadline(ChannelHandlerContext ctx, Duration timeout) {
    this.ctx = ctx;
    this.timeoutNanos = timeout.toNanos();
  }

  /** A request body is in flight; {@code onSilence} runs if it stays silent for the timeout. */
  void start(Runnable onSilence) {
    stop();
    this.onSilence = onSilence;
    schedule(timeoutNanos);
  }

  /** The socket was asked for body bytes. */
  void waiting() {
    if (onSilence != null && waitingSince == 0) {
      waitingSince = System.nanoTime();
    }
  }

  /** Bytes arrived. */
  void heard() {
    waitingSince = 0;
  }

  /** The body ended, or its request was answered: silence no longer matters. */
  void stop() {
    if (check != null) {
      check.cancel(false);
      check = null;
    }
    onSilence = null;
    waitingSince = 0;
  }

  private void schedule(long delayNanos) {
    check = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check() {
    check = null;
    if (onSilence == null) {
      return;
    }
    long silent = waitingSince == 0 ? 0 : System.nanoTime() - waitingSince;
    if (silent >= timeoutNanos) {
      Runnable action = onSilence;
      stop();
      action.run();
      return;
    }
    schedule(timeoutNanos - silent);
  }
}
