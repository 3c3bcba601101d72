package io.coffer.meta.postgres;

import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.Acl;
import io.coffer.model.CofferException;
import io.coffer.model.DeleteMarker;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Changes of one version's settings (object lock, ACL, tags), under the key's lock: a change and a
 * write of the same key on two nodes take turns, so neither is lost nor applied to a version that
 * has meanwhile moved to the other table.
 */
final class VersionSettings {
  private VersionSettings() {}

  /** A version found for a change: current (its objects row) or noncurrent at seq. */
  private record Located(ObjectMeta meta, boolean current, long seq, LockedBucket bucket) {}

  /**
   * The version a change names ({@code versionId} null: the current one), the key locked.
   * NO_SUCH_BUCKET, NO_SUCH_KEY or NO_SUCH_VERSION when absent, METHOD_NOT_ALLOWED for a delete
   * marker.
   */
  private static Located locate(Tx tx, String bucket, byte[] key, @Nullable String versionId)
      throws SQLException {
    LockedBucket locked = ObjectSql.lockKey(tx, bucket, null, key);
    ObjectMeta current = ObjectSql.find(tx, bucket, key).orElse(null);
    if (current != null && (versionId == null || current.versionId().equals(versionId))) {
      return new Located(current, true, 0, locked);
    }
    Versions.Noncurrent found =
        versionId == null
            ? Versions.newest(tx, bucket, key)
            : Versions.findNoncurrent(tx, bucket, key, versionId);
    if (found == null) {
      throw new CofferException(
          versionId == null ? ErrorCode.NO_SUCH_KEY : ErrorCode.NO_SUCH_VERSION);
    }
    return switch (found.version()) {
      case ObjectMeta object -> new Located(object, false, found.seq(), locked);
      case DeleteMarker marker -> throw marker.notAllowed();
    };
  }

  /** Sets one column of a located version to {@code value}. */
  private static void update(
      Tx tx, String column, Located at, String bucket, byte[] key, @Nullable String value)
      throws SQLException {
    PreparedStatement ps =
        at.current()
            ? tx.ps("UPDATE objects SET " + column + " = ? WHERE bucket = ? AND key = ?")
            : tx.ps(
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

  /** See MetadataStore#updateLock. */
  static ObjectMeta updateLock(
      Tx tx,
      String bucket,
      String key,
      @Nullable String versionId,
      UnaryOperator<ObjectLock> change)
      throws SQLException {
    byte[] k = Keys.utf8(key);
    Located at = locate(tx, bucket, k, versionId);
    ObjectLock lock = change.apply(at.meta().lock());
    update(tx, "lock", at, bucket, k, Rows.encodeLock(lock));
    return at.meta().withLock(lock);
  }

  /** See MetadataStore#setObjectAcl. */
  static ObjectMeta setAcl(
      Tx tx, String bucket, String key, @Nullable String versionId, @Nullable Acl acl)
      throws SQLException {
    byte[] k = Keys.utf8(key);
    Located at = locate(tx, bucket, k, versionId);
    update(tx, "acl", at, bucket, k, AccessColumns.encode(acl));
    return at.meta().withAcl(acl);
  }

  /** See MetadataStore#setObjectTags. */
  static ObjectMeta setTags(
      Tx tx,
      String bucket,
      String key,
      @Nullable String versionId,
      Map<String, String> tags,
      @Nullable EventDraft event)
      throws SQLException {
    byte[] k = Keys.utf8(key);
    Located at = locate(tx, bucket, k, versionId);
    update(tx, "tags", at, bucket, k, Json.encode(tags));
    ObjectMeta tagged = at.meta().withTags(tags);
    OutboxSql.recordWrite(tx, at.bucket(), event, tagged);
    return tagged;
  }
}
