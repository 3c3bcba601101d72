package io.coffer.meta.postgres;

import io.coffer.meta.postgres.NotificationSql.EncodedConfiguration;
import io.coffer.model.EventDraft;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationTarget;
import io.coffer.model.ObjectEvent;
import io.coffer.model.OutboxEvent;
import io.coffer.model.OutboxStats;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event notification part of {@link PostgresMetadataStore} (section C), which delegates to it:
 * bucket rules, targets, the outbox, and this node's live listeners. Events themselves are recorded
 * by the writes that cause them, in their transactions ({@link OutboxSql}).
 */
final class NotificationStore {
  private static final Logger log = LoggerFactory.getLogger(NotificationStore.class);

  private NotificationStore() {}

  static void setBucketNotification(
      Db db,
      String name,
      String id,
      @Nullable NotificationConfiguration configuration,
      @Nullable EventDraft testEvent) {
    EncodedConfiguration config = EncodedConfiguration.of(configuration);
    db.writeVoid(tx -> NotificationSql.setConfiguration(tx, name, id, config, testEvent));
  }

  static void createTarget(Db db, NotificationTarget target) {
    db.writeVoid(tx -> NotificationSql.createTarget(tx, target));
  }

  static NotificationTarget updateTarget(Db db, String id, String config) {
    return db.write(tx -> NotificationSql.updateTarget(tx, id, config));
  }

  static void deleteTarget(Db db, String id) {
    db.writeVoid(tx -> NotificationSql.deleteTarget(tx, id));
  }

  static Optional<NotificationTarget> findTarget(Db db, String id) {
    return db.read(tx -> NotificationSql.findTarget(tx, id));
  }

  static List<NotificationTarget> listTargets(Db db) {
    return db.read(NotificationSql::listTargets);
  }

  static List<String> bucketsNotifying(Db db, String targetId) {
    return db.read(tx -> NotificationSql.bucketsNotifying(tx, targetId));
  }

  static void setOutboxLimit(Db db, long eventsPerTarget) {
    if (eventsPerTarget < 0) {
      throw new IllegalArgumentException("a queue holds at least no event: " + eventsPerTarget);
    }
    db.events.outboxLimit = eventsPerTarget;
  }

  static List<OutboxEvent> queuedEvents(Db db, String targetId, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return db.read(tx -> OutboxSql.queued(tx, targetId, limit));
  }

  static void removeQueuedEvents(Db db, String targetId, List<Long> seqs) {
    if (seqs.isEmpty()) {
      return;
    }
    List<Long> s = List.copyOf(seqs);
    db.writeVoid(tx -> OutboxSql.remove(tx, targetId, s));
  }

  static OutboxStats outboxStats(Db db, String targetId) {
    return db.readSnapshot(tx -> OutboxSql.stats(tx, targetId));
  }

  static void setEventListener(Db db, @Nullable Consumer<ObjectEvent> listener) {
    db.events.listener = listener;
  }

  /**
   * This node's live listeners now hear these buckets: its rows in live_listeners, and a message to
   * the other nodes, which from then on send those buckets' events here. Best effort, as live
   * listeners are: when the database is unreachable, the feed's backstop writes the rows later.
   */
  static void setListenedBuckets(Db db, Set<String> buckets) {
    Set<String> copy = Set.copyOf(buckets);
    EventOptions events = db.events;
    if (copy.equals(events.listenedHere)) {
      return;
    }
    events.listenedHere = copy;
    try {
      db.writeVoid(tx -> LiveListenerSql.replace(tx, events.origin, copy, true));
      events.listenedAnywhere = db.read(LiveListenerSql::load);
    } catch (RuntimeException e) {
      log.warn("could not record this node's live listeners: {}", e.getMessage());
    }
  }

  /** The store is closing: the other nodes stop sending its listeners events. */
  static void forgetListeners(Db db) {
    EventOptions events = db.events;
    if (events.listenedHere == null || events.listenedHere.isEmpty()) {
      return;
    }
    try {
      db.writeVoid(tx -> LiveListenerSql.replace(tx, events.origin, Set.of(), true));
    } catch (RuntimeException e) {
      log.debug("could not forget this node's live listeners (they expire)", e);
    }
  }
}
