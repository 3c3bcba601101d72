package io.coffer.service.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * The S3 requests of the last hour, in memory, for the console's live charts: a ring of slots (360
 * of ten seconds), each counting requests by operation, errors, bytes in and out and a latency
 * histogram. A slot is created by the first request that falls in it and replaces the one an hour
 * older in its place of the ring; reading skips places whose slot is older than the hour. Nothing
 * runs in the background and an idle server allocates nothing.
 *
 * <p>Counting is lock-free. A request that ends just as its slot is replaced still counts in the
 * slot object it found, which then lives on until the reader has let it go; nothing is lost but
 * what falls an hour behind.
 */
public final class RequestHistory implements RequestObserver {
  public static final Duration SLOT = Duration.ofSeconds(10);
  public static final int SLOTS = 360;

  private final long slotMillis;
  private final int slots;
  private final LongSupplier clockMillis;
  private final AtomicReferenceArray<HistorySlot> ring;

  public RequestHistory() {
    this(SLOT, SLOTS, System::currentTimeMillis);
  }

  RequestHistory(Duration slot, int slots, LongSupplier clockMillis) {
    this.slotMillis = slot.toMillis();
    this.slots = slots;
    this.clockMillis = clockMillis;
    this.ring = new AtomicReferenceArray<>(slots);
  }

  /** The length of one slot. */
  public Duration slot() {
    return Duration.ofMillis(slotMillis);
  }

  @Override
  public void completed(CompletedRequest request) {
    slotAt(Math.floorDiv(request.endedMillis(), slotMillis)).record(request);
  }

  private HistorySlot slotAt(long index) {
    int place = (int) Math.floorMod(index, (long) slots);
    while (true) {
      HistorySlot there = ring.get(place);
      if (there != null && there.index >= index) {
        // Its own slot, or (a request whose clock read came just before another's) a newer one.
        return there;
      }
      HistorySlot fresh = new HistorySlot(index);
      if (ring.compareAndSet(place, there, fresh)) {
        return fresh;
      }
    }
  }

  /** Every slot of the last hour, oldest first, the current one (partly elapsed) last. */
  public List<SlotSummary> lastHour() {
    long now = clockMillis.getAsLong();
    long current = Math.floorDiv(now, slotMillis);
    List<SlotSummary> out = new ArrayList<>(slots);
    for (long index = current - slots + 1; index <= current; index++) {
      double seconds =
          index == current
              ? Math.max(0.001, (now - index * slotMillis) / 1000.0)
              : slotMillis / 1000.0;
      HistorySlot slot = ring.get((int) Math.floorMod(index, (long) slots));
      out.add(
          slot != null && slot.index == index
              ? slot.summary(slotMillis, seconds)
              : HistorySlot.empty(index, slotMillis, seconds));
    }
    return out;
  }
}
