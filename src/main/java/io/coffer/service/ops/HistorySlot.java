package io.coffer.service.ops;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The requests of one slot of {@link RequestHistory} (ten seconds by default), counted live. */
final class HistorySlot {
  /** Which slot this is: its start in epoch milliseconds divided by the slot's length. */
  final long index;

  private final LongAdder requests = new LongAdder();
  private final LongAdder clientErrors = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final LatencyHistogram latency = new LatencyHistogram();

  HistorySlot(long index) {
    this.index = index;
  }

  void record(CompletedRequest request) {
    requests.increment();
    if (request.status() >= 500) {
      serverErrors.increment();
    } else if (request.status() >= 400) {
      clientErrors.increment();
    }
    if (request.bytesIn() > 0) {
      bytesIn.add(request.bytesIn());
    }
    if (request.bytesOut() > 0) {
      bytesOut.add(request.bytesOut());
    }
    byOperation.computeIfAbsent(request.operation(), k -> new LongAdder()).increment();
    latency.record(request.nanos());
  }

  /**
   * @param seconds how much of the slot has passed (less than its length for the current one), so
   *     that a rate computed from it is not understated
   */
  SlotSummary summary(long slotMillis, double seconds) {
    Map<String, Long> operations = new TreeMap<>();
    byOperation.forEach((name, count) -> operations.put(name, count.sum()));
    return new SlotSummary(
        Instant.ofEpochMilli(index * slotMillis),
        seconds,
        requests.sum(),
        operations,
        clientErrors.sum(),
        serverErrors.sum(),
        bytesIn.sum(),
        bytesOut.sum(),
        latency.percentileMillis(0.5),
        latency.percentileMillis(0.9),
        latency.percentileMillis(0.99));
  }

  static SlotSummary empty(long index, long slotMillis, double seconds) {
    return new SlotSummary(
        Instant.ofEpochMilli(index * slotMillis),
        seconds,
        0,
        Map.of(),
        0,
        0,
        0,
        0,
        null,
        null,
        null);
  }
}
