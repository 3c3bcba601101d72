package io.coffer.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts operations, bytes, listed items, errors and latencies. Nothing is counted outside the
 * measured window (warm-up included), except the live operation count the progress line shows.
 * Latencies go to an HdrHistogram {@link Recorder}, whose writers never block each other. A
 * workload that mixes kinds of operation has each kind counted apart as well.
 */
final class Meter {
  private static final int ERRORS_SHOWN = 5;

  private final Counts all = new Counts();
  private final Map<String, Counts> byOperation = new LinkedHashMap<>();
  private final LongAdder items = new LongAdder();
  private final LongAdder liveOps = new LongAdder();
  private final LongAdder liveBytes = new LongAdder();
  private final AtomicInteger errorsShown = new AtomicInteger();
  private final PrintStream log;
  private volatile boolean counting;

  Meter(PrintStream log) {
    this(log, List.of());
  }

  /**
   * {@code operations}: the kinds counted apart (fixed here, so recording never adds to the map).
   */
  Meter(PrintStream log, List<String> operations) {
    this.log = log;
    operations.forEach(kind -> byOperation.put(kind, new Counts()));
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
    Counts kind = outcome.operation() == null ? null : byOperation.get(outcome.operation());
    if (outcome.error() != null) {
      all.errors.increment();
      if (kind != null) {
        kind.errors.increment();
      }
      return;
    }
    long micros = Math.max(1, (System.nanoTime() - startNanos) / 1000);
    all.add(micros, outcome.bytes());
    if (kind != null) {
      kind.add(micros, outcome.bytes());
    }
    items.add(outcome.items());
  }

  /** Bytes that completed inside a longer operation (the parts of a multipart upload). */
  void addBytes(long n) {
    liveBytes.add(n);
    if (counting) {
      all.bytes.add(n);
    }
  }

  void start() {
    all.reset();
    byOperation.values().forEach(Counts::reset);
    items.reset();
    counting = true;
  }

  Totals stop() {
    counting = false;
    Map<String, OperationTotals> operations = new LinkedHashMap<>();
    byOperation.forEach((kind, counts) -> operations.put(kind, counts.totals()));
    OperationTotals total = all.totals();
    return new Totals(
        total.ops(), total.bytes(), items.sum(), total.errors(), total.latencyMicros(), operations);
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

  record Totals(
      long ops,
      long bytes,
      long items,
      long errors,
      Histogram latencyMicros,
      Map<String, OperationTotals> operations) {}

  record OperationTotals(long ops, long bytes, long errors, Histogram latencyMicros) {}

  /** What is counted for all operations, and for each kind apart. */
  private static final class Counts {
    final Recorder latencyMicros = new Recorder(3);
    final LongAdder ops = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder errors = new LongAdder();

    void add(long micros, long n) {
      latencyMicros.recordValue(micros);
      ops.increment();
      bytes.add(n);
    }

    void reset() {
      ops.reset();
      bytes.reset();
      errors.reset();
      latencyMicros.reset();
    }

    OperationTotals totals() {
      return new OperationTotals(
          ops.sum(), bytes.sum(), errors.sum(), latencyMicros.getIntervalHistogram());
    }
  }
}
