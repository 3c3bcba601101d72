package io.coffer.service.lifecycle;

import java.util.concurrent.TimeUnit;

/**
 * The lifecycle worker's rate limit: a batch of n actions may start no sooner than n / rate seconds
 * after the previous batch started, so deletions never come faster than the rate on average.
 */
final class Pacer implements ActionRunner.RateLimit {
  private final long nanosPerAction;
  private long nextStart = System.nanoTime();

  Pacer(int actionsPerSecond) {
    this.nanosPerAction = TimeUnit.SECONDS.toNanos(1) / Math.max(1, actionsPerSecond);
  }

  @Override
  public synchronized void acquire(int actions) {
    long now = System.nanoTime();
    long wait = nextStart - now;
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      now = nextStart;
    }
    nextStart = now + actions * nanosPerAction;
  }
}
