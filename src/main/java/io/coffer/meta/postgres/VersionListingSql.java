package io.coffer.meta.postgres;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.ListedVersion;
import io.coffer.model.StoredChecksum;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * ListObjectVersions: the objects rows (current versions) and object_versions (the others), by key
 * and then newest first, with the skip-scan of {@link SkipScan}. The walk steps from a version to
 * the next older one of its key, else to the newest of the next key, each step a few index
 * descents; a page is one statement however many versions or keys lie beside it.
 */
final class VersionListingSql {
  private VersionListingSql() {}

  /** The columns of a version, in the order {@link #listed} reads them (after n, key, latest). */
  private static final String VERSION_COLUMNS =
      "size, etag, checksum_algorithm, checksum_value, checksum_type, part_count, created_at,"
          + " version_id, lock";

  /**
   * The version after one of key {@code sameKey} with sequence {@code seq} (its next older one;
   * none when sameKey is null), else the newest version of the first key at or after {@code seek}:
   * (key, source 0 objects or 1 object_versions, seq, latest), each part found by one index
   * descent, no sort. A key's objects row is its newest version (highest seq): it comes first, and
   * the key's other versions follow in object_versions; a key without one starts with its newest
   * row in object_versions, its latest version (a delete marker, say).
   */
  private static String next(String sameKey, String seq, String seek) {
    String objectsFirst = "(o.vk IS NULL OR o.ok <= o.vk)";
    return "(SELECT CASE WHEN o.older IS NOT NULL THEN "
        + sameKey
        + " ELSE least(o.ok, o.vk) END AS key,"
        + " CASE WHEN o.older IS NULL AND "
        + objectsFirst
        + " THEN 0 ELSE 1 END AS source,"
        + " CASE WHEN o.older IS NOT NULL THEN o.older WHEN "
        + objectsFirst
        + " THEN (SELECT seq FROM objects WHERE bucket = :bucket AND key = o.ok)"
        + " ELSE (SELECT seq FROM object_versions WHERE bucket = :bucket AND key = o.vk"
        + " ORDER BY seq DESC LIMIT 1) END AS seq,"
        + " o.older IS NULL AS latest"
        + " FROM (SELECT (SELECT seq FROM object_versions WHERE bucket = :bucket AND key = "
        + sameKey
        + " AND seq < "
        + seq
        + " ORDER BY seq DESC LIMIT 1) AS older,"
        + " (SELECT key FROM objects WHERE bucket = :bucket AND key >= "
        + seek
        + " AND key < :upper ORDER BY key LIMIT 1) AS ok,"
        + " (SELECT key FROM object_versions WHERE bucket = :bucket AND key >= "
        + seek
        + " AND key < :upper ORDER BY key LIMIT 1) AS vk OFFSET 0) o OFFSET 0) c"
        + SkipScan.DELIMITER_POSITION;
  }

  private static final String SAME_KEY = "CASE WHEN f.p = 0 THEN c.key END";

  private static final NamedSql WALK =
      NamedSql.of(
          "WITH RECURSIVE walk (n, same_key, seek, key, source, seq, latest) AS (SELECT 1, "
              + SAME_KEY
              + ", "
              + SkipScan.SEEK_PAST
              + ", c.* FROM "
              + next("CAST(:marker_key AS bytea)", "CAST(:marker_seq AS bigint)", ":from")
              + " WHERE c.key IS NOT NULL"
              + " UNION ALL SELECT w.n + 1, "
              + SAME_KEY
              + ", "
              + SkipScan.SEEK_PAST
              + ", c.* FROM walk w CROSS JOIN LATERAL "
              + next("w.same_key", "w.seq", "w.seek")
              + " WHERE c.key IS NOT NULL AND w.n < :limit)"
              // each walked version's row, by its primary key
              + " SELECT w.n, w.key, w.latest, v.* FROM walk w CROSS JOIN LATERAL ("
              + "SELECT "
              + VERSION_COLUMNS
              + ", false AS delete_marker FROM objects"
              + " WHERE w.source = 0 AND bucket = :bucket AND key = w.key"
              + " UNION ALL SELECT "
              + VERSION_COLUMNS
              + ", delete_marker FROM object_versions WHERE w.source = 1 AND bucket = :bucket AND"
              + " key = w.key AND seq = w.seq LIMIT 1) v");

  private static final NamedSql SEQ_OF =
      NamedSql.of(
          "SELECT seq FROM objects WHERE bucket = :bucket AND key = :key AND version_id = :version"
              + " UNION ALL SELECT seq FROM object_versions"
              + " WHERE bucket = :bucket AND key = :key AND version_id = :version");

  static VersionPage list(Tx tx, VersionQuery q) throws SQLException {
    SkipScan.Range range = SkipScan.Range.of(q.prefix(), q.delimiter(), q.keyMarker());
    if (q.maxKeys() <= 0) {
      return new VersionPage(List.of(), List.of(), false, null, null);
    }
    Long markerSeq = markerSeq(tx, q, range);
    if (range.empty() && markerSeq == null) {
      return new VersionPage(List.of(), List.of(), false, null, null);
    }
    List<SkipScan.Walked<ListedVersion>> rows = new ArrayList<>();
    try (ResultSet rs = query(q, range, markerSeq).prepare(tx).executeQuery()) {
      while (rs.next()) {
        byte[] key = rs.getBytes(2);
        rows.add(new SkipScan.Walked<>(rs.getInt(1), key, listed(rs, key)));
      }
    }
    SkipScan.Page<ListedVersion> page = SkipScan.page(rows, range, q.maxKeys());
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
   * The one statement of a page, after the version marker's sequence ({@link #markerSeq}) when the
   * page goes on inside the marker key's versions.
   */
  static NamedSql.Bound query(VersionQuery q, SkipScan.Range range, @Nullable Long markerSeq) {
    return WALK.with(
        range
            .args(q.bucket(), q.maxKeys())
            .put(
                "marker_key",
                markerSeq == null ? null : Keys.utf8(Objects.requireNonNull(q.keyMarker())))
            .put("marker_seq", markerSeq));
  }

  /**
   * The sequence of the version marker, when the page goes on inside the marker key's versions (as
   * SQLite's store: null without a version marker, when the version is unknown, or when the marker
   * key is outside the prefix or in a common prefix, already listed as one).
   */
  static @Nullable Long markerSeq(Tx tx, VersionQuery q, SkipScan.Range range) throws SQLException {
    if (q.keyMarker() == null || q.versionIdMarker() == null) {
      return null;
    }
    byte[] key = Keys.utf8(q.keyMarker());
    if (!range.contains(key) || range.grouped(key)) {
      return null;
    }
    NamedSql.Args args =
        new NamedSql.Args()
            .put("bucket", q.bucket())
            .put("key", key)
            .put("version", q.versionIdMarker());
    try (ResultSet rs = SEQ_OF.with(args).prepare(tx).executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  /** A row of n, key, latest, {@link #VERSION_COLUMNS}, delete_marker. */
  private static ListedVersion listed(ResultSet rs, byte[] key) throws SQLException {
    boolean marker = rs.getBoolean(13);
    String algorithm = rs.getString(6);
    return new ListedVersion(
        Keys.string(key),
        rs.getString(11),
        rs.getBoolean(3),
        marker,
        rs.getLong(4),
        rs.getString(5),
        marker || algorithm == null
            ? null
            : new StoredChecksum(algorithm, rs.getString(7), rs.getString(8)),
        rs.getInt(9),
        Instant.ofEpochMilli(rs.getLong(10)),
        Rows.lock(rs.getString(12)));
  }
}
