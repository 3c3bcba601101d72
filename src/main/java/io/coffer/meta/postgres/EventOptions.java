package io.coffer.meta.postgres;

import io.coffer.model.ObjectEvent;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the writes need to know about reporting events, set from any thread: this node's live
 * listener, the bound of a target's queue, and which buckets live listeners listen to (on this node
 * and on any node), so that a write to a bucket nobody hears of costs no statement.
 */
final class EventOptions {
  /** The default bound of a target's queue, as the server's own default. */
  static final long DEFAULT_OUTBOX_LIMIT = 100_000;

  /** This store instance, in the change feed's messages: a node skips its own events there. */
  final String origin = UUID.randomUUID().toString().substring(0, 8);

  volatile @Nullable Consumer<ObjectEvent> listener;
  volatile long outboxLimit = DEFAULT_OUTBOX_LIMIT;

  /** The buckets this node's live listeners listen to; null until told: every bucket. */
  volatile @Nullable Set<String> listenedHere;

  /** The buckets a live listener on any node listens to (the live_listeners table). */
  volatile Set<String> listenedAnywhere = Set.of();

  /** Whether a write to this bucket makes an event at all. */
  boolean wanted(String bucket, boolean notifies) {
    if (notifies || listenedAnywhere.contains(bucket)) {
      return true;
    }
    Set<String> here = listenedHere;
    return listener != null && (here == null || here.contains(bucket));
  }

  /**
   * Whether the other nodes hear of this bucket's events: a node's live listener listens to it, or
   * its events are queued (the delivering node wakes at once).
   */
  boolean toOtherNodes(String bucket, boolean notifies) {
    return notifies || listenedAnywhere.contains(bucket);
  }
}
