package io.coffer.bench;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts operations, bytes, listed items, errors and latencies. Nothing is counted outside the
 * measured window (warm-up included), except the live operation count the progress line shows.
 * Latencies go to an HdrHistogram {@link Recorder}, whose writers never block each other.
 */
final class Meter {
  private static final int ERRORS_SHOWN = 5;

  private final Recorder latencyMicros = new Recorder(3);
  private final LongAdder ops = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder items = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder liveOps = new LongAdder();
  private final LongAdder liveBytes = new LongAdder();
  private final AtomicInteger errorsShown = new AtomicInteger();
  private final PrintStream log;
  private volatile boolean counting;

  Meter(PrintStream log) {
    this.log = log;
  }

  void record(long startNanos, Outcome outcome) {
    liveOps.increment();
    liveBytes.add(outcome.bytes());
    if (outcome.error() != null && errorsShown.getAndIncrement() < ERRORS_SHOWN) {
      log.println("\nerror: " + outcome.error());
    }
    if (!counting) {
      return;
    }
    if (outcome.error() != null) {
      errors.increment();
      return;
    }
    latencyMicros.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1000));
    ops.increment();
    bytes.add(outcome.bytes());
    items.add(outcome.items());
  }

  /** Bytes that completed inside a longer operation (the parts of a multipart upload). */
  void addBytes(long n) {
    liveBytes.add(n);
    if (counting) {
      bytes.add(n);
    }
  }

  void start() {
    ops.reset();
    bytes.reset();
    items.reset();
    errors.reset();
    latencyMicros.reset();
    counting = true;
  }

  Totals stop() {
    counting = false;
    return new Totals(
        ops.sum(), bytes.sum(), items.sum(), errors.sum(), latencyMicros.getIntervalHistogram());
  }

  long liveOps() {
    return liveOps.sum();
  }

  long liveBytes() {
    return liveBytes.sum();
  }

  long errorsSoFar() {
    return errorsShown.get();
  }

  record Totals(long ops, long bytes, long items, long errors, Histogram latencyMicros) {}
}
