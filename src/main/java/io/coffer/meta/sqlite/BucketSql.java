package io.coffer.meta.sqlite;

import static io.coffer.meta.sqlite.Rows.BUCKET_COLUMNS;

import io.coffer.model.Bucket;
import io.coffer.model.BucketRef;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Part;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The buckets table. */
final class BucketSql {
  private static final SecureRandom RANDOM = new SecureRandom();

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
    String id = newId();
    PreparedStatement ins =
        c.ps(
            "INSERT INTO buckets (name, id, owner_id, region, created_at, object_count, total_size)"
                + " VALUES (?, ?, ?, ?, ?, 0, 0)");
    ins.setString(1, name);
    ins.setString(2, id);
    ins.setLong(3, ownerId);
    ins.setString(4, region);
    ins.setLong(5, now.toEpochMilli());
    ins.executeUpdate();
    c.op.buckets++;
    return new Bucket(name, id, ownerId, region, Instant.ofEpochMilli(now.toEpochMilli()), 0, 0);
  }

  /**
   * 128 random bits in hex, like blob IDs: never reused in practice (and the unique index refuses a
   * collision with a live bucket), and nothing a client chose, so it is safe in a path.
   */
  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static Optional<Bucket> find(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT " + BUCKET_COLUMNS + " FROM buckets WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(ps, Rows::bucket);
  }

  static Optional<BucketRef> ref(Conn c, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT id, owner_id FROM buckets WHERE name = ?");
    ps.setString(1, name);
    return Rows.one(ps, rs -> new BucketRef(rs.getString(1), rs.getLong(2)));
  }

  /**
   * Writer only: fails with NO_SUCH_BUCKET unless the bucket exists; returns its ID. Remembers
   * buckets seen, as most writes go to a few buckets.
   */
  static String require(Conn c, String name) throws SQLException {
    String known = c.knownBuckets.get(name);
    if (known != null) {
      return known;
    }
    PreparedStatement ps = c.ps("SELECT id FROM buckets WHERE name = ?");
    ps.setString(1, name);
    String id =
        Rows.one(ps, rs -> rs.getString(1))
            .orElseThrow(() -> new CofferException(ErrorCode.NO_SUCH_BUCKET));
    if (c.knownBuckets.size() > 10_000) {
      c.knownBuckets.clear();
    }
    c.knownBuckets.put(name, id);
    return id;
  }

  /**
   * Writer only: fails with NO_SUCH_BUCKET unless the bucket exists with this ID. A request that
   * stored blobs under the ID it looked up must not commit them into a bucket of the same name
   * created since: their files would be removed with the deleted one.
   */
  static void require(Conn c, String name, String id) throws SQLException {
    if (!require(c, name).equals(id)) {
      throw new CofferException(ErrorCode.NO_SUCH_BUCKET);
    }
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
  static List<Part> delete(Conn c, String name, String id) throws SQLException {
    c.knownBuckets.remove(name);
    require(c, name, id);
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
