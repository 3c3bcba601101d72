package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.UPLOAD_COLUMNS;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.MultipartUpload;
import io.coffer.model.UploadListing;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * ListMultipartUploads: uploads ordered by (key, initiation order), after the (key marker, upload
 * ID marker) position as S3 defines it, grouped by delimiter with the same skip-scan as objects.
 */
final class UploadListingSql {
  private UploadListingSql() {}

  private record Row(MultipartUpload upload, long seq) {}

  private static final SkipScan.KeyedRowMapper<Row> ROW =
      (rs, key) -> new Row(Rows.upload(rs), rs.getLong(11));

  /** Runs inside a read snapshot. */
  static UploadListing list(
      Conn c,
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
    SkipScan.RowCursor<Row> laterOfMarkerKey =
        marker == null || uploadIdMarker == null || uploadIdMarker.isEmpty()
            ? null
            : laterUploadsOfMarkerKey(c, bucket, Keys.utf8(marker), uploadIdMarker, range);
    if (range.empty() && laterOfMarkerKey == null) {
      return new UploadListing(List.of(), List.of(), false, null, null);
    }
    SkipScan.Page<Row> page =
        SkipScan.scan(
            (from, to) -> {
              PreparedStatement ps =
                  c.ps(
                      "SELECT "
                          + UPLOAD_COLUMNS
                          + " FROM uploads"
                          + " WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key, seq");
              ps.setString(1, bucket);
              ps.setBytes(2, from);
              ps.setBytes(3, to);
              return new SkipScan.RowCursor<>(ps.executeQuery(), 3, ROW);
            },
            laterOfMarkerKey,
            range,
            maxUploads);
    List<MultipartUpload> uploads = page.items().stream().map(Row::upload).toList();
    String nextKey = null;
    String nextId = null;
    if (page.truncated()) {
      if (page.lastPrefix() != null) {
        nextKey = page.lastPrefix();
      } else {
        Row last =
            Objects.requireNonNull(page.lastItem()); // a truncated page ends on a row or a prefix
        nextKey = last.upload().key();
        nextId = last.upload().uploadId();
      }
    }
    return new UploadListing(uploads, page.prefixes(), page.truncated(), nextKey, nextId);
  }

  /** The uploads of the marker key itself initiated after the upload ID marker, if it is known. */
  private static SkipScan.@Nullable RowCursor<Row> laterUploadsOfMarkerKey(
      Conn c, String bucket, byte[] markerKey, String uploadIdMarker, SkipScan.Range range)
      throws SQLException {
    PreparedStatement seqOf =
        c.ps("SELECT seq FROM uploads WHERE upload_id = ? AND bucket = ? AND key = ?");
    seqOf.setString(1, uploadIdMarker);
    seqOf.setString(2, bucket);
    seqOf.setBytes(3, markerKey);
    Optional<Long> seq = Rows.one(seqOf, rs -> rs.getLong(1));
    if (seq.isEmpty() || !range.contains(markerKey)) {
      return null;
    }
    PreparedStatement ps =
        c.ps(
            "SELECT "
                + UPLOAD_COLUMNS
                + " FROM uploads"
                + " WHERE bucket = ? AND key = ? AND seq > ? ORDER BY seq");
    ps.setString(1, bucket);
    ps.setBytes(2, markerKey);
    ps.setLong(3, seq.get());
    return new SkipScan.RowCursor<>(ps.executeQuery(), 3, ROW);
  }
}
