package io.coffer.service.notification;

import io.coffer.model.EventName;
import io.coffer.model.ObjectEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One live listener of a bucket ({@link LiveEvents#listen}): the events that match its filter, as
 * lines of newline-delimited JSON, each {@code {"Records":[…]}} with one record.
 */
public final class LiveListener implements AutoCloseable {
  /** What a closed listener's queue ends with. */
  private static final ObjectEvent END =
      new ObjectEvent(
          EventName.TEST_EVENT, "", null, 0, null, null, "", java.time.Instant.EPOCH, "", "", null);

  private final LiveEvents owner;
  private final String bucket;
  private final String ownerId;
  private final String region;
  private final Set<EventName> events;
  private final String prefix;
  private final String suffix;
  private final BlockingQueue<ObjectEvent> queue;
  private final AtomicLong missed = new AtomicLong();
  private volatile boolean closed;

  LiveListener(
      LiveEvents owner,
      String bucket,
      String ownerId,
      String region,
      Set<EventName> events,
      String prefix,
      String suffix,
      int capacity) {
    this.owner = owner;
    this.bucket = bucket;
    this.ownerId = ownerId;
    this.region = region;
    this.events = Set.copyOf(events);
    this.prefix = prefix;
    this.suffix = suffix;
    this.queue = new ArrayBlockingQueue<>(capacity + 1);
  }

  /** The bucket it listens to. */
  String bucket() {
    return bucket;
  }

  /** Called on the store's thread: never blocks. */
  void offer(ObjectEvent event) {
    String key = event.key();
    if (closed
        || key == null
        || !event.bucket().equals(bucket)
        || !events.contains(event.name())
        || !key.startsWith(prefix)
        || !key.endsWith(suffix)) {
      return;
    }
    if (queue.remainingCapacity() <= 1 || !queue.offer(event)) {
      missed.incrementAndGet(); // the reader is too slow; the END slot stays free
    }
  }

  /**
   * The next event as a line of JSON, waiting at most {@code wait}; null when none came in time.
   *
   * @throws java.io.EOFException once the listener is closed
   */
  public byte @Nullable [] next(Duration wait) throws InterruptedException, java.io.EOFException {
    if (closed && queue.isEmpty()) {
      throw new java.io.EOFException("listener closed");
    }
    ObjectEvent event = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      return null;
    }
    if (event == END) {
      throw new java.io.EOFException("listener closed");
    }
    return EventRecords.line(
        EventRecords.records(List.of(EventRecords.record(event, "Config", region, ownerId))));
  }

  /** An empty-records line, {@code {"Records":[]}}, MinIO's ping for clients that ask for one. */
  public static byte[] ping() {
    return EventRecords.line(EventRecords.records(List.of()));
  }

  /** Events this listener missed because it read too slowly. */
  public long missed() {
    return missed.get();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      queue.offer(END);
      owner.remove(this);
    }
  }
}
