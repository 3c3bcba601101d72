package io.coffer.service.notification;

import java.time.Duration;

/**
 * How the delivery workers pace themselves.
 *
 * @param region the region records report (awsRegion)
 * @param queueLimit how many events each target's durable queue holds at most
 *     (--notification-queue-limit)
 * @param firstRetry the wait after a first failed attempt; it doubles with each failure
 * @param maxRetry the longest wait between attempts while a target stays down
 * @param idlePoll how often an idle worker looks at its queue when no commit woke it (a safety net:
 *     commits wake the workers)
 * @param dropCheck how often the queues are checked for events dropped because they were full
 */
public record DeliverySettings(
    String region,
    long queueLimit,
    Duration firstRetry,
    Duration maxRetry,
    Duration idlePoll,
    Duration dropCheck) {

  public static final long DEFAULT_QUEUE_LIMIT = 100_000;

  public static DeliverySettings defaults(String region, long queueLimit) {
    return new DeliverySettings(
        region,
        queueLimit,
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1));
  }

  /** These settings with other retry waits (tests: a target that comes back is found quickly). */
  public DeliverySettings withRetry(Duration first, Duration max) {
    return new DeliverySettings(region, queueLimit, first, max, idlePoll, dropCheck);
  }

  /** The wait before attempt {@code failures + 1}: doubling from firstRetry, capped at maxRetry. */
  Duration backoff(int failures) {
    long first = firstRetry.toMillis();
    int shift = Math.min(Math.max(failures - 1, 0), 30);
    long wait = first << shift;
    return wait <= 0 || wait > maxRetry.toMillis() ? maxRetry : Duration.ofMillis(wait);
  }
}
