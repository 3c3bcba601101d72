package io.coffer.meta.rows;

import io.coffer.model.Bucket;
import io.coffer.model.Credential;
import io.coffer.model.DefaultRetention;
import io.coffer.model.LegalHold;
import io.coffer.model.ListedObject;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.PresignedUrl;
import io.coffer.model.RetentionMode;
import io.coffer.model.Storage;
import io.coffer.model.StoredChecksum;
import io.coffer.model.Versioning;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The column lists of each table and the mapping of their rows to model records. */
public final class Rows {
  public static final String OBJECT_COLUMNS =
      "bucket, key, storage_id, size, etag, content_type, headers, user_meta, checksum_algorithm,"
          + " checksum_value, checksum_type, part_count, created_at, updated_at, version_id, lock,"
          + " acl, tags, encryption";

  /** How many columns {@link #OBJECT_COLUMNS} names; a query's next column follows them. */
  public static final int OBJECT_COLUMN_COUNT = 19;

  public static final String CREDENTIAL_COLUMNS =
      "id, access_key, secret_key, user_name, is_active, created_at, parent_id, expires_at,"
          + " inline_policy";
  public static final String BUCKET_COLUMNS =
      "name, id, owner_id, region, created_at, object_count, total_size, versioning, object_lock,"
          + " lock_default_mode, lock_default_days, lock_default_years, "
          + AccessColumns.BUCKET_ACCESS_COLUMNS
          + ", "
          + FeatureColumns.BUCKET_FEATURE_COLUMNS;
  public static final String UPLOAD_COLUMNS =
      "upload_id, bucket, key, initiator_id, content_type, headers, user_meta, checksum_algorithm,"
          + " checksum_type, initiated_at, seq, lock, acl, tags, encryption";
  public static final String PART_COLUMNS =
      "upload_id, part_number, blob_id, size, etag, checksum_algorithm, checksum_value,"
          + " checksum_type, last_modified";
  public static final String PRESIGNED_COLUMNS =
      "id, hash, bucket, key, method, credential_id, access_key, expires_at, created_at, revoked";

  private Rows() {}

  @FunctionalInterface
  public interface RowMapper<R> {
    R map(ResultSet rs) throws SQLException;
  }

  public static <R> Optional<R> one(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
    }
  }

  public static <R> List<R> all(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
    List<R> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
    }
    return out;
  }

  public static boolean exists(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  public static Credential credential(ResultSet rs) throws SQLException {
    return new Credential(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5) != 0,
        Instant.ofEpochMilli(rs.getLong(6)),
        nullableLong(rs, 7),
        nullableInstant(rs, 8),
        rs.getString(9));
  }

  public static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  public static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
    Long millis = nullableLong(rs, column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  public static Bucket bucket(ResultSet rs) throws SQLException {
    return new Bucket(
        rs.getString(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)),
        rs.getLong(6),
        rs.getLong(7),
        versioning(rs.getString(8)),
        rs.getInt(9) != 0,
        defaultRetention(rs, 10),
        AccessColumns.bucketAccess(rs, 13),
        FeatureColumns.bucketFeatures(rs, 17));
  }

  public static Versioning versioning(@Nullable String status) {
    Versioning v = status == null ? null : Versioning.ofStatus(status);
    return v == null ? Versioning.UNVERSIONED : v;
  }

  /** A default retention from three columns (mode, days, years) starting at {@code first}. */
  public static @Nullable DefaultRetention defaultRetention(ResultSet rs, int first)
      throws SQLException {
    String mode = rs.getString(first);
    if (mode == null) {
      return null;
    }
    int days = rs.getInt(first + 1);
    Integer d = rs.wasNull() ? null : days;
    int years = rs.getInt(first + 2);
    Integer y = rs.wasNull() ? null : years;
    return new DefaultRetention(RetentionMode.valueOf(mode), d, y);
  }

  /**
   * A version's object lock from its column: NULL for none, else "mode|retain-until millis|legal
   * hold" with "-" for a part that is not set (e.g. "GOVERNANCE|1767225600000|-", "-|-|ON").
   */
  public static ObjectLock lock(@Nullable String column) {
    if (column == null) {
      return ObjectLock.NONE;
    }
    String[] parts = column.split("\\|", 3);
    return new ObjectLock(
        parts[0].equals("-") ? null : RetentionMode.valueOf(parts[0]),
        parts[1].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[1])),
        parts[2].equals("-") ? null : LegalHold.valueOf(parts[2]));
  }

  /** Binds a lock as {@link #lock(String)} reads it. */
  public static void bindLock(PreparedStatement ps, int index, ObjectLock lock)
      throws SQLException {
    ps.setString(index, encodeLock(lock));
  }

  /** A lock's column value, as {@link #lock(String)} reads it. */
  public static @Nullable String encodeLock(ObjectLock lock) {
    if (lock.equals(ObjectLock.NONE)) {
      return null;
    }
    return (lock.mode() == null ? "-" : lock.mode().name())
        + "|"
        + (lock.retainUntil() == null ? "-" : Long.toString(lock.retainUntil().toEpochMilli()))
        + "|"
        + (lock.legalHold() == null ? "-" : lock.legalHold().name());
  }

  /**
   * An object row of {@link #OBJECT_COLUMNS} followed by its inline body (null unless it has one).
   * Which storage an object has is told by the row: an inline body, else a part count, else its
   * storage ID names its blob.
   */
  public static ObjectMeta object(ResultSet rs, byte[] key) throws SQLException {
    return object(Columns.of(rs), key);
  }

  /** As {@link #object(ResultSet, byte[])}, from a row read by position. */
  public static ObjectMeta object(Columns row, byte[] key) throws SQLException {
    String storageId = row.text(3);
    int partCount = row.int32(12);
    byte[] inline = row.blob(OBJECT_COLUMN_COUNT + 1);
    Storage storage =
        inline != null
            ? new Storage.Inline(inline)
            : partCount > 0 ? new Storage.Parts(storageId, partCount) : new Storage.Blob(storageId);
    return new ObjectMeta(
        row.text(1),
        Keys.string(key),
        row.int64(4),
        row.text(5),
        row.text(6),
        Json.decode(row.text(7)),
        Json.decode(row.text(8)),
        checksum(row.text(9), row.text(10), row.text(11)),
        Instant.ofEpochMilli(row.int64(13)),
        Instant.ofEpochMilli(row.int64(14)),
        storage,
        row.text(15),
        lock(row.text(16)),
        AccessColumns.acl(row.text(17)),
        Json.decode(row.text(18)),
        FeatureColumns.encryption(row.text(19)));
  }

  /** An object row of {@link #OBJECT_COLUMNS} as a listing shows it. */
  public static ListedObject listed(ResultSet rs, byte[] key) throws SQLException {
    return new ListedObject(
        rs.getString(1),
        Keys.string(key),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        checksum(rs.getString(9), rs.getString(10), rs.getString(11)),
        rs.getInt(12),
        Instant.ofEpochMilli(rs.getLong(13)),
        Instant.ofEpochMilli(rs.getLong(14)));
  }

  public static MultipartUpload upload(ResultSet rs) throws SQLException {
    return new MultipartUpload(
        rs.getString(1),
        rs.getString(2),
        Keys.string(rs.getBytes(3)),
        rs.getLong(4),
        rs.getString(5),
        Json.decode(rs.getString(6)),
        Json.decode(rs.getString(7)),
        rs.getString(8),
        rs.getString(9),
        Instant.ofEpochMilli(rs.getLong(10)),
        lock(rs.getString(12)),
        AccessColumns.acl(rs.getString(13)),
        Json.decode(rs.getString(14)),
        FeatureColumns.encryption(rs.getString(15)));
  }

  public static Part part(ResultSet rs) throws SQLException {
    return new Part(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        checksum(rs.getString(6), rs.getString(7), rs.getString(8)),
        Instant.ofEpochMilli(rs.getLong(9)));
  }

  public static PresignedUrl presignedUrl(ResultSet rs) throws SQLException {
    return new PresignedUrl(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getString(7),
        Instant.ofEpochMilli(rs.getLong(8)),
        Instant.ofEpochMilli(rs.getLong(9)),
        rs.getInt(10) != 0);
  }

  public static @Nullable StoredChecksum checksum(String algorithm, String value, String type) {
    return algorithm == null ? null : new StoredChecksum(algorithm, value, type);
  }

  /** Binds a nullable checksum to three consecutive parameters starting at {@code first}. */
  public static void bindChecksum(PreparedStatement ps, int first, @Nullable StoredChecksum ck)
      throws SQLException {
    ps.setString(first, ck == null ? null : ck.algorithm());
    ps.setString(first + 1, ck == null ? null : ck.value());
    ps.setString(first + 2, ck == null ? null : ck.type());
  }
}
