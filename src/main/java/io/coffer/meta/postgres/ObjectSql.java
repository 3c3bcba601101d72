package io.coffer.meta.postgres;

import static io.coffer.meta.rows.Rows.OBJECT_COLUMNS;

import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.meta.MetadataStore.Written;
import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.KeyVersion;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The objects and segments tables: the current version of each key, and what it is made of.
 *
 * <p>Every write of a key first takes a transaction-scoped advisory lock on (bucket, key) ({@link
 * #lockKey}, with its bucket's row FOR SHARE), then reads the key's current version: writers of one
 * key, on any node, take turns, so a precondition checked is still true when the write commits and
 * each new version's seq is above every other. A row lock could not do this for a key with no row
 * yet.
 */
final class ObjectSql {
  /** The first half of the two-int advisory lock keys of object keys (the other is a hash). */
  private static final int KEY_LOCKS = 0x6b657973; // "keys"

  /** The columns written for a version, in the order {@link #bind} binds them. */
  static final String WRITE_COLUMNS = OBJECT_COLUMNS + ", inline_id, seq";

  private ObjectSql() {}

  /**
   * Reads the bucket a write of one key goes to {@code FOR SHARE} (see BucketSql#lock) and waits
   * for, then holds until the transaction ends, the lock of the key: in one statement, as every
   * write takes both. Two keys whose hashes collide merely take turns. The caller reads the key's
   * rows in a later statement, whose snapshot then includes the previous holder's commit.
   *
   * @param id the bucket's ID the caller looked up, or null for whichever bucket has the name
   */
  static LockedBucket lockKey(Tx tx, String bucket, @Nullable String id, byte[] key)
      throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT id, versioning, notification IS NOT NULL, pg_advisory_xact_lock(?, ?)"
                + " FROM buckets WHERE name = ? FOR SHARE");
    ps.setInt(1, KEY_LOCKS);
    ps.setInt(2, hash(bucket, key));
    ps.setString(3, bucket);
    LockedBucket locked =
        Rows.one(
                ps,
                rs ->
                    new LockedBucket(
                        bucket,
                        rs.getString(1),
                        Rows.versioning(rs.getString(2)),
                        rs.getBoolean(3)))
            .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_BUCKET));
    if (id != null && !locked.id().equals(id)) {
      // a bucket of the same name created since the caller looked it up (see BucketSql#lock)
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
    return locked;
  }

  /** FNV-1a over the bucket name, a separator, and the key. */
  private static int hash(String bucket, byte[] key) {
    int h = 0x811c9dc5;
    for (byte b : bucket.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x01000193;
    }
    h = (h ^ 0x2f) * 0x01000193;
    for (byte b : key) {
      h = (h ^ (b & 0xff)) * 0x01000193;
    }
    return h;
  }

  static Optional<ObjectMeta> find(Tx tx, String bucket, byte[] key) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT "
                + OBJECT_COLUMNS
                + ", (SELECT data FROM inline_bodies WHERE id = inline_id)"
                + " FROM objects WHERE bucket = ? AND key = ?");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    return Rows.one(ps, rs -> Rows.object(rs, rs.getBytes(2)));
  }

  static List<Segment> segments(Tx tx, String storageId) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT part_number, blob_id, size, etag, checksum_algorithm, checksum_value,"
                + " checksum_type FROM segments WHERE storage_id = ? ORDER BY part_number");
    ps.setString(1, storageId);
    return Rows.all(
        ps,
        rs ->
            new Segment(
                rs.getInt(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                Rows.checksum(rs.getString(5), rs.getString(6), rs.getString(7))));
  }

  /** See MetadataStore#putObject. */
  static Written put(
      Tx tx, String bucketId, ObjectMeta object, WritePrecondition pre, @Nullable EventDraft event)
      throws SQLException {
    byte[] key = Keys.utf8(object.key());
    LockedBucket bucket = lockKey(tx, object.bucket(), bucketId, key);
    ObjectMeta previous = find(tx, object.bucket(), key).orElse(null);
    check(pre, previous);
    Written written =
        makeCurrent(
            tx,
            bucket,
            object,
            key,
            previous,
            object.storage() instanceof Storage.Blob blob ? blob.id() : null);
    OutboxSql.recordWrite(tx, bucket, event, written.object());
    return written;
  }

  /**
   * Writes {@code object} as the current version of its key, which was {@code previous} (null when
   * the key had no current object), as the bucket's versioning says (see MetadataStore#putObject).
   * The caller holds the key's lock and writes the segments of a multipart object. Blobs no longer
   * used are recorded as released, never returned.
   *
   * @param keepBlob a blob the new version uses that the previous one may name too (never released)
   */
  static Written makeCurrent(
      Tx tx,
      LockedBucket bucket,
      ObjectMeta object,
      byte[] key,
      @Nullable ObjectMeta previous,
      @Nullable String keepBlob)
      throws SQLException {
    Versioning versioning = bucket.versioning();
    if (versioning == Versioning.UNVERSIONED) {
      release(tx, bucket.id(), previous, keepBlob);
      ObjectMeta stored = object.withVersion(KeyVersion.NULL_VERSION);
      upsert(tx, key, stored, 0);
      long freed = previous == null ? 0 : previous.size();
      CounterSql.object(tx, bucket.id(), previous == null ? 1 : 0, object.size() - freed);
      return new Written(stored, new Replaced(previous, List.of()));
    }
    String name = object.bucket();
    long seq = Versions.nextSeq(tx, name, key);
    if (versioning == Versioning.ENABLED) {
      if (previous != null) {
        Versions.moveCurrentToNoncurrent(tx, name, key);
      }
      upsert(tx, key, object, seq);
      CounterSql.object(tx, bucket.id(), previous == null ? 1 : 0, object.size());
      return new Written(object, new Replaced(previous, List.of()));
    }
    // Suspended: the new object is the null version, replacing the old one wherever it is.
    long freed = 0;
    if (previous != null && previous.versionId().equals(KeyVersion.NULL_VERSION)) {
      release(tx, bucket.id(), previous, keepBlob);
      freed += previous.size();
    } else if (previous != null) {
      Versions.moveCurrentToNoncurrent(tx, name, key);
    }
    Versions.Noncurrent oldNull = Versions.findNoncurrent(tx, name, key, KeyVersion.NULL_VERSION);
    if (oldNull != null) {
      Versions.remove(tx, bucket.id(), oldNull);
      freed += oldNull.size();
    }
    ObjectMeta stored = object.withVersion(KeyVersion.NULL_VERSION);
    upsert(tx, key, stored, seq);
    CounterSql.object(tx, bucket.id(), previous == null ? 1 : 0, object.size() - freed);
    return new Written(stored, new Replaced(previous, List.of()));
  }

  /** Checks a precondition against the current version (null when the key is absent). */
  static void check(WritePrecondition pre, @Nullable ObjectMeta current) {
    if (current != null && pre.noneMatchRefuses(current.etag())) {
      throw new CofferException(ErrorCode.PRECONDITION_FAILED);
    }
    if (pre.ifMatch() != null) {
      if (current == null) {
        throw new CofferException(ErrorCode.NO_SUCH_KEY);
      }
      String want = WritePrecondition.unquote(pre.ifMatch());
      if (!want.equals("*") && !want.equals(WritePrecondition.unquote(current.etag()))) {
        throw new CofferException(ErrorCode.PRECONDITION_FAILED);
      }
    }
  }

  /**
   * Releases what the current version {@code previous} stored its bytes in, before its row is
   * replaced or deleted: deletes its segments rows or its inline body, and records its blobs (not
   * {@code keepBlob}) as released.
   */
  static void release(
      Tx tx, String bucketId, @Nullable ObjectMeta previous, @Nullable String keepBlob)
      throws SQLException {
    if (previous == null) {
      return;
    }
    List<String> blobs = new ArrayList<>();
    switch (previous.storage()) {
      case Storage.Parts parts -> blobs.addAll(removeSegments(tx, parts.storageId()));
      case Storage.Inline inline -> {
        PreparedStatement del =
            tx.ps(
                "DELETE FROM inline_bodies WHERE id ="
                    + " (SELECT inline_id FROM objects WHERE bucket = ? AND key = ?)");
        del.setString(1, previous.bucket());
        del.setBytes(2, Keys.utf8(previous.key()));
        del.executeUpdate();
      }
      case Storage.Blob blob -> {
        if (!blob.id().equals(keepBlob)) {
          blobs.add(blob.id());
        }
      }
    }
    if (!blobs.isEmpty()) {
      ReleasedBlobSql.release(tx, bucketId, blobs);
    }
  }

  /** Deletes a multipart object's segments, returning their blobs for release. */
  static List<String> removeSegments(Tx tx, String storageId) throws SQLException {
    PreparedStatement del =
        tx.ps("DELETE FROM segments WHERE storage_id = ? RETURNING blob_id, part_number");
    del.setString(1, storageId);
    return Rows.all(del, rs -> rs.getString(1));
  }

  /** Deletes the current object row of a key (its storage released by the caller). */
  static void deleteRow(Tx tx, String bucket, byte[] key) throws SQLException {
    PreparedStatement del = tx.ps("DELETE FROM objects WHERE bucket = ? AND key = ?");
    del.setString(1, bucket);
    del.setBytes(2, key);
    del.executeUpdate();
  }

  /**
   * Writes the objects row of the key as {@code m} says (the version as stored), replacing the row
   * there (whose storage the caller released or moved to object_versions).
   *
   * @param seq the version's place among the key's versions (higher is newer)
   */
  private static void upsert(Tx tx, byte[] key, ObjectMeta m, long seq) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "INSERT INTO objects ("
                + WRITE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (bucket, key) DO UPDATE SET ("
                + WRITE_COLUMNS
                + ") = ROW("
                + ("EXCLUDED." + WRITE_COLUMNS.replace(", ", ", EXCLUDED."))
                + ")");
    bind(tx, ps, key, m, seq);
    ps.executeUpdate();
  }

  /** Binds a version's {@link #WRITE_COLUMNS}; stores its inline body first, if it has one. */
  static void bind(Tx tx, PreparedStatement ps, byte[] key, ObjectMeta m, long seq)
      throws SQLException {
    ps.setString(1, m.bucket());
    ps.setBytes(2, key);
    ps.setLong(4, m.size());
    ps.setString(5, m.etag());
    ps.setString(6, m.contentType());
    ps.setString(7, Json.encode(m.headers()));
    ps.setString(8, Json.encode(m.userMetadata()));
    Rows.bindChecksum(ps, 9, m.checksum());
    ps.setInt(12, m.partCount());
    ps.setLong(13, m.createdAt().toEpochMilli());
    ps.setLong(14, (m.updatedAt() == null ? m.createdAt() : m.updatedAt()).toEpochMilli());
    ps.setString(15, m.versionId());
    ps.setString(16, Rows.encodeLock(m.lock()));
    ps.setString(17, AccessColumns.encode(m.acl()));
    ps.setString(18, Json.encode(m.tags()));
    ps.setString(19, FeatureColumns.encode(m.encryption()));
    ps.setLong(21, seq);
    switch (m.storage()) {
      case Storage.Inline inline -> {
        // The column is NOT NULL but nothing reads it for an inline object: name its body.
        long inlineId = insertInlineBody(tx, inline.bytes());
        ps.setString(3, "inline-" + inlineId);
        ps.setLong(20, inlineId);
      }
      case Storage.Blob blob -> {
        ps.setString(3, blob.id());
        ps.setNull(20, Types.BIGINT);
      }
      case Storage.Parts parts -> {
        ps.setString(3, parts.storageId());
        ps.setNull(20, Types.BIGINT);
      }
    }
  }

  private static long insertInlineBody(Tx tx, byte[] data) throws SQLException {
    PreparedStatement ps = tx.ps("INSERT INTO inline_bodies (data) VALUES (?) RETURNING id");
    ps.setBytes(1, data);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void insertSegments(Tx tx, String storageId, List<Segment> segments) throws SQLException {
    PreparedStatement ins =
        tx.ps(
            "INSERT INTO segments (storage_id, part_number, blob_id, size, etag,"
                + " checksum_algorithm, checksum_value, checksum_type)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (storage_id, part_number) DO UPDATE SET blob_id = EXCLUDED.blob_id,"
                + " size = EXCLUDED.size, etag = EXCLUDED.etag,"
                + " checksum_algorithm = EXCLUDED.checksum_algorithm,"
                + " checksum_value = EXCLUDED.checksum_value,"
                + " checksum_type = EXCLUDED.checksum_type");
    for (Segment s : segments) {
      ins.setString(1, storageId);
      ins.setInt(2, s.partNumber());
      ins.setString(3, s.blobId());
      ins.setLong(4, s.size());
      ins.setString(5, s.etag());
      Rows.bindChecksum(ins, 6, s.checksum());
      ins.addBatch();
    }
    ins.executeBatch();
  }
}
