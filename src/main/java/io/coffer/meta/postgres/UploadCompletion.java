package io.coffer.meta.postgres;

import io.coffer.meta.MetadataStore.Completed;
import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.meta.MetadataStore.Written;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.CompletedUpload;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.WritePrecondition;
import java.sql.PreparedStatement;
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

/**
 * CompleteMultipartUpload: an upload becomes the current version of its key in one transaction,
 * holding the bucket row {@code FOR SHARE} and the key's lock (ObjectSql#lockKey), then the upload
 * row {@code FOR UPDATE} (so that a second completion, an abort or a part upload on another node
 * waits, then finds the upload gone). Nothing takes these in another order. The completions table
 * (completed_uploads) answers a retry.
 */
final class UploadCompletion {
  /** How many expired completions each completion forgets: more than it adds, so none pile up. */
  private static final int FORGET_PER_COMPLETION = 8;

  private static final String COMPLETED_COLUMNS =
      "upload_id, bucket, key, etag, size, checksum_algorithm, checksum_value, checksum_type,"
          + " parts_fingerprint, completed_at, version_id";

  private UploadCompletion() {}

  /** See MetadataStore#completeUpload; blobs no longer used are recorded as released. */
  static Completed complete(
      Tx tx,
      CompletedUpload completion,
      ObjectMeta object,
      List<Segment> segments,
      WritePrecondition pre,
      Instant forgetBefore,
      @Nullable EventDraft event)
      throws SQLException {
    if (!(object.storage() instanceof Storage.Parts stored)) {
      throw new IllegalArgumentException("a completed upload's object is stored in parts");
    }
    String uploadId = completion.uploadId();
    byte[] key = Keys.utf8(object.key());
    LockedBucket bucket;
    try {
      bucket = ObjectSql.lockKey(tx, object.bucket(), null, key);
      UploadSql.lock(tx, uploadId, true);
    } catch (CofferException gone) {
      // Completed meanwhile by a request with the same part list (a client's retry that raced
      // the first attempt): the same answer; anything else finds the upload gone. (A bucket that
      // is gone took its uploads with it.)
      if (gone.code() != ErrorCode.NO_SUCH_UPLOAD && gone.code() != ErrorCode.NO_SUCH_BUCKET) {
        throw gone;
      }
      CompletedUpload earlier =
          findCompleted(tx, uploadId)
              .filter(e -> isRetryOf(e, completion, forgetBefore))
              .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_UPLOAD));
      return new Completed(Replaced.NOTHING, List.of(), earlier);
    }
    ObjectMeta previous = ObjectSql.find(tx, object.bucket(), key).orElse(null);
    ObjectSql.check(pre, previous);
    List<Part> parts = UploadSql.listParts(tx, uploadId, 0, Integer.MAX_VALUE);
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
    Written written = ObjectSql.makeCurrent(tx, bucket, object, key, previous, null);
    ObjectSql.insertSegments(tx, stored.storageId(), segments);
    UploadSql.remove(tx, uploadId);
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
    remember(tx, completed, key, forgetBefore);
    OutboxSql.recordWrite(tx, bucket, event, written.object());
    List<String> unused = new ArrayList<>();
    for (Part p : parts) {
      if (!used.contains(p.blobId())) {
        unused.add(p.blobId());
      }
    }
    if (!unused.isEmpty()) {
      ReleasedBlobSql.release(tx, bucket.id(), unused);
    }
    return new Completed(written.replaced(), List.of(), completed);
  }

  private static boolean isRetryOf(
      CompletedUpload earlier, CompletedUpload now, Instant forgetBefore) {
    return earlier.bucket().equals(now.bucket())
        && earlier.key().equals(now.key())
        && earlier.partsFingerprint().equals(now.partsFingerprint())
        && !earlier.completedAt().isBefore(forgetBefore);
  }

  private static void remember(Tx tx, CompletedUpload u, byte[] key, Instant forgetBefore)
      throws SQLException {
    // SKIP LOCKED: completions on several nodes forget different rows instead of waiting
    PreparedStatement forget =
        tx.ps(
            "DELETE FROM completed_uploads WHERE upload_id IN (SELECT upload_id FROM"
                + " completed_uploads WHERE completed_at < ? ORDER BY completed_at LIMIT "
                + FORGET_PER_COMPLETION
                + " FOR UPDATE SKIP LOCKED)");
    forget.setLong(1, forgetBefore.toEpochMilli());
    forget.executeUpdate();
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO completed_uploads ("
                + COMPLETED_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (upload_id) DO UPDATE"
                + " SET ("
                + COMPLETED_COLUMNS
                + ") = ROW(EXCLUDED."
                + COMPLETED_COLUMNS.replace(", ", ", EXCLUDED.")
                + ")");
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

  static Optional<CompletedUpload> findCompleted(Tx tx, String uploadId) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT " + COMPLETED_COLUMNS + " FROM completed_uploads WHERE upload_id = ?");
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
