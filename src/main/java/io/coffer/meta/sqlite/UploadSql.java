package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.PART_COLUMNS;
import static io.coffer.meta.rows.Rows.UPLOAD_COLUMNS;

import io.coffer.meta.MetadataStore.Completed;
import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.meta.MetadataStore.Written;
import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.meta.sqlite.ObjectSql.ObjectRow;
import io.coffer.model.CofferException;
import io.coffer.model.CompletedUpload;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The uploads and parts tables, and completing an upload into an object. */
final class UploadSql {
  private UploadSql() {}

  /** An upload with its fields encoded on the caller's thread. */
  record UploadRow(
      MultipartUpload upload, byte[] key, @Nullable String headers, @Nullable String userMeta) {
    static UploadRow of(MultipartUpload u) {
      return new UploadRow(
          u, Keys.utf8(u.key()), Json.encode(u.headers()), Json.encode(u.userMetadata()));
    }
  }

  static void create(Conn c, UploadRow row) throws SQLException {
    MultipartUpload u = row.upload();
    BucketSql.require(c, u.bucket());
    long seq;
    try (ResultSet rs =
        c.ps("UPDATE counters SET upload_seq = upload_seq + 1 WHERE id = 1 RETURNING upload_seq")
            .executeQuery()) {
      rs.next();
      seq = rs.getLong(1);
    }
    c.op.uploads++;
    PreparedStatement ins =
        c.ps(
            "INSERT INTO uploads ("
                + UPLOAD_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, u.uploadId());
    ins.setString(2, u.bucket());
    ins.setBytes(3, row.key());
    ins.setLong(4, u.initiatorId());
    ins.setString(5, u.contentType());
    ins.setString(6, row.headers());
    ins.setString(7, row.userMeta());
    ins.setString(8, u.checksumAlgorithm());
    ins.setString(9, u.checksumType());
    ins.setLong(10, u.initiatedAt().toEpochMilli());
    ins.setLong(11, seq);
    Rows.bindLock(ins, 12, u.lock());
    ins.setString(13, AccessColumns.encode(u.acl()));
    ins.setString(14, Json.encode(u.tags()));
    ins.setString(15, FeatureColumns.encode(u.encryption()));
    ins.executeUpdate();
  }

  static Optional<MultipartUpload> find(Conn c, String uploadId) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + UPLOAD_COLUMNS + " FROM uploads WHERE upload_id = ?");
    ps.setString(1, uploadId);
    return Rows.one(ps, Rows::upload);
  }

  private static void require(Conn c, String uploadId) throws SQLException {
    PreparedStatement ps = c.ps("SELECT 1 FROM uploads WHERE upload_id = ?");
    ps.setString(1, uploadId);
    if (!Rows.exists(ps)) {
      throw new CofferException(ErrorCode.NO_SUCH_UPLOAD);
    }
  }

  /** Records a part; returns the blob of a part it replaced, if any. */
  static Optional<String> putPart(Conn c, Part part) throws SQLException {
    require(c, part.uploadId());
    PreparedStatement old =
        c.ps("SELECT blob_id FROM parts WHERE upload_id = ? AND part_number = ?");
    old.setString(1, part.uploadId());
    old.setInt(2, part.partNumber());
    Optional<String> replaced = Rows.one(old, rs -> rs.getString(1));
    PreparedStatement ins =
        c.ps(
            "INSERT OR REPLACE INTO parts ("
                + PART_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, part.uploadId());
    ins.setInt(2, part.partNumber());
    ins.setString(3, part.blobId());
    ins.setLong(4, part.size());
    ins.setString(5, part.etag());
    Rows.bindChecksum(ins, 6, part.checksum());
    ins.setLong(9, part.lastModified().toEpochMilli());
    ins.executeUpdate();
    return replaced.filter(blob -> !blob.equals(part.blobId()));
  }

  static List<Part> listParts(Conn c, String uploadId, int afterPartNumber, int maxParts)
      throws SQLException {
    PreparedStatement ps =
        c.ps(
            "SELECT "
                + PART_COLUMNS
                + " FROM parts WHERE upload_id = ? AND part_number > ?"
                + " ORDER BY part_number LIMIT ?");
    ps.setString(1, uploadId);
    ps.setInt(2, afterPartNumber);
    ps.setInt(3, maxParts);
    return Rows.all(ps, Rows::part);
  }

  private static List<Part> allParts(Conn c, String uploadId) throws SQLException {
    return listParts(c, uploadId, 0, Integer.MAX_VALUE);
  }

  static List<Part> abort(Conn c, String uploadId) throws SQLException {
    require(c, uploadId);
    List<Part> parts = allParts(c, uploadId);
    remove(c, uploadId);
    return parts;
  }

  private static void remove(Conn c, String uploadId) throws SQLException {
    PreparedStatement delParts = c.ps("DELETE FROM parts WHERE upload_id = ?");
    delParts.setString(1, uploadId);
    delParts.executeUpdate();
    PreparedStatement del = c.ps("DELETE FROM uploads WHERE upload_id = ?");
    del.setString(1, uploadId);
    del.executeUpdate();
    c.op.uploads--;
  }

  /** Removes every upload of a bucket; returns their parts. */
  static List<Part> deleteAllIn(Conn c, String bucket) throws SQLException {
    PreparedStatement parts =
        c.ps(
            "SELECT p.upload_id, p.part_number, p.blob_id, p.size, p.etag, p.checksum_algorithm,"
                + " p.checksum_value, p.checksum_type, p.last_modified"
                + " FROM uploads u JOIN parts p ON p.upload_id = u.upload_id"
                + " WHERE u.bucket = ? ORDER BY u.key, u.seq, p.part_number");
    parts.setString(1, bucket);
    List<Part> removed = Rows.all(parts, Rows::part);
    PreparedStatement delParts =
        c.ps(
            "DELETE FROM parts WHERE upload_id IN (SELECT upload_id FROM uploads WHERE bucket ="
                + " ?)");
    delParts.setString(1, bucket);
    delParts.executeUpdate();
    PreparedStatement delUploads = c.ps("DELETE FROM uploads WHERE bucket = ?");
    delUploads.setString(1, bucket);
    c.op.uploads -= delUploads.executeUpdate();
    // A retry of a completion must not answer for a bucket created again under the same name.
    PreparedStatement delCompleted = c.ps("DELETE FROM completed_uploads WHERE bucket = ?");
    delCompleted.setString(1, bucket);
    delCompleted.executeUpdate();
    return removed;
  }

  /** Turns an upload into the current version of its key; see MetadataStore#completeUpload. */
  static Completed complete(
      Conn c,
      CompletedUpload completion,
      ObjectRow row,
      List<Segment> segments,
      WritePrecondition pre,
      Instant forgetBefore,
      @Nullable EventDraft event)
      throws SQLException {
    ObjectMeta object = row.meta();
    if (!(object.storage() instanceof Storage.Parts stored)) {
      throw new IllegalArgumentException("a completed upload's object is stored in parts");
    }
    String uploadId = completion.uploadId();
    PreparedStatement exists = c.ps("SELECT 1 FROM uploads WHERE upload_id = ?");
    exists.setString(1, uploadId);
    if (!Rows.exists(exists)) {
      // Completed meanwhile by a request with the same part list (a client's retry that raced
      // the first attempt): the same answer; anything else finds the upload gone.
      CompletedUpload earlier =
          findCompleted(c, uploadId)
              .filter(e -> isRetryOf(e, completion, forgetBefore))
              .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_UPLOAD));
      return new Completed(Replaced.NOTHING, List.of(), earlier);
    }
    BucketSql.Known bucket = BucketSql.known(c, object.bucket());
    Versioning versioning = bucket.versioning();
    ObjectMeta previous = ObjectSql.findForWrite(c, object.bucket(), row.key());
    ObjectSql.check(pre, previous);
    List<Part> parts = allParts(c, uploadId);
    Map<Integer, Part> byNumber = new HashMap<>();
    for (Part p : parts) {
      byNumber.put(p.partNumber(), p);
    }
    Set<String> used = new HashSet<>();
    for (Segment s : segments) {
      Part p = byNumber.get(s.partNumber());
      if (p == null || !p.blobId().equals(s.blobId())) {
        throw new CofferException(ErrorCode.INVALID_PART);
      }
      used.add(s.blobId());
    }
    Written written = ObjectSql.makeCurrent(c, versioning, row, previous, null);
    ObjectSql.insertSegments(c, stored.storageId(), segments);
    remove(c, uploadId);
    CompletedUpload completed =
        new CompletedUpload(
            completion.uploadId(),
            completion.bucket(),
            completion.key(),
            completion.etag(),
            completion.size(),
            completion.checksum(),
            completion.partsFingerprint(),
            completion.completedAt(),
            written.object().versionId());
    remember(c, completed, row.key(), forgetBefore);
    OutboxSql.recordWrite(c, bucket, event, written.object(), row.key());
    List<String> unused = new ArrayList<>();
    for (Part p : parts) {
      if (!used.contains(p.blobId())) {
        unused.add(p.blobId());
      }
    }
    return new Completed(written.replaced(), List.copyOf(unused), completed);
  }

  private static boolean isRetryOf(
      CompletedUpload earlier, CompletedUpload now, Instant forgetBefore) {
    return earlier.bucket().equals(now.bucket())
        && earlier.key().equals(now.key())
        && earlier.partsFingerprint().equals(now.partsFingerprint())
        && !earlier.completedAt().isBefore(forgetBefore);
  }

  /** How many expired completions each completion forgets: more than it adds, so none pile up. */
  private static final int FORGET_PER_COMPLETION = 8;

  private static void remember(Conn c, CompletedUpload u, byte[] key, Instant forgetBefore)
      throws SQLException {
    PreparedStatement forget =
        c.ps(
            "DELETE FROM completed_uploads WHERE upload_id IN (SELECT upload_id FROM"
                + " completed_uploads WHERE completed_at < ? ORDER BY completed_at LIMIT "
                + FORGET_PER_COMPLETION
                + ")");
    forget.setLong(1, forgetBefore.toEpochMilli());
    forget.executeUpdate();
    PreparedStatement ins =
        c.ps(
            "INSERT OR REPLACE INTO completed_uploads ("
                + COMPLETED_COLUMNS
                + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.setString(1, u.uploadId());
    ins.setString(2, u.bucket());
    ins.setBytes(3, key);
    ins.setString(4, u.etag());
    ins.setLong(5, u.size());
    Rows.bindChecksum(ins, 6, u.checksum());
    ins.setString(9, u.partsFingerprint());
    ins.setLong(10, u.completedAt().toEpochMilli());
    ins.setString(11, u.versionId());
    ins.executeUpdate();
  }

  private static final String COMPLETED_COLUMNS =
      "upload_id, bucket, key, etag, size, checksum_algorithm, checksum_value, checksum_type,"
          + " parts_fingerprint, completed_at, version_id";

  static Optional<CompletedUpload> findCompleted(Conn c, String uploadId) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + COMPLETED_COLUMNS + " FROM completed_uploads WHERE upload_id = ?");
    ps.setString(1, uploadId);
    return Rows.one(
        ps,
        rs ->
            new CompletedUpload(
                rs.getString(1),
                rs.getString(2),
                Keys.string(rs.getBytes(3)),
                rs.getString(4),
                rs.getLong(5),
                Rows.checksum(rs.getString(6), rs.getString(7), rs.getString(8)),
                rs.getString(9),
                Instant.ofEpochMilli(rs.getLong(10)),
                rs.getString(11)));
  }
}
