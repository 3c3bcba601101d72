package io.coffer.service.notification;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What delivery to one target has done since the server started: kept across restarts of the
 * target's worker (a changed configuration), read by the status and the metrics.
 */
public final class TargetCounters {
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private volatile String state = "idle";
  private volatile @Nullable String lastError;
  private volatile @Nullable Instant lastErrorAt;

  public long delivered() {
    return delivered.get();
  }

  public long failedAttempts() {
    return failedAttempts.get();
  }

  /** {@code idle}, {@code online} or {@code offline}; see {@link TargetStatus#state()}. */
  public String state() {
    return state;
  }

  public @Nullable String lastError() {
    return lastError;
  }

  public @Nullable Instant lastErrorAt() {
    return lastErrorAt;
  }

  /** Returns whether the target was failing until now (its recovery is worth a log line). */
  boolean delivered(int count) {
    delivered.addAndGet(count);
    boolean recovered = state.equals("offline");
    state = "online";
    return recovered;
  }

  /** Returns whether the target was not already failing (the failure is news, worth a log line). */
  boolean failed(String error, Instant at) {
    failedAttempts.incrementAndGet();
    boolean news = !state.equals("offline");
    state = "offline";
    lastError = error;
    lastErrorAt = at;
    return news;
  }
}
