package io.coffer.meta.postgres;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.MultipartUpload;
import io.coffer.model.UploadListing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * ListMultipartUploads: uploads ordered by (key, initiation order: seq), after the (key marker,
 * upload ID marker) position as S3 defines it, grouped by delimiter with the skip-scan of {@link
 * SkipScan} over the index uploads_by_key (bucket, key, seq).
 */
final class UploadListingSql {
  private UploadListingSql() {}

  /**
   * The upload after the one of key {@code sameKey} with sequence {@code seq} (the next one of that
   * key; none when sameKey is null), else the first upload of the first key at or after {@code
   * seek}: (key, seq), each part found by one index descent.
   */
  private static String next(String sameKey, String seq, String seek) {
    return "(SELECT CASE WHEN o.later IS NOT NULL THEN "
        + sameKey
        + " ELSE o.next_key END AS key,"
        + " coalesce(o.later, (SELECT seq FROM uploads WHERE bucket = :bucket AND key = o.next_key"
        + " ORDER BY seq LIMIT 1)) AS seq"
        + " FROM (SELECT (SELECT seq FROM uploads WHERE bucket = :bucket AND key = "
        + sameKey
        + " AND seq > "
        + seq
        + " ORDER BY seq LIMIT 1) AS later,"
        + " (SELECT key FROM uploads WHERE bucket = :bucket AND key >= "
        + seek
        + " AND key < :upper ORDER BY key LIMIT 1) AS next_key OFFSET 0) o OFFSET 0) c"
        + SkipScan.DELIMITER_POSITION;
  }

  private static final String SAME_KEY = "CASE WHEN f.p = 0 THEN c.key END";

  private static final NamedSql WALK =
      NamedSql.of(
          "WITH RECURSIVE walk (n, same_key, seek, key, seq) AS (SELECT 1, "
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
              // each walked upload's row, by uploads_by_key
              + " SELECT u.*, w.n FROM walk w CROSS JOIN LATERAL (SELECT "
              + Rows.UPLOAD_COLUMNS
              + " FROM uploads WHERE bucket = :bucket AND key = w.key AND seq = w.seq LIMIT 1) u");

  private static final int N_COLUMN = 16;

  private static final NamedSql SEQ_OF =
      NamedSql.of(
          "SELECT seq FROM uploads WHERE upload_id = :upload_id AND bucket = :bucket AND key ="
              + " :key");

  private record Row(MultipartUpload upload, long seq) {}

  /** Runs inside a read snapshot. */
  static UploadListing list(
      Tx tx,
      String bucket,
      String prefix,
      @Nullable String delimiter,
      @Nullable String keyMarker,
      @Nullable String uploadIdMarker,
      int maxUploads)
      throws SQLException {
    if (maxUploads <= 0) {
      return new UploadListing(List.of(), List.of(), false, null, null);
    }
    String marker = keyMarker == null || keyMarker.isEmpty() ? null : keyMarker;
    SkipScan.Range range = SkipScan.Range.of(prefix, delimiter, marker);
    Long markerSeq =
        marker == null || uploadIdMarker == null || uploadIdMarker.isEmpty()
            ? null
            : markerSeq(tx, bucket, Keys.utf8(marker), uploadIdMarker, range);
    if (range.empty() && markerSeq == null) {
      return new UploadListing(List.of(), List.of(), false, null, null);
    }
    List<SkipScan.Walked<Row>> rows = new ArrayList<>();
    try (ResultSet rs =
        query(bucket, range, markerSeq == null ? null : marker, markerSeq, maxUploads)
            .prepare(tx)
            .executeQuery()) {
      while (rs.next()) {
        rows.add(
            new SkipScan.Walked<>(
                rs.getInt(N_COLUMN), rs.getBytes(3), new Row(Rows.upload(rs), rs.getLong(11))));
      }
    }
    SkipScan.Page<Row> page = SkipScan.page(rows, range, maxUploads);
    List<MultipartUpload> uploads = page.items().stream().map(Row::upload).toList();
    String nextKey = null;
    String nextId = null;
    if (page.truncated()) {
      if (page.lastPrefix() != null) {
        nextKey = page.lastPrefix();
      } else {
        // a truncated page ends on a row or a prefix
        Row last = Objects.requireNonNull(page.lastItem());
        nextKey = last.upload().key();
        nextId = last.upload().uploadId();
      }
    }
    return new UploadListing(uploads, page.prefixes(), page.truncated(), nextKey, nextId);
  }

  /**
   * The one statement of a page, after the upload marker's sequence ({@link #markerSeq}) when the
   * page goes on inside the marker key's uploads.
   */
  static NamedSql.Bound query(
      String bucket,
      SkipScan.Range range,
      @Nullable String markerKey,
      @Nullable Long markerSeq,
      int maxUploads) {
    return WALK.with(
        range
            .args(bucket, maxUploads)
            .put("marker_key", markerKey == null ? null : Keys.utf8(markerKey))
            .put("marker_seq", markerSeq));
  }

  /**
   * The sequence of the upload ID marker when the page goes on inside the marker key's uploads: the
   * marker upload is known and its key is within the prefix (as SQLite's store).
   */
  static @Nullable Long markerSeq(
      Tx tx, String bucket, byte[] markerKey, String uploadIdMarker, SkipScan.Range range)
      throws SQLException {
    NamedSql.Args args =
        new NamedSql.Args()
            .put("upload_id", uploadIdMarker)
            .put("bucket", bucket)
            .put("key", markerKey);
    try (ResultSet rs = SEQ_OF.with(args).prepare(tx).executeQuery()) {
      if (!rs.next() || !range.contains(markerKey)) {
        return null;
      }
      return rs.getLong(1);
    }
  }
}
