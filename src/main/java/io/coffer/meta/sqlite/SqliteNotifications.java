package io.coffer.meta.sqlite;

import io.coffer.meta.MetadataStore;
import io.coffer.meta.sqlite.NotificationSql.EncodedConfiguration;
import io.coffer.model.Bucket;
import io.coffer.model.EventDraft;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationTarget;
import io.coffer.model.ObjectEvent;
import io.coffer.model.OutboxEvent;
import io.coffer.model.OutboxStats;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The event notification part of {@link SqliteMetadataStore}: bucket rules, targets and the outbox
 * (the SQL is in {@link NotificationSql} and {@link OutboxSql}). Events themselves are recorded by
 * the writes that cause them, in their transactions. A base class so that the store keeps one class
 * per concern; it holds what both parts share, the workers and the bucket cache.
 */
abstract sealed class SqliteNotifications implements MetadataStore permits SqliteAccess {
  final SqliteWorkers workers;
  final BucketOwners bucketOwners;

  SqliteNotifications(SqliteWorkers workers, BucketOwners bucketOwners) {
    this.workers = workers;
    this.bucketOwners = bucketOwners;
  }

  @Override
  public Bucket setBucketNotification(
      String name,
      String id,
      @Nullable NotificationConfiguration configuration,
      @Nullable EventDraft testEvent) {
    EncodedConfiguration config = EncodedConfiguration.of(configuration);
    try {
      return workers.write(c -> NotificationSql.setConfiguration(c, name, id, config, testEvent));
    } finally {
      bucketOwners.changed(name);
    }
  }

  @Override
  public void createNotificationTarget(NotificationTarget target) {
    workers.writeVoid(c -> NotificationSql.createTarget(c, target));
  }

  @Override
  public NotificationTarget updateNotificationTarget(String id, String config) {
    return workers.write(c -> NotificationSql.updateTarget(c, id, config));
  }

  @Override
  public void deleteNotificationTarget(String id) {
    workers.writeVoid(c -> NotificationSql.deleteTarget(c, id));
  }

  @Override
  public Optional<NotificationTarget> findNotificationTarget(String id) {
    return workers.readPoint(c -> NotificationSql.findTarget(c, id));
  }

  @Override
  public List<NotificationTarget> listNotificationTargets() {
    return workers.read(NotificationSql::listTargets);
  }

  @Override
  public List<String> bucketsNotifying(String targetId) {
    return workers.read(c -> NotificationSql.bucketsNotifying(c, targetId));
  }

  @Override
  public void setOutboxLimit(long eventsPerTarget) {
    if (eventsPerTarget < 0) {
      throw new IllegalArgumentException("a queue holds at least no event: " + eventsPerTarget);
    }
    workers.setOutboxLimit(eventsPerTarget);
  }

  @Override
  public List<OutboxEvent> queuedEvents(String targetId, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return workers.read(c -> OutboxSql.queued(c, targetId, limit));
  }

  @Override
  public void removeQueuedEvents(String targetId, List<Long> seqs) {
    if (seqs.isEmpty()) {
      return;
    }
    List<Long> s = List.copyOf(seqs);
    workers.writeVoid(c -> OutboxSql.remove(c, targetId, s));
  }

  @Override
  public OutboxStats outboxStats(String targetId) {
    return workers.readSnapshot(c -> OutboxSql.stats(c, targetId));
  }

  @Override
  public void setEventListener(@Nullable Consumer<ObjectEvent> listener) {
    workers.setEventListener(listener);
  }
}
