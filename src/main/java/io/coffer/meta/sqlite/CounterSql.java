package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Rows;
import io.coffer.model.Stats;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The counters behind stats: per-bucket object counts and sizes and the global counters row,
 * changed in the same transaction as what they count so that reading them never needs a scan.
 */
final class CounterSql {
  private CounterSql() {}

  /**
   * Writes the counter changes of a group commit, inside its transaction: the buckets' and targets'
   * counters, and the counters row with the last event sequencer (in the same statement, so an
   * event costs no statement of its own here when the group changed a counter anyway).
   */
  static void flush(Conn c) throws SQLException {
    Conn.Deltas d = c.group;
    OutboxSql.flushTargets(c, d.perTarget);
    if (d.isEmpty() && d.sequencer == 0) {
      d.clear();
      return;
    }
    for (Map.Entry<String, long[]> e : d.perBucket.entrySet()) {
      long[] v = e.getValue();
      if (v[0] == 0 && v[1] == 0) {
        continue;
      }
      PreparedStatement b =
          c.ps(
              "UPDATE buckets SET object_count = object_count + ?, total_size = total_size + ?"
                  + " WHERE name = ?");
      b.setLong(1, v[0]);
      b.setLong(2, v[1]);
      b.setString(3, e.getKey());
      b.executeUpdate();
    }
    PreparedStatement g =
        c.ps(
            "UPDATE counters SET credentials = credentials + ?, buckets = buckets + ?,"
                + " objects = objects + ?, bytes = bytes + ?, uploads = uploads + ?,"
                + " event_seq = max(event_seq, ?) WHERE id = 1");
    g.setLong(1, d.credentials);
    g.setLong(2, d.buckets);
    g.setLong(3, d.objects);
    g.setLong(4, d.bytes);
    g.setLong(5, d.uploads);
    g.setLong(6, d.sequencer);
    g.executeUpdate();
    d.clear();
  }

  /** Writer: the last event sequencer handed out (when the writer starts). */
  static long lastSequencer(Conn c) throws SQLException {
    return Rows.one(c.ps("SELECT event_seq FROM counters WHERE id = 1"), rs -> rs.getLong(1))
        .orElse(0L);
  }

  /** Runs inside a read snapshot. Active presigned URLs are counted (an indexed range). */
  static Stats stats(Conn c, Instant now) throws SQLException {
    long credentials, buckets, objects, bytes, uploads;
    try (ResultSet rs =
        c.ps("SELECT credentials, buckets, objects, bytes, uploads FROM counters WHERE id = 1")
            .executeQuery()) {
      rs.next();
      credentials = rs.getLong(1);
      buckets = rs.getLong(2);
      objects = rs.getLong(3);
      bytes = rs.getLong(4);
      uploads = rs.getLong(5);
    }
    PreparedStatement ps =
        c.ps("SELECT count(*) FROM presigned_urls WHERE revoked = 0 AND expires_at > ?");
    ps.setLong(1, now.toEpochMilli());
    long presigned = Rows.one(ps, rs -> rs.getLong(1)).orElse(0L);
    return new Stats(credentials, buckets, objects, bytes, uploads, presigned);
  }
}
