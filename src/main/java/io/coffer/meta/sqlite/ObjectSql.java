package io.coffer.meta.sqlite;

import static io.coffer.meta.sqlite.Rows.OBJECT_COLUMNS;

import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.WritePrecondition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

  static Optional<ObjectMeta> find(Conn c, String bucket, byte[] key) throws SQLException {
    PreparedStatement ps =
        c.ps(
            "SELECT "
                + OBJECT_COLUMNS
                + ", (SELECT data FROM inline_bodies WHERE id = inline_id)"
                + " FROM objects WHERE bucket = ? AND key = ?");
    ps.setString(1, bucket);
    ps.setBytes(2, key);
    return Rows.one(ps, rs -> Rows.object(rs, rs.getBytes(2)));
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

  /** Makes {@code row} the current version of its key if the precondition holds. */
  static Replaced put(Conn c, String bucketId, ObjectRow row, WritePrecondition pre)
      throws SQLException {
    ObjectMeta object = row.meta();
    BucketSql.require(c, object.bucket(), bucketId);
    ObjectMeta previous = findForWrite(c, object.bucket(), row.key());
    check(pre, previous);
    Replaced replaced =
        release(c, previous, object.storage() instanceof Storage.Blob blob ? blob.id() : null);
    insert(c, row);
    countReplacement(c, object, previous);
    return replaced;
  }

  static Replaced delete(Conn c, String bucket, byte[] key, @Nullable String ifMatch)
      throws SQLException {
    BucketSql.require(c, bucket);
    ObjectMeta previous = findForWrite(c, bucket, key);
    check(new WritePrecondition(ifMatch, false), previous);
    if (previous == null) {
      return Replaced.NOTHING;
    }
    Replaced replaced = release(c, previous, null);
    PreparedStatement del = c.ps("DELETE FROM objects WHERE bucket = ? AND key = ?");
    del.setString(1, bucket);
    del.setBytes(2, key);
    del.executeUpdate();
    c.op.object(bucket, -1, -previous.size());
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
      case Storage.Parts parts -> {
        PreparedStatement sel =
            c.ps("SELECT blob_id FROM segments WHERE storage_id = ? ORDER BY part_number");
        sel.setString(1, parts.storageId());
        blobs.addAll(Rows.all(sel, rs -> rs.getString(1)));
        PreparedStatement del = c.ps("DELETE FROM segments WHERE storage_id = ?");
        del.setString(1, parts.storageId());
        del.executeUpdate();
      }
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

  static void insert(Conn c, ObjectRow row) throws SQLException {
    ObjectMeta m = row.meta();
    PreparedStatement ps =
        c.ps(
            "INSERT OR REPLACE INTO objects ("
                + OBJECT_COLUMNS
                + ", inline_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    switch (m.storage()) {
      case Storage.Inline inline -> {
        // The column is NOT NULL but nothing reads it for an inline object: name its body.
        long inlineId = insertInlineBody(c, inline.bytes());
        ps.setString(3, "inline-" + inlineId);
        ps.setLong(15, inlineId);
      }
      case Storage.Blob blob -> {
        ps.setString(3, blob.id());
        ps.setNull(15, Types.INTEGER);
      }
      case Storage.Parts parts -> {
        ps.setString(3, parts.storageId());
        ps.setNull(15, Types.INTEGER);
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
