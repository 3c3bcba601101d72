package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.meta.sqlite.BucketSql.Known;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.ObjectEvent;
import io.coffer.model.ObjectMeta;
import io.coffer.model.OutboxEvent;
import io.coffer.model.OutboxStats;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The durable event outbox (event_outbox) and the targets' queue counters: events are completed and
 * queued in the transaction of the change they report, one row per matching rule, and removed once
 * delivered.
 *
 * <p>A bucket without notification rules costs nothing here: the writer knows it from the bucket
 * row it reads anyway ({@link Known#notifies()}), and without a live listener the event is not even
 * built. With rules, one indexed query finds the matching rules with their targets' queue counts,
 * and each match costs one INSERT; the counts themselves are written once per group commit.
 */
final class OutboxSql {
  private static final Map<String, EventName> BY_AWS_NAME = new HashMap<>();

  static {
    for (EventName n : EventName.values()) {
      BY_AWS_NAME.put(n.awsName(), n);
    }
  }

  /**
   * The rules of a bucket that an event of one type on one key matches, with their targets' queue
   * counts (as of the group's start). Prefix and suffix are compared as key bytes, as S3 does.
   */
  private static final String MATCHING_RULES =
      "SELECT r.target_id, r.configuration_id, t.queued FROM notification_rules r"
          + " JOIN notification_targets t ON t.id = r.target_id"
          + " WHERE r.bucket = ? AND (r.event_mask & ?) != 0"
          + " AND (length(r.prefix) = 0 OR substr(?, 1, length(r.prefix)) = r.prefix)"
          + " AND (length(r.suffix) = 0 OR substr(?, -length(r.suffix)) = r.suffix)";

  private static final String EVENT_COLUMNS =
      "seq, target_id, configuration_id, name, bucket, key, size, etag, version_id, sequencer,"
          + " time_ms, request_id, principal_id, source_ip";

  private OutboxSql() {}

  /** Writer: records the event of a version written: created, or its tags changed. */
  static void recordWrite(
      Conn c, Known bucket, @Nullable EventDraft draft, ObjectMeta version, byte[] key)
      throws SQLException {
    if (draft == null || !wanted(c, bucket)) {
      return;
    }
    record(
        c,
        bucket,
        draft,
        draft.name(),
        version.bucket(),
        version.key(),
        key,
        version.size(),
        WritePrecondition.unquote(version.etag()),
        reported(bucket, version.versionId()));
  }

  /**
   * Writer: records the event of a removal: a version removed, or a delete marker added (which
   * turns the draft's Delete into DeleteMarkerCreated).
   */
  static void recordRemoval(
      Conn c,
      Known bucket,
      @Nullable EventDraft draft,
      boolean markerAdded,
      String bucketName,
      String key,
      byte[] keyBytes,
      @Nullable String versionId)
      throws SQLException {
    if (draft == null || !wanted(c, bucket)) {
      return;
    }
    EventName name = markerAdded ? draft.name().asMarkerCreated() : draft.name();
    record(
        c,
        bucket,
        draft,
        name,
        bucketName,
        key,
        keyBytes,
        0,
        null,
        versionId == null ? null : reported(bucket, versionId));
  }

  /** Whether anyone hears of an event of this bucket: its rules, or a live listener. */
  private static boolean wanted(Conn c, Known bucket) {
    return bucket.notifies() || c.eventOptions.listener != null;
  }

  /** A never-versioned bucket's versions are reported without a version ID, as AWS does. */
  private static @Nullable String reported(Known bucket, String versionId) {
    return bucket.versioning() == Versioning.UNVERSIONED ? null : versionId;
  }

  private static void record(
      Conn c,
      Known bucket,
      EventDraft draft,
      EventName name,
      String bucketName,
      String key,
      byte[] keyBytes,
      long size,
      @Nullable String etag,
      @Nullable String versionId)
      throws SQLException {
    ObjectEvent event =
        new ObjectEvent(
            name,
            bucketName,
            key,
            size,
            etag,
            versionId,
            ObjectEvent.sequencer(c.nextSequencer()),
            Instant.ofEpochMilli(System.currentTimeMillis()),
            draft.requestId(),
            draft.principalId(),
            draft.sourceIp());
    if (c.eventOptions.listener != null) {
      c.op.events.add(event);
    }
    if (!bucket.notifies()) {
      return;
    }
    PreparedStatement ps = c.ps(MATCHING_RULES);
    ps.setString(1, bucketName);
    ps.setLong(2, name.bit());
    ps.setBytes(3, keyBytes);
    ps.setBytes(4, keyBytes);
    List<Match> matches =
        Rows.all(ps, rs -> new Match(rs.getString(1), rs.getString(2), rs.getLong(3)));
    for (Match m : matches) {
      enqueue(c, m.targetId(), m.configurationId(), m.queued(), event, keyBytes);
    }
  }

  private record Match(String targetId, String configurationId, long queued) {}

  /**
   * Writer: queues an s3:TestEvent for a target (a bucket's configuration was set).
   *
   * @param queued the target's queue count as its row has it
   */
  static void queueTestEvent(
      Conn c, String bucketName, EventDraft draft, String targetId, long queued)
      throws SQLException {
    ObjectEvent event =
        new ObjectEvent(
            EventName.TEST_EVENT,
            bucketName,
            null,
            0,
            null,
            null,
            ObjectEvent.sequencer(c.nextSequencer()),
            Instant.ofEpochMilli(System.currentTimeMillis()),
            draft.requestId(),
            draft.principalId(),
            draft.sourceIp());
    enqueue(c, targetId, "", queued, event, null);
  }

  /**
   * Queues the event for a target unless its queue is full, which counts as dropped instead. The
   * count of the target's row is as of the group's start; what this group changed is in memory.
   */
  private static void enqueue(
      Conn c,
      String targetId,
      String configurationId,
      long queuedInRow,
      ObjectEvent e,
      byte @Nullable [] key)
      throws SQLException {
    long queued = queuedInRow + c.group.queuedChange(targetId) + c.op.queuedChange(targetId);
    long[] change = c.op.target(targetId);
    if (queued >= c.eventOptions.outboxLimit) {
      change[1]++;
      return;
    }
    PreparedStatement ins =
        c.ps(
            "INSERT INTO event_outbox (target_id, configuration_id, name, bucket, key, size, etag,"
                + " version_id, sequencer, time_ms, request_id, principal_id, source_ip)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, targetId);
    ins.setString(2, configurationId);
    ins.setString(3, e.name().awsName());
    ins.setString(4, e.bucket());
    ins.setBytes(5, key);
    ins.setLong(6, e.size());
    ins.setString(7, e.etag());
    ins.setString(8, e.versionId());
    ins.setString(9, e.sequencer());
    ins.setLong(10, e.time().toEpochMilli());
    ins.setString(11, e.requestId());
    ins.setString(12, e.principalId());
    ins.setString(13, e.sourceIp());
    ins.executeUpdate();
    change[0]++;
  }

  /** Writes a group's changes of the targets' queued and dropped counts, inside its transaction. */
  static void flushTargets(Conn c, Map<String, long[]> perTarget) throws SQLException {
    for (Map.Entry<String, long[]> e : perTarget.entrySet()) {
      long[] v = e.getValue();
      if (v[0] == 0 && v[1] == 0) {
        continue;
      }
      PreparedStatement ps =
          c.ps(
              "UPDATE notification_targets SET queued = queued + ?, dropped = dropped + ?"
                  + " WHERE id = ?");
      ps.setLong(1, v[0]);
      ps.setLong(2, v[1]);
      ps.setString(3, e.getKey());
      ps.executeUpdate();
    }
  }

  /** See MetadataStore#queuedEvents. */
  static List<OutboxEvent> queued(Conn c, String targetId, int limit) throws SQLException {
    PreparedStatement ps =
        c.ps(
            "SELECT "
                + EVENT_COLUMNS
                + " FROM event_outbox WHERE target_id = ? ORDER BY seq LIMIT ?");
    ps.setString(1, targetId);
    ps.setInt(2, limit);
    return Rows.all(ps, OutboxSql::outboxEvent);
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
            key == null ? null : Keys.string(key),
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

  /** Writer: see MetadataStore#removeQueuedEvents. */
  static void remove(Conn c, String targetId, List<Long> seqs) throws SQLException {
    PreparedStatement del = c.ps("DELETE FROM event_outbox WHERE seq = ? AND target_id = ?");
    long removed = 0;
    for (long seq : seqs) {
      del.setLong(1, seq);
      del.setString(2, targetId);
      removed += del.executeUpdate();
    }
    if (removed > 0) {
      c.op.target(targetId)[0] -= removed;
    }
  }

  /** Writer: drops every queued event of a target (deleted with it). */
  static void removeAll(Conn c, String targetId) throws SQLException {
    PreparedStatement del = c.ps("DELETE FROM event_outbox WHERE target_id = ?");
    del.setString(1, targetId);
    del.executeUpdate();
  }

  /** Runs inside a read snapshot; see MetadataStore#outboxStats. */
  static OutboxStats stats(Conn c, String targetId) throws SQLException {
    PreparedStatement counts =
        c.ps("SELECT queued, dropped FROM notification_targets WHERE id = ?");
    counts.setString(1, targetId);
    long[] qd = Rows.one(counts, rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElse(null);
    if (qd == null) {
      return new OutboxStats(0, 0, null);
    }
    PreparedStatement oldest =
        c.ps("SELECT time_ms FROM event_outbox WHERE target_id = ? ORDER BY seq LIMIT 1");
    oldest.setString(1, targetId);
    Instant at = Rows.one(oldest, rs -> Instant.ofEpochMilli(rs.getLong(1))).orElse(null);
    return new OutboxStats(qd[0], qd[1], at);
  }
}
