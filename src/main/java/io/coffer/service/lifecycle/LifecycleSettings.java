package io.coffer.service.lifecycle;

import java.time.Duration;

/**
 * How the lifecycle worker paces itself.
 *
 * @param day the length of a lifecycle day (86,400 s; shorter for tests and demos)
 * @param interval the pause between the end of one sweep and the start of the next
 * @param batchSize how many versions (or uploads) one batch lists, decides and acts on before the
 *     checkpoint is saved: the bound of the work a kill can make the next start do again
 * @param parallelism how many keys' actions run at once (their deletions share group commits)
 * @param maxActionsPerSecond the rate limit of deletions and aborts, so that clients' writes, which
 *     share the store's single writer, keep their latency
 */
public record LifecycleSettings(
    Duration day, Duration interval, int batchSize, int parallelism, int maxActionsPerSecond) {

  public static final Duration DEFAULT_DAY = Duration.ofDays(1);

  /**
   * A sweep every quarter of a lifecycle day (at least every second): a version becomes due at a
   * day boundary and the next sweep that reaches it acts, well within the two lifecycle days the
   * documentation promises as long as a sweep takes less than a day and a half.
   */
  public static LifecycleSettings forDay(Duration day) {
    Duration interval = day.dividedBy(4);
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      interval = Duration.ofSeconds(1);
    }
    return new LifecycleSettings(day, interval, 1000, 8, 2000);
  }
}
