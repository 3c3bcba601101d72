package io.coffer.meta.postgres;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.Bucket;
import io.coffer.model.BucketQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Buckets in name order: all of them (a walk of the primary key), one owner's (a range of {@code
 * buckets_by_owner}), or a page (a seek into either, bounded by the prefix's range, never a scan of
 * every bucket). Names are {@code text COLLATE "C"}: byte order of their UTF-8, as in SQLite. Each
 * bucket's object count and size are the sum of its counter stripes (BucketSql.BUCKET_COLUMNS).
 */
final class BucketListingSql {
  private BucketListingSql() {}

  static List<Bucket> all(Tx tx) throws SQLException {
    return Rows.all(
        tx.ps("SELECT " + BucketSql.BUCKET_COLUMNS + " FROM buckets ORDER BY name"), Rows::bucket);
  }

  static List<Bucket> ownedBy(Tx tx, long ownerId) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT "
                + BucketSql.BUCKET_COLUMNS
                + " FROM buckets WHERE owner_id = ? ORDER BY owner_id, name");
    ps.setLong(1, ownerId);
    return Rows.all(ps, Rows::bucket);
  }

  static List<Bucket> page(Tx tx, BucketQuery q) throws SQLException {
    return Rows.all(pageQuery(q).prepare(tx), Rows::bucket);
  }

  /** The statement of a page: one seek, bounded by the prefix's range and the limit. */
  static NamedSql.Bound pageQuery(BucketQuery q) {
    byte[] prefix = Keys.utf8(q.prefix());
    // The page starts at the prefix, or just after the last name returned when that is further.
    boolean afterPosition = q.after() != null && Keys.compare(Keys.utf8(q.after()), prefix) >= 0;
    boolean owned = q.ownerId() != BucketQuery.ANY_OWNER;
    String upper = upperName(q.prefix());
    String sql =
        "SELECT "
            + BucketSql.BUCKET_COLUMNS
            + " FROM buckets WHERE "
            + (owned ? "owner_id = :owner AND " : "")
            + (afterPosition ? "name > :start" : "name >= :start")
            + (upper == null ? "" : " AND name < :upper")
            + (q.region() == null ? "" : " AND region = :region")
            + (owned ? " ORDER BY owner_id, name" : " ORDER BY name")
            + " LIMIT :limit";
    return NamedSql.of(sql)
        .with(
            new NamedSql.Args()
                .put("owner", q.ownerId())
                .put("start", afterPosition ? q.after() : q.prefix())
                .put("upper", upper)
                .put("region", q.region())
                .put("limit", q.limit()));
  }

  /**
   * The smallest name greater than every name starting with {@code prefix}, or null when there is
   * none (an empty prefix). It is the prefix with its last code point incremented: UTF-8's byte
   * order is code point order, and unlike SQLite's byte bound (the last byte plus one) it is always
   * a valid string, which a text parameter must be.
   */
  static @Nullable String upperName(String prefix) {
    int[] points = prefix.codePoints().toArray();
    for (int i = points.length - 1; i >= 0; i--) {
      int next = points[i] + 1;
      if (next == Character.MIN_SURROGATE) {
        next = Character.MAX_SURROGATE + 1;
      }
      if (next <= Character.MAX_CODE_POINT) {
        points[i] = next;
        return new String(points, 0, i + 1);
      }
    }
    return null;
  }
}
