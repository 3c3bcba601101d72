package io.coffer.meta.sqlite;

import static io.coffer.meta.sqlite.Rows.BUCKET_COLUMNS;

import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Part;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The buckets table. */
final class BucketSql {
  private BucketSql() {}

  static Bucket create(Conn c, String name, long ownerId, String region, Instant now)
      throws SQLException {
    Optional<Bucket> existing = find(c, name);
    if (existing.isPresent()) {
      throw new CofferException(
          existing.get().ownerId() == ownerId
              ? ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU
              : ErrorCode.BUCKET_ALREADY_EXISTS);
    }
    CredentialSql.requireAccessKey(c, ownerId);
    PreparedStatement ins =
        c.ps(
            "INSERT INTO buckets (name, owner_id, region, created_at, object_count, total_size)"
                + " VALUES (?, ?, ?, ?, 0, 0)");
    ins.setString(1, name);
    ins.setLong(2, ownerId);
    ins.setString(3, region);
    ins.setLong(4, now.toEpochMilli());
    ins.executeUpdate();
    c.op.buckets++;
    return new Bucket(name, ownerId, region, Instant.ofEpochMilli(now.toEpochMilli()), 0, 0);
  }

  static Optional<Bucket> find(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(ps, Rows::bucket);
  }

  static OptionalLong owner(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT owner_id FROM buckets WHERE name = ?");
    ps.setString(1, name);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
    }
  }

  /**
   * Writer only: fails with NO_SUCH_BUCKET unless the bucket exists. Remembers buckets seen, as
   * most writes go to a few buckets.
   */
  static void require(Conn c, String name) throws SQLException {
    if (c.knownBuckets.contains(name)) {
      return;
    }
    PreparedStatement ps = c.ps("SELECT 1 FROM buckets WHERE name = ?");
    ps.setString(1, name);
    if (!Rows.exists(ps)) {
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
    if (c.knownBuckets.size() > 10_000) {
      c.knownBuckets.clear();
    }
    c.knownBuckets.add(name);
  }

  static List<Bucket> list(Conn c) throws SQLException {
    return Rows.all(c.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets ORDER BY name"), Rows::bucket);
  }

  static List<Bucket> listOwnedBy(Conn c, long ownerId) throws SQLException {
    PreparedStatement ps =
        c.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets WHERE owner_id = ? ORDER BY name");
    ps.setLong(1, ownerId);
    return Rows.all(ps, Rows::bucket);
  }

  /** Deletes an empty bucket with its uploads; returns the uploads' parts. */
  static List<Part> delete(Conn c, String name) throws SQLException {
    c.knownBuckets.remove(name);
    require(c, name);
    c.knownBuckets.remove(name);
    PreparedStatement any = c.ps("SELECT 1 FROM objects WHERE bucket = ? LIMIT 1");
    any.setString(1, name);
    if (Rows.exists(any)) {
      throw new CofferException(ErrorCode.BUCKET_NOT_EMPTY);
    }
    List<Part> removed = UploadSql.deleteAllIn(c, name);
    PreparedStatement del = c.ps("DELETE FROM buckets WHERE name = ?");
    del.setString(1, name);
    del.executeUpdate();
    c.op.buckets--;
    return removed;
  }
}
