package io.coffer.meta.postgres;

import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.ObjectEvent;
import io.coffer.model.ObjectMeta;
import io.coffer.model.OutboxEvent;
import io.coffer.model.OutboxStats;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable event queue (owner: notifications, C): events recorded in the transaction of the
 * change they report, for each target a bucket's rules name, and for the live listeners.
 *
 * <p>A write to a bucket without rules, which no live listener on any node hears, costs no
 * statement here: the writer knows it from the bucket row it locks anyway ({@link
 * LockedBucket#notifies()}) and from {@link EventOptions}. Otherwise the event costs one statement
 * (its sequencer, and the message to the other nodes in the same statement), one query for the
 * matching rules, and one statement per match (the target's count and the queued row together). The
 * target's row is locked until the commit by its count: writers queuing for one target take turns
 * at that row, and the bound on the queue holds exactly across nodes.
 */
final class OutboxSql {
  private static final Logger log = LoggerFactory.getLogger(OutboxSql.class);
  private static final Map<String, EventName> BY_AWS_NAME = new HashMap<>();

  static {
    for (EventName n : EventName.values()) {
      BY_AWS_NAME.put(n.awsName(), n);
    }
  }

  /** The rules of a bucket an event matches; prefix and suffix compared as key bytes, as S3. */
  private static final String MATCHING_RULES =
      "SELECT r.target_id, r.configuration_id FROM notification_rules r, (SELECT ?::bytea AS k) e"
          + " WHERE r.bucket = ? AND (r.event_mask & ?) <> 0"
          + " AND (length(r.prefix) = 0 OR substring(e.k FROM 1 FOR length(r.prefix)) = r.prefix)"
          + " AND (length(r.suffix) = 0 OR (length(e.k) >= length(r.suffix)"
          + " AND substring(e.k FROM length(e.k) - length(r.suffix) + 1) = r.suffix))"
          + " ORDER BY r.configuration_id";

  /** How many count rows each target has: writers queuing for it rarely wait for each other. */
  static final int STRIPES = 16;

  /** A target's queued count: its row's and its stripes'. Read without a lock. */
  private static final String QUEUED =
      "SELECT t.queued + coalesce((SELECT sum(c.queued) FROM target_counts c"
          + " WHERE c.target_id = t.id), 0) AS q FROM notification_targets t WHERE t.id = ?";

  /**
   * Queues one event for one target unless its queue is full, which counts as dropped instead: the
   * row and the count in one statement. The count goes to one of the target's stripes (its key
   * share-locks the target's row: a target deleted meanwhile takes its counts along).
   */
  private static final String ENQUEUE =
      "WITH total AS ("
          + QUEUED
          + "),"
          + " added AS (INSERT INTO event_outbox (target_id, configuration_id, name, bucket, key,"
          + " size, etag, version_id, sequencer, time_ms, request_id, principal_id, source_ip)"
          + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM total WHERE total.q < ?"
          + " RETURNING 1)"
          + " INSERT INTO target_counts AS c (target_id, stripe, queued, dropped)"
          + " SELECT ?, ?, n, 1 - n FROM (SELECT count(*) AS n FROM added) a, total"
          + " ON CONFLICT (target_id, stripe) DO UPDATE"
          + " SET queued = c.queued + excluded.queued, dropped = c.dropped + excluded.dropped";

  private static final String EVENT_COLUMNS =
      "seq, target_id, configuration_id, name, bucket, key, size, etag, version_id, sequencer,"
          + " time_ms, request_id, principal_id, source_ip";

  private OutboxSql() {}

  /** Records the event of a version written: created, or its tags changed. */
  static void recordWrite(
      Tx tx, LockedBucket bucket, @Nullable EventDraft draft, ObjectMeta version)
      throws SQLException {
    if (draft == null || !tx.db.events.wanted(bucket.name(), bucket.notifies())) {
      return;
    }
    record(
        tx,
        bucket,
        draft,
        draft.name(),
        version.key(),
        version.size(),
        WritePrecondition.unquote(version.etag()),
        reported(bucket, version.versionId()));
  }

  /**
   * Records the event of a removal: a version removed, or a delete marker added (which turns the
   * draft's Delete into DeleteMarkerCreated).
   */
  static void recordRemoval(
      Tx tx,
      LockedBucket bucket,
      @Nullable EventDraft draft,
      boolean markerAdded,
      String key,
      @Nullable String versionId)
      throws SQLException {
    if (draft == null || !tx.db.events.wanted(bucket.name(), bucket.notifies())) {
      return;
    }
    EventName name = markerAdded ? draft.name().asMarkerCreated() : draft.name();
    record(
        tx,
        bucket,
        draft,
        name,
        key,
        0,
        null,
        versionId == null ? null : reported(bucket, versionId));
  }

  /** A never-versioned bucket's versions are reported without a version ID, as AWS does. */
  private static @Nullable String reported(LockedBucket bucket, String versionId) {
    return bucket.versioning() == Versioning.UNVERSIONED ? null : versionId;
  }

  private static void record(
      Tx tx,
      LockedBucket bucket,
      EventDraft draft,
      EventName name,
      String key,
      long size,
      @Nullable String etag,
      @Nullable String versionId)
      throws SQLException {
    EventOptions options = tx.db.events;
    ObjectEvent unnumbered =
        new ObjectEvent(
            name,
            bucket.name(),
            key,
            size,
            etag,
            versionId,
            "",
            Instant.ofEpochMilli(System.currentTimeMillis()),
            draft.requestId(),
            draft.principalId(),
            draft.sourceIp());
    ObjectEvent event =
        numbered(tx, unnumbered, options.toOtherNodes(bucket.name(), bucket.notifies()));
    Consumer<ObjectEvent> listener = options.listener;
    if (listener != null) {
      tx.afterCommit(() -> tell(listener, event));
    }
    if (!bucket.notifies()) {
      return;
    }
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    PreparedStatement ps = tx.ps(MATCHING_RULES);
    ps.setBytes(1, keyBytes);
    ps.setString(2, bucket.name());
    ps.setLong(3, name.bit());
    List<String[]> matches = Results.all(ps, rs -> new String[] {rs.getString(1), rs.getString(2)});
    for (String[] m : matches) {
      enqueue(tx, m[0], m[1], event, keyBytes);
    }
  }

  /**
   * The event with the next sequencer; and, when {@code toOtherNodes}, sent to the other nodes'
   * listeners when the transaction commits (pg_notify, in the same statement: the message is the
   * event with its sequencer appended).
   */
  private static ObjectEvent numbered(Tx tx, ObjectEvent e, boolean toOtherNodes)
      throws SQLException {
    long seq;
    if (toOtherNodes) {
      PreparedStatement ps =
          tx.ps(
              "SELECT s, pg_notify('"
                  + Changes.CHANNEL
                  + "', ? || s)"
                  + " FROM nextval('event_sequencer') s");
      ps.setString(1, FeedMessage.eventWithoutSequencer(tx.db.events.origin, e));
      seq = Results.one(ps, rs -> rs.getLong(1)).orElseThrow();
    } else {
      PreparedStatement ps = tx.ps("SELECT nextval('event_sequencer')");
      seq = Results.one(ps, rs -> rs.getLong(1)).orElseThrow();
    }
    return new ObjectEvent(
        e.name(),
        e.bucket(),
        e.key(),
        e.size(),
        e.etag(),
        e.versionId(),
        ObjectEvent.sequencer(seq),
        e.time(),
        e.requestId(),
        e.principalId(),
        e.sourceIp());
  }

  /** Hands a committed event to the live listener; a failing listener never fails the write. */
  static void tell(Consumer<ObjectEvent> listener, ObjectEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      // live listeners are best effort by contract; the write and its queued events stand
      log.debug("the event listener failed", e);
    }
  }

  /** Queues an s3:TestEvent for a target (a bucket's configuration was set). */
  static void queueTestEvent(Tx tx, String bucketName, EventDraft draft, String targetId)
      throws SQLException {
    PreparedStatement seq = tx.ps("SELECT nextval('event_sequencer')");
    long n = Results.one(seq, rs -> rs.getLong(1)).orElseThrow();
    ObjectEvent event =
        new ObjectEvent(
            EventName.TEST_EVENT,
            bucketName,
            null,
            0,
            null,
            null,
            ObjectEvent.sequencer(n),
            Instant.ofEpochMilli(System.currentTimeMillis()),
            draft.requestId(),
            draft.principalId(),
            draft.sourceIp());
    enqueue(tx, targetId, "", event, null);
  }

  private static void enqueue(
      Tx tx, String targetId, String configurationId, ObjectEvent e, byte @Nullable [] key)
      throws SQLException {
    PreparedStatement ins = tx.ps(ENQUEUE);
    ins.setString(1, targetId);
    ins.setString(2, targetId);
    ins.setString(3, configurationId);
    ins.setString(4, e.name().awsName());
    ins.setString(5, e.bucket());
    ins.setBytes(6, key);
    ins.setLong(7, e.size());
    ins.setString(8, e.etag());
    ins.setString(9, e.versionId());
    ins.setString(10, e.sequencer());
    ins.setLong(11, e.time().toEpochMilli());
    ins.setString(12, e.requestId());
    ins.setString(13, e.principalId());
    ins.setString(14, e.sourceIp());
    ins.setLong(15, tx.db.events.outboxLimit);
    ins.setString(16, targetId);
    ins.setInt(17, ThreadLocalRandom.current().nextInt(STRIPES));
    ins.executeUpdate();
  }

  /** See MetadataStore#queuedEvents. */
  static List<OutboxEvent> queued(Tx tx, String targetId, int limit) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT "
                + EVENT_COLUMNS
                + " FROM event_outbox WHERE target_id = ? ORDER BY seq LIMIT ?");
    ps.setString(1, targetId);
    ps.setInt(2, limit);
    return Results.all(ps, OutboxSql::outboxEvent);
  }

  private static OutboxEvent outboxEvent(ResultSet rs) throws SQLException {
    byte[] key = rs.getBytes(6);
    EventName name = BY_AWS_NAME.get(rs.getString(4));
    if (name == null) {
      throw new SQLException("unknown event name in the outbox: " + rs.getString(4));
    }
    ObjectEvent event =
        new ObjectEvent(
            name,
            rs.getString(5),
            key == null ? null : new String(key, StandardCharsets.UTF_8),
            rs.getLong(7),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10),
            Instant.ofEpochMilli(rs.getLong(11)),
            rs.getString(12),
            rs.getString(13),
            rs.getString(14));
    return new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), event);
  }

  /** See MetadataStore#removeQueuedEvents: the rows and the target's count together. */
  static void remove(Tx tx, String targetId, List<Long> seqs) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "WITH gone AS (DELETE FROM event_outbox WHERE target_id = ? AND seq = ANY (?) RETURNING"
                + " 1) INSERT INTO target_counts AS c (target_id, stripe, queued, dropped) SELECT"
                + " t.id, ?, -(SELECT count(*) FROM gone), 0 FROM notification_targets t WHERE t.id"
                + " = ? AND EXISTS (SELECT 1 FROM gone) ON CONFLICT (target_id, stripe) DO UPDATE"
                + " SET queued = c.queued + excluded.queued");
    ps.setString(1, targetId);
    ps.setArray(2, tx.c.createArrayOf("bigint", seqs.toArray(Long[]::new)));
    ps.setInt(3, ThreadLocalRandom.current().nextInt(STRIPES));
    ps.setString(4, targetId);
    ps.executeUpdate();
  }

  /** Runs inside a read snapshot; see MetadataStore#outboxStats. */
  static OutboxStats stats(Tx tx, String targetId) throws SQLException {
    PreparedStatement counts =
        tx.ps(
            "SELECT t.queued + coalesce(sum(c.queued), 0), t.dropped + coalesce(sum(c.dropped), 0)"
                + " FROM notification_targets t LEFT JOIN target_counts c ON c.target_id = t.id"
                + " WHERE t.id = ? GROUP BY t.id");
    counts.setString(1, targetId);
    long[] qd = Results.one(counts, rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(null);
    if (qd == null) {
      return new OutboxStats(0, 0, null);
    }
    PreparedStatement oldest =
        tx.ps("SELECT time_ms FROM event_outbox WHERE target_id = ? ORDER BY seq LIMIT 1");
    oldest.setString(1, targetId);
    Instant at = Results.one(oldest, rs -> Instant.ofEpochMilli(rs.getLong(1))).orElse(null);
    return new OutboxStats(qd[0], qd[1], at);
  }
}
