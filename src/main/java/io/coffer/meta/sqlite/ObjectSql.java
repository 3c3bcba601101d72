package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.OBJECT_COLUMNS;

import io.coffer.meta.MetadataStore.Deleted;
import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.meta.MetadataStore.Written;
import io.coffer.meta.rows.AccessColumns;
import io.coffer.meta.rows.FeatureColumns;
import io.coffer.meta.rows.Json;
import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.CofferException;
import io.coffer.model.DeleteMarker;
import io.coffer.model.ErrorCode;
import io.coffer.model.EventDraft;
import io.coffer.model.KeyVersion;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import io.coffer.model.ObjectLockedException;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The objects and segments tables. */
final class ObjectSql {
  private ObjectSql() {}

  /** An object's row, encoded on the caller's thread so the writer thread only binds values. */
  record ObjectRow(
      ObjectMeta meta, byte[] key, @Nullable String headers, @Nullable String userMeta) {
    static ObjectRow of(ObjectMeta m) {
      return new ObjectRow(
          m, Keys.utf8(m.key()), Json.encode(m.headers()), Json.encode(m.userMetadata()));
    }
  }

  /** The current version of a key: the point read of every GET and HEAD, hence no ResultSet. */
  static Optional<ObjectMeta> find(Conn c, String bucket, byte[] key) throws SQLException {
    return Optional.ofNullable(
        c.query(
                "SELECT "
                    + OBJECT_COLUMNS
                    + ", (SELECT data FROM inline_bodies WHERE id = inline_id)"
                    + " FROM objects WHERE bucket = ? AND key = ?")
            .first(row -> Rows.object(row, key), bucket, key));
  }

  /**
   * Writer: the current version of a key. Probes for the key first: a query's cost in the driver
   * grows with its column count even when no row comes back, and most writes create new keys.
   */
  static @Nullable ObjectMeta findForWrite(Conn c, String bucket, byte[] key) throws SQLException {
    PreparedStatement probe = c.ps("SELECT 1 FROM objects WHERE bucket = ? AND key = ?");
    probe.setString(1, bucket);
    probe.setBytes(2, key);
    return Rows.exists(probe) ? find(c, bucket, key).orElse(null) : null;
  }

  static List<Segment> segments(Conn c, String storageId) throws SQLException {
    PreparedStatement ps =
        c.ps(
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

  /**
   * Makes {@code row} the current version of its key if the precondition holds, and records its
   * event (null: none).
   */
  static Written put(
      Conn c, String bucketId, ObjectRow row, WritePrecondition pre, @Nullable EventDraft event)
      throws SQLException {
    ObjectMeta object = row.meta();
    BucketSql.Known bucket = BucketSql.require(c, object.bucket(), bucketId);
    ObjectMeta previous = findForWrite(c, object.bucket(), row.key());
    check(pre, previous);
    Written written =
        makeCurrent(
            c,
            bucket.versioning(),
            row,
            previous,
            object.storage() instanceof Storage.Blob blob ? blob.id() : null);
    OutboxSql.recordWrite(c, bucket, event, written.object(), row.key());
    return written;
  }

  /**
   * Writes {@code row} as the current version of its key, which was {@code previous} (null when the
   * key had no current object), as the bucket's versioning says (see MetadataStore#putObject). The
   * caller writes the segments of a multipart object.
   *
   * @param keepBlob a blob the new version uses that the previous one may name too (never released)
   */
  static Written makeCurrent(
      Conn c,
      Versioning versioning,
      ObjectRow row,
      @Nullable ObjectMeta previous,
      @Nullable String keepBlob)
      throws SQLException {
    ObjectMeta object = row.meta();
    String bucket = object.bucket();
    byte[] key = row.key();
    if (versioning == Versioning.UNVERSIONED) {
      Replaced replaced = release(c, previous, keepBlob);
      ObjectMeta stored = object.withVersion(KeyVersion.NULL_VERSION);
      insert(c, row, stored, 0);
      countReplacement(c, object, previous);
      return new Written(stored, replaced);
    }
    long seq = Versions.nextSeq(c, bucket, key);
    if (versioning == Versioning.ENABLED) {
      if (previous != null) {
        Versions.moveCurrentToNoncurrent(c, bucket, key);
      }
      insert(c, row, object, seq);
      c.op.object(bucket, previous == null ? 1 : 0, object.size());
      return new Written(object, new Replaced(previous, List.of()));
    }
    // Suspended: the new object is the null version, replacing the old one wherever it is.
    List<String> released = new ArrayList<>();
    long freed = 0;
    if (previous != null && previous.versionId().equals(KeyVersion.NULL_VERSION)) {
      released.addAll(release(c, previous, keepBlob).releasedBlobs());
      freed += previous.size();
    } else if (previous != null) {
      Versions.moveCurrentToNoncurrent(c, bucket, key);
    }
    Versions.Noncurrent oldNull = Versions.findNoncurrent(c, bucket, key, KeyVersion.NULL_VERSION);
    if (oldNull != null) {
      released.addAll(Versions.remove(c, oldNull));
      freed += oldNull.size();
    }
    ObjectMeta stored = object.withVersion(KeyVersion.NULL_VERSION);
    insert(c, row, stored, seq);
    c.op.object(bucket, previous == null ? 1 : 0, object.size() - freed);
    return new Written(stored, new Replaced(previous, List.copyOf(released)));
  }

  /**
   * Deletes as MetadataStore#deleteObject describes, and records the event (null: none) when
   * something changed.
   */
  static Deleted delete(
      Conn c,
      String bucket,
      byte[] key,
      @Nullable String versionId,
      @Nullable String ifMatch,
      String markerVersionId,
      Instant now,
      boolean bypassGovernance,
      @Nullable EventDraft event)
      throws SQLException {
    BucketSql.Known known = BucketSql.known(c, bucket);
    Deleted deleted =
        delete(c, known, bucket, key, versionId, ifMatch, markerVersionId, now, bypassGovernance);
    // nothing changed when nothing was removed and no marker added or removed
    if (deleted.removed().existed() || deleted.deleteMarker()) {
      OutboxSql.recordRemoval(
          c,
          known,
          event,
          deleted.deleteMarker() && versionId == null,
          bucket,
          Keys.string(key),
          key,
          deleted.versionId());
    }
    return deleted;
  }

  private static Deleted delete(
      Conn c,
      BucketSql.Known known,
      String bucket,
      byte[] key,
      @Nullable String versionId,
      @Nullable String ifMatch,
      String markerVersionId,
      Instant now,
      boolean bypassGovernance)
      throws SQLException {
    Versioning versioning = known.versioning();
    ObjectMeta current = findForWrite(c, bucket, key);
    if (versionId != null) {
      return deleteVersion(c, bucket, key, current, versionId, now, bypassGovernance);
    }
    check(new WritePrecondition(ifMatch, false), current);
    switch (versioning) {
      case UNVERSIONED -> {
        if (current == null) {
          return new Deleted(Replaced.NOTHING, null, false);
        }
        Replaced replaced = removeCurrent(c, current);
        c.op.object(bucket, -1, -current.size());
        return new Deleted(replaced, null, false);
      }
      case ENABLED -> {
        long seq = Versions.nextSeq(c, bucket, key);
        if (current != null) {
          Versions.moveCurrentToNoncurrent(c, bucket, key);
          c.op.object(bucket, -1, 0);
        }
        Versions.insertMarker(c, bucket, key, seq, markerVersionId, now);
        return new Deleted(new Replaced(current, List.of()), markerVersionId, true);
      }
      case SUSPENDED -> {
        long seq = Versions.nextSeq(c, bucket, key);
        List<String> released = new ArrayList<>();
        long freed = 0;
        if (current != null && current.versionId().equals(KeyVersion.NULL_VERSION)) {
          requireUnlocked(current, now, bypassGovernance);
          released.addAll(removeCurrent(c, current).releasedBlobs());
          freed += current.size();
        } else if (current != null) {
          Versions.moveCurrentToNoncurrent(c, bucket, key);
        }
        Versions.Noncurrent oldNull =
            Versions.findNoncurrent(c, bucket, key, KeyVersion.NULL_VERSION);
        if (oldNull != null) {
          if (oldNull.version() instanceof ObjectMeta meta) {
            requireUnlocked(meta, now, bypassGovernance);
          }
          released.addAll(Versions.remove(c, oldNull));
          freed += oldNull.size();
        }
        Versions.insertMarker(c, bucket, key, seq, KeyVersion.NULL_VERSION, now);
        c.op.object(bucket, current == null ? 0 : -1, -freed);
        return new Deleted(
            new Replaced(current, List.copyOf(released)), KeyVersion.NULL_VERSION, true);
      }
    }
    throw new IllegalStateException("unknown versioning " + versioning);
  }

  /** Removes one version for good; the next newest becomes current when it was current. */
  private static Deleted deleteVersion(
      Conn c,
      String bucket,
      byte[] key,
      @Nullable ObjectMeta current,
      String versionId,
      Instant now,
      boolean bypassGovernance)
      throws SQLException {
    if (current != null && current.versionId().equals(versionId)) {
      requireUnlocked(current, now, bypassGovernance);
      Replaced replaced = removeCurrent(c, current);
      boolean promoted = Versions.promoteNewestIfObject(c, bucket, key);
      c.op.object(bucket, promoted ? 0 : -1, -current.size());
      return new Deleted(replaced, versionId, false);
    }
    Versions.Noncurrent found = Versions.findNoncurrent(c, bucket, key, versionId);
    if (found == null) {
      return new Deleted(Replaced.NOTHING, versionId, false);
    }
    switch (found.version()) {
      case ObjectMeta meta -> {
        requireUnlocked(meta, now, bypassGovernance);
        List<String> released = Versions.remove(c, found);
        c.op.object(bucket, 0, -meta.size());
        return new Deleted(new Replaced(meta, released), versionId, false);
      }
      case DeleteMarker marker -> {
        Versions.remove(c, found);
        // a marker that hid the key was its current version: the next newest takes its place
        if (current == null && Versions.promoteNewestIfObject(c, bucket, key)) {
          c.op.object(bucket, 1, 0);
        }
        return new Deleted(Replaced.NOTHING, versionId, true);
      }
    }
  }

  private static void requireUnlocked(ObjectMeta version, Instant now, boolean bypassGovernance) {
    if (version.lock().protects(now, bypassGovernance)) {
      throw new ObjectLockedException(
          "Object is WORM protected and cannot be overwritten or deleted");
    }
  }

  /** Deletes the current object row of a key and releases its storage. */
  private static Replaced removeCurrent(Conn c, ObjectMeta current) throws SQLException {
    Replaced replaced = release(c, current, null);
    PreparedStatement del = c.ps("DELETE FROM objects WHERE bucket = ? AND key = ?");
    del.setString(1, current.bucket());
    del.setBytes(2, Keys.utf8(current.key()));
    del.executeUpdate();
    return replaced;
  }

  /** Counts {@code object} replacing {@code previous} (null when the key was new). */
  static void countReplacement(Conn c, ObjectMeta object, @Nullable ObjectMeta previous) {
    c.op.object(
        object.bucket(),
        previous == null ? 1 : 0,
        object.size() - (previous == null ? 0 : previous.size()));
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
   * Releases what {@code previous} stored its bytes in, before its row is replaced or deleted:
   * deletes its segments rows and reports their blobs, deletes its inline body, or reports its own
   * blob when that is not {@code keepBlob}.
   */
  static Replaced release(Conn c, @Nullable ObjectMeta previous, @Nullable String keepBlob)
      throws SQLException {
    if (previous == null) {
      return Replaced.NOTHING;
    }
    List<String> blobs = new ArrayList<>();
    switch (previous.storage()) {
      case Storage.Parts parts -> blobs.addAll(removeSegments(c, parts.storageId()));
      case Storage.Inline inline -> {
        PreparedStatement del =
            c.ps(
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
    return new Replaced(previous, List.copyOf(blobs));
  }

  /** Writer: deletes a multipart object's segments, returning their blobs for release. */
  static List<String> removeSegments(Conn c, String storageId) throws SQLException {
    PreparedStatement sel =
        c.ps("SELECT blob_id FROM segments WHERE storage_id = ? ORDER BY part_number");
    sel.setString(1, storageId);
    List<String> blobs = Rows.all(sel, rs -> rs.getString(1));
    PreparedStatement del = c.ps("DELETE FROM segments WHERE storage_id = ?");
    del.setString(1, storageId);
    del.executeUpdate();
    return blobs;
  }

  /**
   * Writes the objects row of {@code row} as {@code m} says (the row's metadata with the version ID
   * and lock it is stored with).
   *
   * @param seq the version's place among the key's versions (higher is newer)
   */
  static void insert(Conn c, ObjectRow row, ObjectMeta m, long seq) throws SQLException {
    PreparedStatement ps =
        c.ps(
            "INSERT OR REPLACE INTO objects ("
                + OBJECT_COLUMNS
                + ", inline_id, seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, m.bucket());
    ps.setBytes(2, row.key());
    ps.setLong(4, m.size());
    ps.setString(5, m.etag());
    ps.setString(6, m.contentType());
    ps.setString(7, row.headers());
    ps.setString(8, row.userMeta());
    Rows.bindChecksum(ps, 9, m.checksum());
    ps.setInt(12, m.partCount());
    ps.setLong(13, m.createdAt().toEpochMilli());
    ps.setLong(14, (m.updatedAt() == null ? m.createdAt() : m.updatedAt()).toEpochMilli());
    ps.setString(15, m.versionId());
    Rows.bindLock(ps, 16, m.lock());
    ps.setString(17, AccessColumns.encode(m.acl()));
    ps.setString(18, Json.encode(m.tags()));
    ps.setString(19, FeatureColumns.encode(m.encryption()));
    ps.setLong(21, seq);
    switch (m.storage()) {
      case Storage.Inline inline -> {
        // The column is NOT NULL but nothing reads it for an inline object: name its body.
        long inlineId = insertInlineBody(c, inline.bytes());
        ps.setString(3, "inline-" + inlineId);
        ps.setLong(20, inlineId);
      }
      case Storage.Blob blob -> {
        ps.setString(3, blob.id());
        ps.setNull(20, Types.INTEGER);
      }
      case Storage.Parts parts -> {
        ps.setString(3, parts.storageId());
        ps.setNull(20, Types.INTEGER);
      }
    }
    ps.executeUpdate();
  }

  private static long insertInlineBody(Conn c, byte[] data) throws SQLException {
    PreparedStatement ps = c.ps("INSERT INTO inline_bodies (data) VALUES (?) RETURNING id");
    ps.setBytes(1, data);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void insertSegments(Conn c, String storageId, List<Segment> segments) throws SQLException {
    PreparedStatement ins =
        c.ps(
            "INSERT OR REPLACE INTO segments (storage_id, part_number, blob_id, size, etag,"
                + " checksum_algorithm, checksum_value, checksum_type)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (Segment s : segments) {
      ins.setString(1, storageId);
      ins.setInt(2, s.partNumber());
      ins.setString(3, s.blobId());
      ins.setLong(4, s.size());
      ins.setString(5, s.etag());
      Rows.bindChecksum(ins, 6, s.checksum());
      ins.executeUpdate();
    }
  }

  /** One page of a listing; runs inside a read snapshot. */
  static ListPage list(Conn c, ListQuery q) throws SQLException {
    SkipScan.Range range = SkipScan.Range.of(q.prefix(), q.delimiter(), q.after());
    if (q.maxKeys() <= 0 || range.empty()) {
      return new ListPage(List.of(), List.of(), false, null);
    }
    SkipScan.Page<ListedObject> page =
        SkipScan.scan(
            (from, to) -> {
              PreparedStatement ps =
                  c.ps(
                      "SELECT "
                          + OBJECT_COLUMNS
                          + " FROM objects"
                          + " WHERE bucket = ? AND key >= ? AND key < ? ORDER BY key");
              ps.setString(1, q.bucket());
              ps.setBytes(2, from);
              ps.setBytes(3, to);
              ResultSet rs = ps.executeQuery();
              return new SkipScan.RowCursor<>(rs, 2, Rows::listed);
            },
            null,
            range,
            q.maxKeys());
    String last =
        page.lastPrefix() != null
            ? page.lastPrefix()
            : page.lastItem() == null ? null : page.lastItem().key();
    return new ListPage(page.items(), page.prefixes(), page.truncated(), last);
  }
}
