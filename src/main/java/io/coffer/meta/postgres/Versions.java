package io.coffer.meta.postgres;

import static io.coffer.meta.rows.Rows.OBJECT_COLUMNS;
import static io.coffer.meta.rows.Rows.OBJECT_COLUMN_COUNT;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.DeleteMarker;
import io.coffer.model.KeyVersion;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Storage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The object_versions table: noncurrent versions and delete markers, ordered within a key by seq
 * (higher is newer). A key's current version is its objects row when it has one, else its newest
 * row here (then a delete marker). Writers hold the key's lock (ObjectSql#lockKey).
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
    if (rs.getBoolean(OBJECT_COLUMN_COUNT + 3)) {
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

  /** The seq a new version of the key gets, above every existing one. */
  static long nextSeq(Tx tx, String bucket, byte[] key) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT greatest((SELECT seq FROM objects WHERE bucket = ? AND key = ?),"
                + " (SELECT max(seq) FROM object_versions WHERE bucket = ? AND key = ?))");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    ps.setString(3, bucket);
    ps.setBytes(4, key);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) + 1; // NULL (no version) reads as 0
    }
  }

  /** The key's objects row becomes a noncurrent version (its storage stays). */
  static void moveCurrentToNoncurrent(Tx tx, String bucket, byte[] key) throws SQLException {
    PreparedStatement move =
        tx.ps(
            "WITH moved AS (DELETE FROM objects WHERE bucket = ? AND key = ? RETURNING "
                + SHARED_COLUMNS
                + ") INSERT INTO object_versions ("
                + SHARED_COLUMNS
                + ", delete_marker) SELECT "
                + SHARED_COLUMNS
                + ", false FROM moved");
    move.setString(1, bucket);
    move.setBytes(2, key);
    move.executeUpdate();
  }

  /**
   * When the key's newest noncurrent version is an object, it becomes current (its objects row).
   * Called when the key has no objects row.
   *
   * @return whether one was promoted
   */
  static boolean promoteNewestIfObject(Tx tx, String bucket, byte[] key) throws SQLException {
    Noncurrent newest = newest(tx, bucket, key);
    if (newest == null || !(newest.version() instanceof ObjectMeta)) {
      return false;
    }
    PreparedStatement move =
        tx.ps(
            "WITH moved AS (DELETE FROM object_versions WHERE bucket = ? AND key = ? AND seq = ?"
                + " RETURNING "
                + SHARED_COLUMNS
                + ") INSERT INTO objects ("
                + SHARED_COLUMNS
                + ") SELECT "
                + SHARED_COLUMNS
                + " FROM moved");
    move.setString(1, bucket);
    move.setBytes(2, key);
    move.setLong(3, newest.seq());
    move.executeUpdate();
    return true;
  }

  /** The key's newest row here, or null. */
  static @Nullable Noncurrent newest(Tx tx, String bucket, byte[] key) throws SQLException {
    PreparedStatement ps =
        tx.ps(SELECT_VERSION + " WHERE bucket = ? AND key = ? ORDER BY seq DESC LIMIT 1");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    return Rows.one(ps, Versions::version).orElse(null);
  }

  /** The key's row here with this version ID, or null. */
  static @Nullable Noncurrent findNoncurrent(Tx tx, String bucket, byte[] key, String versionId)
      throws SQLException {
    PreparedStatement ps =
        tx.ps(SELECT_VERSION + " WHERE bucket = ? AND key = ? AND version_id = ? LIMIT 1");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    ps.setString(3, versionId);
    return Rows.one(ps, Versions::version).orElse(null);
  }

  /** Adds a delete marker. */
  static void insertMarker(
      Tx tx, String bucket, byte[] key, long seq, String versionId, Instant now)
      throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "INSERT INTO object_versions (bucket, key, seq, storage_id, size, etag, part_count,"
                + " created_at, updated_at, version_id, delete_marker)"
                + " VALUES (?, ?, ?, '', 0, '', 0, ?, ?, ?, true)");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    ps.setLong(3, seq);
    ps.setLong(4, now.toEpochMilli());
    ps.setLong(5, now.toEpochMilli());
    ps.setString(6, versionId);
    ps.executeUpdate();
  }

  /** Deletes a row here with its segments or inline body, and records its blobs as released. */
  static void remove(Tx tx, String bucketId, Noncurrent row) throws SQLException {
    String bucket = row.version().bucket();
    byte[] key = Keys.utf8(row.version().key());
    if (row.version() instanceof ObjectMeta meta) {
      switch (meta.storage()) {
        case Storage.Parts parts ->
            ReleasedBlobSql.release(tx, bucketId, ObjectSql.removeSegments(tx, parts.storageId()));
        case Storage.Inline inline -> {
          PreparedStatement del =
              tx.ps(
                  "DELETE FROM inline_bodies WHERE id = (SELECT inline_id FROM object_versions"
                      + " WHERE bucket = ? AND key = ? AND seq = ?)");
          del.setString(1, bucket);
          del.setBytes(2, key);
          del.setLong(3, row.seq());
          del.executeUpdate();
        }
        case Storage.Blob blob -> ReleasedBlobSql.release(tx, bucketId, List.of(blob.id()));
      }
    }
    PreparedStatement del =
        tx.ps("DELETE FROM object_versions WHERE bucket = ? AND key = ? AND seq = ?");
    del.setString(1, bucket);
    del.setBytes(2, key);
    del.setLong(3, row.seq());
    del.executeUpdate();
  }

  /**
   * See MetadataStore#findVersion; run in one snapshot, as a version may move between the two
   * tables meanwhile.
   */
  static Optional<KeyVersion> find(Tx tx, String bucket, byte[] key, @Nullable String versionId)
      throws SQLException {
    Optional<ObjectMeta> current = ObjectSql.find(tx, bucket, key);
    if (versionId == null) {
      if (current.isPresent()) {
        return Optional.of(current.get());
      }
      Noncurrent newest = newest(tx, bucket, key);
      return newest == null ? Optional.empty() : Optional.of(newest.version());
    }
    if (current.isPresent() && current.get().versionId().equals(versionId)) {
      return Optional.of(current.get());
    }
    Noncurrent found = findNoncurrent(tx, bucket, key, versionId);
    return found == null ? Optional.empty() : Optional.of(found.version());
  }
}
