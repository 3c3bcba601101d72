package io.coffer.meta.postgres;

import static io.coffer.meta.rows.Rows.PART_COLUMNS;
import static io.coffer.meta.rows.Rows.UPLOAD_COLUMNS;

import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.MultipartUpload;
import io.coffer.model.Part;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The uploads and parts tables (completing an upload is {@link UploadCompletion}). A part is
 * recorded while holding its upload's row {@code FOR SHARE}, and an abort or a completion takes
 * that row for update: so a part is never added to an upload that is going away, and parts of one
 * upload are recorded in parallel.
 */
final class UploadSql {
  private UploadSql() {}

  static void create(Tx tx, MultipartUpload u) throws SQLException {
    BucketSql.lock(tx, u.bucket());
    // seq (ordering a key's uploads) is an identity column, given by the database
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO uploads (upload_id, bucket, key, initiator_id, content_type, headers,"
                + " user_meta, checksum_algorithm, checksum_type, initiated_at, lock, acl, tags,"
                + " encryption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, u.uploadId());
    ins.setString(2, u.bucket());
    ins.setBytes(3, Keys.utf8(u.key()));
    ins.setLong(4, u.initiatorId());
    ins.setString(5, u.contentType());
    ins.setString(6, Json.encode(u.headers()));
    ins.setString(7, Json.encode(u.userMetadata()));
    ins.setString(8, u.checksumAlgorithm());
    ins.setString(9, u.checksumType());
    ins.setLong(10, u.initiatedAt().toEpochMilli());
    ins.setString(11, Rows.encodeLock(u.lock()));
    ins.setString(12, AccessColumns.encode(u.acl()));
    ins.setString(13, Json.encode(u.tags()));
    ins.setString(14, FeatureColumns.encode(u.encryption()));
    ins.executeUpdate();
    CounterSql.add(tx, CounterSql.Counter.UPLOADS, 1);
  }

  static Optional<MultipartUpload> find(Tx tx, String uploadId) throws SQLException {
    PreparedStatement ps = tx.ps("SELECT " + UPLOAD_COLUMNS + " FROM uploads WHERE upload_id = ?");
    ps.setString(1, uploadId);
    return Rows.one(ps, Rows::upload);
  }

  /**
   * Locks the upload's row ({@code FOR SHARE} or {@code FOR UPDATE}) and returns its bucket's ID;
   * NO_SUCH_UPLOAD when absent.
   */
  static String lock(Tx tx, String uploadId, boolean exclusive) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT b.id FROM uploads u JOIN buckets b ON b.name = u.bucket"
                + " WHERE u.upload_id = ? FOR "
                + (exclusive ? "UPDATE" : "SHARE")
                + " OF u");
    ps.setString(1, uploadId);
    return Rows.one(ps, rs -> rs.getString(1))
        .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_UPLOAD));
  }

  /**
   * Records a part, replacing one with the same number, whose blob is recorded as released. Returns
   * nothing: the PostgreSQL store hands no blob back for deletion.
   */
  static Optional<String> putPart(Tx tx, Part part) throws SQLException {
    String bucketId = lock(tx, part.uploadId(), false);
    // Two requests for one part number on two nodes: the second INSERT waits for the first to
    // commit, does nothing, and then replaces the row it can now lock, releasing its blob.
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO parts ("
                + PART_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    bind(ins, part);
    if (ins.executeUpdate() == 1) {
      return Optional.empty();
    }
    PreparedStatement old =
        tx.ps("SELECT blob_id FROM parts WHERE upload_id = ? AND part_number = ? FOR UPDATE");
    old.setString(1, part.uploadId());
    old.setInt(2, part.partNumber());
    Optional<String> replaced = Rows.one(old, rs -> rs.getString(1));
    PreparedStatement upd =
        tx.ps(
            "UPDATE parts SET upload_id = ?, part_number = ?, blob_id = ?, size = ?, etag = ?,"
                + " checksum_algorithm = ?, checksum_value = ?, checksum_type = ?,"
                + " last_modified = ? WHERE upload_id = ? AND part_number = ?");
    bind(upd, part);
    upd.setString(10, part.uploadId());
    upd.setInt(11, part.partNumber());
    upd.executeUpdate();
    if (replaced.isPresent() && !replaced.get().equals(part.blobId())) {
      ReleasedBlobSql.release(tx, bucketId, List.of(replaced.get()));
    }
    return Optional.empty();
  }

  private static void bind(PreparedStatement ps, Part part) throws SQLException {
    ps.setString(1, part.uploadId());
    ps.setInt(2, part.partNumber());
    ps.setString(3, part.blobId());
    ps.setLong(4, part.size());
    ps.setString(5, part.etag());
    Rows.bindChecksum(ps, 6, part.checksum());
    ps.setLong(9, part.lastModified().toEpochMilli());
  }

  static List<Part> listParts(Tx tx, String uploadId, int afterPartNumber, int maxParts)
      throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT "
                + PART_COLUMNS
                + " FROM parts WHERE upload_id = ? AND part_number > ?"
                + " ORDER BY part_number LIMIT ?");
    ps.setString(1, uploadId);
    ps.setInt(2, afterPartNumber);
    ps.setInt(3, maxParts);
    return Rows.all(ps, Rows::part);
  }

  /** Removes an upload; its parts' blobs are recorded as released, none returned. */
  static List<Part> abort(Tx tx, String uploadId) throws SQLException {
    String bucketId = lock(tx, uploadId, true);
    List<Part> parts = remove(tx, uploadId);
    ReleasedBlobSql.release(tx, bucketId, parts.stream().map(Part::blobId).toList());
    return List.of();
  }

  /** Deletes an upload (locked by the caller) with its parts, which it returns. */
  static List<Part> remove(Tx tx, String uploadId) throws SQLException {
    PreparedStatement delParts =
        tx.ps("DELETE FROM parts WHERE upload_id = ? RETURNING " + PART_COLUMNS);
    delParts.setString(1, uploadId);
    List<Part> parts = Rows.all(delParts, Rows::part);
    PreparedStatement del = tx.ps("DELETE FROM uploads WHERE upload_id = ?");
    del.setString(1, uploadId);
    del.executeUpdate();
    CounterSql.add(tx, CounterSql.Counter.UPLOADS, -1);
    return parts;
  }

  /**
   * Removes every upload of a bucket being deleted (its row locked for update), releasing their
   * parts' blobs.
   */
  static void deleteAllIn(Tx tx, String bucket, String bucketId) throws SQLException {
    PreparedStatement delParts =
        tx.ps(
            "DELETE FROM parts WHERE upload_id IN (SELECT upload_id FROM uploads WHERE bucket = ?)"
                + " RETURNING blob_id");
    delParts.setString(1, bucket);
    List<String> blobs = Rows.all(delParts, rs -> rs.getString(1));
    if (!blobs.isEmpty()) {
      ReleasedBlobSql.release(tx, bucketId, blobs);
    }
    PreparedStatement delUploads = tx.ps("DELETE FROM uploads WHERE bucket = ?");
    delUploads.setString(1, bucket);
    int uploads = delUploads.executeUpdate();
    if (uploads > 0) {
      CounterSql.add(tx, CounterSql.Counter.UPLOADS, -uploads);
    }
    // A retry of a completion must not answer for a bucket created again under the same name.
    PreparedStatement delCompleted = tx.ps("DELETE FROM completed_uploads WHERE bucket = ?");
    delCompleted.setString(1, bucket);
    delCompleted.executeUpdate();
  }
}
