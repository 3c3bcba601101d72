package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.ListedVersion;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ListObjectVersions: the objects rows (current versions) merged with object_versions, by key and
 * then newest first. Both tables are read in index order (object_versions' key is (bucket, key, seq
 * DESC)), so SQLite merges the two scans without sorting and a page costs its own rows plus the
 * skip-scan's seeks.
 */
final class VersionListingSql {
  private VersionListingSql() {}

  private static final String VERSION_COLUMNS =
      "size, etag, checksum_algorithm, checksum_value, checksum_type, part_count, created_at,"
          + " version_id, lock";

  /**
   * key, source (0 objects, 1 object_versions), seq, VERSION_COLUMNS, latest, delete_marker. A
   * key's objects row always has its highest seq (the current version is its newest), so ordering
   * by seq alone puts it first.
   */
  private static final String MERGED =
      "SELECT key, 0 AS source, seq, "
          + VERSION_COLUMNS
          + ", 1 AS latest, 0 AS delete_marker FROM objects"
          + " WHERE bucket = ?1 AND key >= ?2 AND key < ?3"
          + " UNION ALL SELECT key, 1 AS source, seq, "
          + VERSION_COLUMNS
          + ", NOT EXISTS (SELECT 1 FROM objects o WHERE o.bucket = v.bucket AND o.key = v.key)"
          + " AND seq = (SELECT max(seq) FROM object_versions m WHERE m.bucket = v.bucket"
          + " AND m.key = v.key), delete_marker FROM object_versions v"
          + " WHERE bucket = ?1 AND key >= ?2 AND key < ?3"
          + " ORDER BY 1, 3 DESC";

  static VersionPage list(Conn c, VersionQuery q) throws SQLException {
    SkipScan.Range range = SkipScan.Range.of(q.prefix(), q.delimiter(), q.keyMarker());
    if (q.maxKeys() <= 0) {
      return new VersionPage(List.of(), List.of(), false, null, null);
    }
    SkipScan.RowCursor<ListedVersion> tail = markerTail(c, q, range);
    if (range.empty() && tail == null) {
      return new VersionPage(List.of(), List.of(), false, null, null);
    }
    SkipScan.Page<ListedVersion> page =
        SkipScan.scan(
            (from, to) -> {
              PreparedStatement ps = c.ps(MERGED);
              ps.setString(1, q.bucket());
              ps.setBytes(2, from);
              ps.setBytes(3, to);
              return new SkipScan.RowCursor<>(ps.executeQuery(), 1, VersionListingSql::listed);
            },
            tail,
            range,
            q.maxKeys());
    String nextKey = null;
    String nextVersion = null;
    if (page.truncated()) {
      if (page.lastPrefix() != null) {
        nextKey = page.lastPrefix();
      } else if (page.lastItem() != null) {
        nextKey = page.lastItem().key();
        nextVersion = page.lastItem().versionId();
      }
    }
    return new VersionPage(page.items(), page.prefixes(), page.truncated(), nextKey, nextVersion);
  }

  /**
   * The versions of the key marker older than the version marker: where a page that ended inside a
   * key's versions goes on. Null without a version marker, when the marker version is unknown, or
   * when the marker key falls in a common prefix (already listed as one).
   */
  private static SkipScan.@Nullable RowCursor<ListedVersion> markerTail(
      Conn c, VersionQuery q, SkipScan.Range range) throws SQLException {
    if (q.keyMarker() == null || q.versionIdMarker() == null) {
      return null;
    }
    byte[] key = Keys.utf8(q.keyMarker());
    if (!range.contains(key)
        || (range.delimiter() != null
            && Keys.indexOf(key, range.delimiter(), range.prefix().length) >= 0)) {
      return null;
    }
    PreparedStatement seqOf =
        c.ps(
            "SELECT seq FROM objects WHERE bucket = ?1 AND key = ?2 AND version_id = ?3"
                + " UNION ALL SELECT seq FROM object_versions"
                + " WHERE bucket = ?1 AND key = ?2 AND version_id = ?3");
    seqOf.setString(1, q.bucket());
    seqOf.setBytes(2, key);
    seqOf.setString(3, q.versionIdMarker());
    Long markerSeq = Rows.one(seqOf, rs -> rs.getLong(1)).orElse(null);
    if (markerSeq == null) {
      return null;
    }
    PreparedStatement ps =
        c.ps(
            "SELECT key, 1 AS source, seq, "
                + VERSION_COLUMNS
                + ", 0 AS latest, delete_marker FROM object_versions"
                + " WHERE bucket = ? AND key = ? AND seq < ? ORDER BY seq DESC");
    ps.setString(1, q.bucket());
    ps.setBytes(2, key);
    ps.setLong(3, markerSeq);
    return new SkipScan.RowCursor<>(ps.executeQuery(), 1, VersionListingSql::listed);
  }

  private static ListedVersion listed(ResultSet rs, byte[] key) throws SQLException {
    boolean marker = rs.getInt(14) != 0;
    return new ListedVersion(
        Keys.string(key),
        rs.getString(11),
        rs.getInt(13) != 0,
        marker,
        rs.getLong(4),
        rs.getString(5),
        marker ? null : Rows.checksum(rs.getString(6), rs.getString(7), rs.getString(8)),
        rs.getInt(9),
        Instant.ofEpochMilli(rs.getLong(10)),
        Rows.lock(rs.getString(12)));
  }
}
