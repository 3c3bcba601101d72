package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.OBJECT_COLUMNS;
import static io.coffer.meta.rows.Rows.OBJECT_COLUMN_COUNT;

import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.Acl;
import io.coffer.model.CofferException;
import io.coffer.model.DeleteMarker;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.KeyVersion;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Storage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The object_versions table: noncurrent versions and delete markers, ordered within a key by seq
 * (higher is newer). A key's current version is its objects row when it has one, else its newest
 * row here (then a delete marker).
 */
final class Versions {
  private Versions() {}

  /** Columns shared by the objects and object_versions tables, in one order for copying rows. */
  private static final String SHARED_COLUMNS =
      "bucket, key, seq, storage_id, size, etag, content_type, headers, user_meta,"
          + " checksum_algorithm, checksum_value, checksum_type, part_count, created_at,"
          + " updated_at, inline_id, version_id, lock, acl, tags, encryption";

  /**
   * A row of {@link Rows#OBJECT_COLUMNS}, its inline body, then seq and delete_marker: the columns
   * {@link #version} maps.
   */
  private static final String SELECT_VERSION =
      "SELECT "
          + OBJECT_COLUMNS
          + ", (SELECT data FROM inline_bodies WHERE id = inline_id), seq, delete_marker"
          + " FROM object_versions";

  /** A noncurrent version (or a delete marker, current or not) and its place among the key's. */
  record Noncurrent(KeyVersion version, long seq) {
    long size() {
      return version instanceof ObjectMeta meta ? meta.size() : 0;
    }
  }

  private static Noncurrent version(ResultSet rs) throws SQLException {
    byte[] key = rs.getBytes(2);
    long seq = rs.getLong(OBJECT_COLUMN_COUNT + 2);
    if (rs.getInt(OBJECT_COLUMN_COUNT + 3) != 0) {
      return new Noncurrent(
          new DeleteMarker(
              rs.getString(1),
              Keys.string(key),
              rs.getString(15),
              Instant.ofEpochMilli(rs.getLong(13))),
          seq);
    }
    return new Noncurrent(Rows.object(rs, key), seq);
  }

  /** Writer: the seq a new version of the key gets, above every existing one. */
  static long nextSeq(Conn c, String bucket, byte[] key) throws SQLException {
    PreparedStatement current = c.ps("SELECT seq FROM objects WHERE bucket = ? AND key = ?");
    current.setString(1, bucket);
    current.setBytes(2, key);
    long max = Rows.one(current, rs -> rs.getLong(1)).orElse(0L);
    PreparedStatement older =
        c.ps(
            "SELECT seq FROM object_versions WHERE bucket = ? AND key = ? ORDER BY seq DESC LIMIT"
                + " 1");
    older.setString(1, bucket);
    older.setBytes(2, key);
    return Math.max(max, Rows.one(older, rs -> rs.getLong(1)).orElse(0L)) + 1;
  }

  /** Writer: the key's objects row becomes a noncurrent version (its storage stays). */
  static void moveCurrentToNoncurrent(Conn c, String bucket, byte[] key) throws SQLException {
    PreparedStatement copy =
        c.ps(
            "INSERT INTO object_versions ("
                + SHARED_COLUMNS
                + ", delete_marker) SELECT "
                + SHARED_COLUMNS
                + ", 0 FROM objects WHERE bucket = ? AND key = ?");
    copy.setString(1, bucket);
    copy.setBytes(2, key);
    copy.executeUpdate();
    PreparedStatement del = c.ps("DELETE FROM objects WHERE bucket = ? AND key = ?");
    del.setString(1, bucket);
    del.setBytes(2, key);
    del.executeUpdate();
  }

  /**
   * Writer: when the key's newest noncurrent version is an object, it becomes current (its objects
   * row). Called when the key has no objects row.
   *
   * @return whether one was promoted
   */
  static boolean promoteNewestIfObject(Conn c, String bucket, byte[] key) throws SQLException {
    Noncurrent newest = newest(c, bucket, key);
    if (newest == null || !(newest.version() instanceof ObjectMeta)) {
      return false;
    }
    PreparedStatement copy =
        c.ps(
            "INSERT INTO objects ("
                + SHARED_COLUMNS
                + ") SELECT "
                + SHARED_COLUMNS
                + " FROM object_versions WHERE bucket = ? AND key = ? AND seq = ?");
    copy.setString(1, bucket);
    copy.setBytes(2, key);
    copy.setLong(3, newest.seq());
    copy.executeUpdate();
    deleteRow(c, bucket, key, newest.seq());
    return true;
  }

  /** The key's newest row here, or null. */
  static @Nullable Noncurrent newest(Conn c, String bucket, byte[] key) throws SQLException {
    PreparedStatement ps =
        c.ps(SELECT_VERSION + " WHERE bucket = ? AND key = ? ORDER BY seq DESC LIMIT 1");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    return Rows.one(ps, Versions::version).orElse(null);
  }

  /** The key's row here with this version ID, or null. */
  static @Nullable Noncurrent findNoncurrent(Conn c, String bucket, byte[] key, String versionId)
      throws SQLException {
    PreparedStatement ps =
        c.ps(SELECT_VERSION + " WHERE bucket = ? AND key = ? AND version_id = ? LIMIT 1");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    ps.setString(3, versionId);
    return Rows.one(ps, Versions::version).orElse(null);
  }

  /** Writer: adds a delete marker. */
  static void insertMarker(
      Conn c, String bucket, byte[] key, long seq, String versionId, Instant now)
      throws SQLException {
    PreparedStatement ps =
        c.ps(
            "INSERT INTO object_versions (bucket, key, seq, storage_id, size, etag, part_count,"
                + " created_at, updated_at, version_id, delete_marker)"
                + " VALUES (?, ?, ?, '', 0, '', 0, ?, ?, ?, 1)");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    ps.setLong(3, seq);
    ps.setLong(4, now.toEpochMilli());
    ps.setLong(5, now.toEpochMilli());
    ps.setString(6, versionId);
    ps.executeUpdate();
  }

  /**
   * Writer: deletes a row here with its segments or inline body.
   *
   * @return the blobs it stored its bytes in, for the caller to release
   */
  static List<String> remove(Conn c, Noncurrent row) throws SQLException {
    List<String> blobs = new ArrayList<>();
    String bucket = row.version().bucket();
    byte[] key = Keys.utf8(row.version().key());
    if (row.version() instanceof ObjectMeta meta) {
      switch (meta.storage()) {
        case Storage.Parts parts -> blobs.addAll(ObjectSql.removeSegments(c, parts.storageId()));
        case Storage.Inline inline -> {
          PreparedStatement del =
              c.ps(
                  "DELETE FROM inline_bodies WHERE id = (SELECT inline_id FROM object_versions"
                      + " WHERE bucket = ? AND key = ? AND seq = ?)");
          del.setString(1, bucket);
          del.setBytes(2, key);
          del.setLong(3, row.seq());
          del.executeUpdate();
        }
        case Storage.Blob blob -> blobs.add(blob.id());
      }
    }
    deleteRow(c, bucket, key, row.seq());
    return blobs;
  }

  private static void deleteRow(Conn c, String bucket, byte[] key, long seq) throws SQLException {
    PreparedStatement del =
        c.ps("DELETE FROM object_versions WHERE bucket = ? AND key = ? AND seq = ?");
    del.setString(1, bucket);
    del.setBytes(2, key);
    del.setLong(3, seq);
    del.executeUpdate();
  }

  /** See MetadataStore#findVersion. */
  static Optional<KeyVersion> find(Conn c, String bucket, byte[] key, @Nullable String versionId)
      throws SQLException {
    Optional<ObjectMeta> current = ObjectSql.find(c, bucket, key);
    if (versionId == null) {
      if (current.isPresent()) {
        return Optional.of(current.get());
      }
      Noncurrent newest = newest(c, bucket, key);
      return newest == null ? Optional.empty() : Optional.of(newest.version());
    }
    if (current.isPresent() && current.get().versionId().equals(versionId)) {
      return Optional.of(current.get());
    }
    Noncurrent found = findNoncurrent(c, bucket, key, versionId);
    return found == null ? Optional.empty() : Optional.of(found.version());
  }

  /**
   * A version found for a change: current (its objects row) or noncurrent at seq, in a bucket the
   * writer knows.
   */
  private record Located(ObjectMeta meta, boolean current, long seq, BucketSql.Known bucket) {}

  /**
   * Writer: the version a change of one version's settings names ({@code versionId} null: the
   * current one). NO_SUCH_BUCKET, NO_SUCH_KEY or NO_SUCH_VERSION when absent, METHOD_NOT_ALLOWED
   * for a delete marker.
   */
  private static Located locate(Conn c, String bucket, byte[] key, @Nullable String versionId)
      throws SQLException {
    BucketSql.Known known = BucketSql.known(c, bucket);
    ObjectMeta current = ObjectSql.findForWrite(c, bucket, key);
    if (current != null && (versionId == null || current.versionId().equals(versionId))) {
      return new Located(current, true, 0, known);
    }
    Noncurrent found =
        versionId == null ? newest(c, bucket, key) : findNoncurrent(c, bucket, key, versionId);
    if (found == null) {
      throw new CofferException(
          versionId == null ? ErrorCode.NO_SUCH_KEY : ErrorCode.NO_SUCH_VERSION);
    }
    return switch (found.version()) {
      case ObjectMeta object -> new Located(object, false, found.seq(), known);
      case DeleteMarker marker -> throw marker.notAllowed();
    };
  }

  /** Writer: sets one column of a located version to {@code value}. */
  private static void update(
      Conn c, String column, Located at, String bucket, byte[] key, @Nullable String value)
      throws SQLException {
    PreparedStatement ps =
        at.current()
            ? c.ps("UPDATE objects SET " + column + " = ? WHERE bucket = ? AND key = ?")
            : c.ps(
                "UPDATE object_versions SET "
                    + column
                    + " = ? WHERE bucket = ? AND key = ? AND seq = ?");
    ps.setString(1, value);
    ps.setString(2, bucket);
    ps.setBytes(3, key);
    if (!at.current()) {
      ps.setLong(4, at.seq());
    }
    ps.executeUpdate();
  }

  /** Writer: see MetadataStore#updateLock. */
  static ObjectMeta updateLock(
      Conn c,
      String bucket,
      byte[] key,
      @Nullable String versionId,
      UnaryOperator<ObjectLock> change)
      throws SQLException {
    Located at = locate(c, bucket, key, versionId);
    ObjectLock lock = change.apply(at.meta().lock());
    update(c, "lock", at, bucket, key, Rows.encodeLock(lock));
    return at.meta().withLock(lock);
  }

  /** Writer: see MetadataStore#setObjectAcl. */
  static ObjectMeta setAcl(
      Conn c, String bucket, byte[] key, @Nullable String versionId, @Nullable Acl acl)
      throws SQLException {
    Located at = locate(c, bucket, key, versionId);
    update(c, "acl", at, bucket, key, AccessColumns.encode(acl));
    return at.meta().withAcl(acl);
  }

  /** Writer: see MetadataStore#setObjectTags. */
  static ObjectMeta setTags(
      Conn c,
      String bucket,
      byte[] key,
      @Nullable String versionId,
      Map<String, String> tags,
      @Nullable EventDraft event)
      throws SQLException {
    Located at = locate(c, bucket, key, versionId);
    update(c, "tags", at, bucket, key, Json.encode(tags));
    ObjectMeta tagged = at.meta().withTags(tags);
    OutboxSql.recordWrite(c, at.bucket(), event, tagged, key);
    return tagged;
  }
}
