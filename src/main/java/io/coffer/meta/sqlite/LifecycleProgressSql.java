package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Rows;
import io.coffer.model.LifecycleCheckpoint;
import io.coffer.model.LifecycleCheckpoint.Phase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The lifecycle_progress table: one checkpoint per bucket whose lifecycle sweep is under way. */
final class LifecycleProgressSql {
  private static final String COLUMNS =
      "bucket_id, phase, key_marker, version_marker, successor_ms, newer_noncurrent, lone_marker,"
          + " started_ms";

  private LifecycleProgressSql() {}

  static Optional<LifecycleCheckpoint> find(Conn c, String bucketId) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + COLUMNS + " FROM lifecycle_progress WHERE bucket_id = ?");
    ps.setString(1, bucketId);
    return Rows.one(ps, LifecycleProgressSql::checkpoint);
  }

  static void save(Conn c, LifecycleCheckpoint cp) throws SQLException {
    PreparedStatement ps =
        c.ps(
            "INSERT OR REPLACE INTO lifecycle_progress ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, cp.bucketId());
    ps.setString(2, cp.phase().name());
    setNullable(ps, 3, cp.keyMarker());
    setNullable(ps, 4, cp.versionIdMarker());
    if (cp.successorTime() == null) {
      ps.setNull(5, Types.INTEGER);
    } else {
      ps.setLong(5, cp.successorTime().toEpochMilli());
    }
    ps.setInt(6, cp.newerNoncurrent());
    setNullable(ps, 7, cp.loneMarker());
    ps.setLong(8, cp.sweepStarted().toEpochMilli());
    ps.executeUpdate();
  }

  static void clear(Conn c, String bucketId) throws SQLException {
    PreparedStatement ps = c.ps("DELETE FROM lifecycle_progress WHERE bucket_id = ?");
    ps.setString(1, bucketId);
    ps.executeUpdate();
  }

  private static void setNullable(PreparedStatement ps, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static LifecycleCheckpoint checkpoint(ResultSet rs) throws SQLException {
    long successor = rs.getLong(5);
    boolean noSuccessor = rs.wasNull();
    return new LifecycleCheckpoint(
        rs.getString(1),
        Phase.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        noSuccessor ? null : Instant.ofEpochMilli(successor),
        rs.getInt(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)));
  }
}
