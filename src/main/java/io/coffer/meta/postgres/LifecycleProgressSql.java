package io.coffer.meta.postgres;

import io.coffer.model.LifecycleCheckpoint;
import io.coffer.model.LifecycleCheckpoint.Phase;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle_progress table: one checkpoint per bucket whose lifecycle sweep is under way, so a
 * sweep that moves to another node (its lease) resumes where the last one stopped. The key marker
 * is stored as the key's UTF-8 bytes, as object keys everywhere in this schema.
 */
final class LifecycleProgressSql {
  private static final String COLUMNS =
      "bucket_id, phase, key_marker, version_marker, successor_ms, newer_noncurrent, lone_marker,"
          + " started_ms";

  private LifecycleProgressSql() {}

  static Optional<LifecycleCheckpoint> find(Tx tx, String bucketId) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT " + COLUMNS + " FROM lifecycle_progress WHERE bucket_id = ?");
    ps.setString(1, bucketId);
    return Results.one(ps, LifecycleProgressSql::checkpoint);
  }

  static void save(Tx tx, LifecycleCheckpoint cp) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "INSERT INTO lifecycle_progress ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bucket_id) DO UPDATE SET"
                + " phase = excluded.phase, key_marker = excluded.key_marker,"
                + " version_marker = excluded.version_marker,"
                + " successor_ms = excluded.successor_ms,"
                + " newer_noncurrent = excluded.newer_noncurrent,"
                + " lone_marker = excluded.lone_marker, started_ms = excluded.started_ms");
    ps.setString(1, cp.bucketId());
    ps.setString(2, cp.phase().name());
    ps.setBytes(3, bytes(cp.keyMarker()));
    ps.setString(4, cp.versionIdMarker());
    Results.setLong(ps, 5, cp.successorTime() == null ? null : cp.successorTime().toEpochMilli());
    ps.setInt(6, cp.newerNoncurrent());
    ps.setString(7, cp.loneMarker());
    ps.setLong(8, cp.sweepStarted().toEpochMilli());
    ps.executeUpdate();
  }

  static void clear(Tx tx, String bucketId) throws SQLException {
    PreparedStatement ps = tx.ps("DELETE FROM lifecycle_progress WHERE bucket_id = ?");
    ps.setString(1, bucketId);
    ps.executeUpdate();
  }

  private static byte @Nullable [] bytes(@Nullable String key) {
    return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
  }

  private static LifecycleCheckpoint checkpoint(ResultSet rs) throws SQLException {
    byte[] keyMarker = rs.getBytes(3);
    Long successor = Results.getLong(rs, 5);
    return new LifecycleCheckpoint(
        rs.getString(1),
        Phase.valueOf(rs.getString(2)),
        keyMarker == null ? null : new String(keyMarker, StandardCharsets.UTF_8),
        rs.getString(4),
        successor == null ? null : Instant.ofEpochMilli(successor),
        rs.getInt(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)));
  }
}
