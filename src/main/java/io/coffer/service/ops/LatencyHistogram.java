package io.coffer.service.ops;

import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * Request latencies counted in logarithmic buckets, four per doubling (each bucket's upper bound is
 * 2^(1/4) ≈ 1.19 times the one below), from 1 µs to about 2 minutes. A percentile is read as the
 * upper bound of the bucket it falls in, so it overstates the true value by at most 19%: plenty for
 * a chart, at 108 counters instead of every sample.
 */
final class LatencyHistogram {
  private static final int PER_DOUBLING = 4;
  static final int BUCKETS = 27 * PER_DOUBLING + 1; // the last one counts everything slower
  private static final double LOG2 = Math.log(2);

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long nanos) {
    counts.incrementAndGet(bucketOf(nanos));
  }

  static int bucketOf(long nanos) {
    double micros = nanos / 1000.0;
    if (micros <= 1) {
      return 0;
    }
    int bucket = (int) Math.ceil(PER_DOUBLING * Math.log(micros) / LOG2);
    return Math.min(bucket, BUCKETS - 1);
  }

  /** The upper bound of a bucket, in milliseconds. */
  static double upperBoundMillis(int bucket) {
    return Math.pow(2, (double) bucket / PER_DOUBLING) / 1000.0;
  }

  /**
   * The latency below which {@code quantile} (0.5, 0.9, 0.99) of the requests counted finished, in
   * milliseconds; null when nothing was counted.
   */
  @Nullable Double percentileMillis(double quantile) {
    long[] snapshot = new long[BUCKETS];
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      snapshot[i] = counts.get(i);
      total += snapshot[i];
    }
    if (total == 0) {
      return null;
    }
    // The epsilon keeps 0.9 × 100 (90.00000000000001 in binary) at rank 90.
    long rank = Math.max(1, (long) Math.ceil(quantile * total - 1e-9));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += snapshot[i];
      if (seen >= rank) {
        return upperBoundMillis(i);
      }
    }
    return upperBoundMillis(BUCKETS - 1);
  }
}
