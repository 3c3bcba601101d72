package io.coffer.service.notification;

import io.coffer.model.Bucket;
import io.coffer.model.EventName;
import io.coffer.model.ObjectEvent;
import io.coffer.service.Action;
import io.coffer.service.BucketService;
import io.coffer.service.Caller;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live listeners of a bucket's events (ListenBucketNotification, as MinIO's {@code mc watch} uses
 * it): each gets the events committed while it listens, through a bounded in-memory queue. Not
 * durable, unlike the targets' outbox: a listener that is not connected, or reads too slowly to
 * keep up, misses events (as with MinIO). The metadata store calls {@link #accept} after each
 * commit, on its own thread, so that call only hands the event over.
 */
public final class LiveEvents implements Consumer<ObjectEvent>, AutoCloseable {
  /** Events a listener may fall behind by before it misses some (MinIO's buffer is as large). */
  static final int QUEUE = 4000;

  private final BucketService buckets;
  private final String region;
  private final Consumer<Set<String>> listenedBuckets;
  private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public LiveEvents(BucketService buckets, String region) {
    this(buckets, region, b -> {});
  }

  /**
   * @param listenedBuckets told the buckets listened to whenever they change, from the start
   *     (MetadataStore#setListenedBuckets: with several nodes, the others send this node those
   *     buckets' events)
   */
  public LiveEvents(BucketService buckets, String region, Consumer<Set<String>> listenedBuckets) {
    this.buckets = buckets;
    this.region = region;
    this.listenedBuckets = listenedBuckets;
    listenedBuckets.accept(Set.of());
  }

  /**
   * Starts listening to a bucket (s3:ListenBucketNotification), for events of these types on keys
   * with this prefix and suffix. The caller closes the listener.
   */
  public LiveListener listen(
      Caller caller, String bucket, Set<EventName> events, String prefix, String suffix) {
    Bucket checked = buckets.require(caller, bucket, Action.LISTEN_BUCKET_NOTIFICATION);
    LiveListener listener =
        new LiveListener(
            this,
            checked.name(),
            Long.toString(checked.ownerId()),
            region,
            events,
            prefix,
            suffix,
            QUEUE);
    listeners.add(listener);
    announce();
    if (closed) {
      listener.close();
    }
    return listener;
  }

  @Override
  public void accept(ObjectEvent event) {
    if (event.name() == EventName.TEST_EVENT || event.key() == null) {
      return;
    }
    for (LiveListener l : listeners) {
      l.offer(event);
    }
  }

  /** How many listeners are connected (for tests and metrics). */
  public int listening() {
    return listeners.size();
  }

  void remove(LiveListener listener) {
    if (listeners.remove(listener)) {
      announce();
    }
  }

  /** Tells the store which buckets are listened to now (serialized, so the last word is true). */
  private synchronized void announce() {
    Set<String> now = new HashSet<>();
    for (LiveListener l : listeners) {
      now.add(l.bucket());
    }
    listenedBuckets.accept(now);
  }

  /** Ends every listener's stream (the server is stopping). */
  @Override
  public void close() {
    closed = true;
    for (LiveListener l : listeners) {
      l.close();
    }
  }
}
