package io.coffer.meta.postgres;

import io.coffer.meta.MetadataStore.Deleted;
import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.meta.rows.Keys;
import io.coffer.model.DeleteMarker;
import io.coffer.model.EventDraft;
import io.coffer.model.KeyVersion;
import io.coffer.model.ObjectLockedException;
import io.coffer.model.ObjectMeta;
import io.coffer.model.WritePrecondition;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DeleteObject: removing a version for good, or adding a delete marker, as the bucket's versioning
 * says (see MetadataStore#deleteObject), under the key's lock. Blobs no longer used are recorded as
 * released, never returned.
 */
final class ObjectDeletes {
  private ObjectDeletes() {}

  /** Deletes, and records the event (null: none) when something changed. */
  static Deleted delete(
      Tx tx,
      String bucket,
      String keyString,
      @Nullable String versionId,
      WritePrecondition precondition,
      String markerVersionId,
      Instant now,
      boolean bypassGovernance,
      @Nullable EventDraft event)
      throws SQLException {
    byte[] key = Keys.utf8(keyString);
    LockedBucket locked = ObjectSql.lockKey(tx, bucket, null, key);
    ObjectMeta current = ObjectSql.find(tx, bucket, key).orElse(null);
    Deleted deleted =
        versionId != null
            ? deleteVersion(tx, locked, key, current, versionId, now, bypassGovernance)
            : deleteCurrent(
                tx, locked, key, current, precondition, markerVersionId, now, bypassGovernance);
    // nothing changed when nothing was removed and no marker added or removed
    if (deleted.removed().existed() || deleted.deleteMarker()) {
      OutboxSql.recordRemoval(
          tx,
          locked,
          event,
          deleted.deleteMarker() && versionId == null,
          keyString,
          deleted.versionId());
    }
    return deleted;
  }

  private static Deleted deleteCurrent(
      Tx tx,
      LockedBucket bucket,
      byte[] key,
      @Nullable ObjectMeta current,
      WritePrecondition precondition,
      String markerVersionId,
      Instant now,
      boolean bypassGovernance)
      throws SQLException {
    String name = bucket.name();
    ObjectSql.check(new WritePrecondition(precondition.ifMatch(), false), current);
    switch (bucket.versioning()) {
      case UNVERSIONED -> {
        if (current == null) {
          return new Deleted(Replaced.NOTHING, null, false);
        }
        removeCurrent(tx, bucket, key, current);
        CounterSql.object(tx, bucket.id(), -1, -current.size());
        return new Deleted(new Replaced(current, List.of()), null, false);
      }
      case ENABLED -> {
        long seq = Versions.nextSeq(tx, name, key);
        if (current != null) {
          Versions.moveCurrentToNoncurrent(tx, name, key);
          CounterSql.object(tx, bucket.id(), -1, 0);
        }
        Versions.insertMarker(tx, name, key, seq, markerVersionId, now);
        return new Deleted(new Replaced(current, List.of()), markerVersionId, true);
      }
      case SUSPENDED -> {
        long seq = Versions.nextSeq(tx, name, key);
        long freed = 0;
        if (current != null && current.versionId().equals(KeyVersion.NULL_VERSION)) {
          requireUnlocked(current, now, bypassGovernance);
          removeCurrent(tx, bucket, key, current);
          freed += current.size();
        } else if (current != null) {
          Versions.moveCurrentToNoncurrent(tx, name, key);
        }
        Versions.Noncurrent oldNull =
            Versions.findNoncurrent(tx, name, key, KeyVersion.NULL_VERSION);
        if (oldNull != null) {
          if (oldNull.version() instanceof ObjectMeta meta) {
            requireUnlocked(meta, now, bypassGovernance);
          }
          Versions.remove(tx, bucket.id(), oldNull);
          freed += oldNull.size();
        }
        Versions.insertMarker(tx, name, key, seq, KeyVersion.NULL_VERSION, now);
        CounterSql.object(tx, bucket.id(), current == null ? 0 : -1, -freed);
        return new Deleted(new Replaced(current, List.of()), KeyVersion.NULL_VERSION, true);
      }
    }
    throw new IllegalStateException("unknown versioning " + bucket.versioning());
  }

  /** Removes one version for good; the next newest becomes current when it was current. */
  private static Deleted deleteVersion(
      Tx tx,
      LockedBucket bucket,
      byte[] key,
      @Nullable ObjectMeta current,
      String versionId,
      Instant now,
      boolean bypassGovernance)
      throws SQLException {
    String name = bucket.name();
    if (current != null && current.versionId().equals(versionId)) {
      requireUnlocked(current, now, bypassGovernance);
      removeCurrent(tx, bucket, key, current);
      boolean promoted = Versions.promoteNewestIfObject(tx, name, key);
      CounterSql.object(tx, bucket.id(), promoted ? 0 : -1, -current.size());
      return new Deleted(new Replaced(current, List.of()), versionId, false);
    }
    Versions.Noncurrent found = Versions.findNoncurrent(tx, name, key, versionId);
    if (found == null) {
      return new Deleted(Replaced.NOTHING, versionId, false);
    }
    switch (found.version()) {
      case ObjectMeta meta -> {
        requireUnlocked(meta, now, bypassGovernance);
        Versions.remove(tx, bucket.id(), found);
        CounterSql.object(tx, bucket.id(), 0, -meta.size());
        return new Deleted(new Replaced(meta, List.of()), versionId, false);
      }
      case DeleteMarker marker -> {
        Versions.remove(tx, bucket.id(), found);
        // a marker that hid the key was its current version: the next newest takes its place
        if (current == null && Versions.promoteNewestIfObject(tx, name, key)) {
          CounterSql.object(tx, bucket.id(), 1, 0);
        }
        return new Deleted(Replaced.NOTHING, versionId, true);
      }
    }
  }

  static void requireUnlocked(ObjectMeta version, Instant now, boolean bypassGovernance) {
    if (version.lock().protects(now, bypassGovernance)) {
      throw new ObjectLockedException(
          "Object is WORM protected and cannot be overwritten or deleted");
    }
  }

  /** Deletes the current object row of a key and releases its storage. */
  private static void removeCurrent(Tx tx, LockedBucket bucket, byte[] key, ObjectMeta current)
      throws SQLException {
    ObjectSql.release(tx, bucket.id(), current, null);
    ObjectSql.deleteRow(tx, bucket.name(), key);
  }
}
