package io.coffer.meta.sqlite;

import static io.coffer.meta.rows.Rows.BUCKET_COLUMNS;

import io.coffer.meta.rows.Keys;
import io.coffer.meta.rows.Rows;
import io.coffer.model.Bucket;
import io.coffer.model.BucketQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Pages of buckets in name order: a seek into the primary key (all buckets) or into {@code
 * buckets_by_owner} (one owner's), bounded by the prefix's key range, never a scan of every bucket.
 */
final class BucketListingSql {
  private BucketListingSql() {}

  static List<Bucket> page(Conn c, BucketQuery q) throws SQLException {
    byte[] prefix = Keys.utf8(q.prefix());
    // The page starts at the prefix, or just after the last name returned when that is further.
    boolean afterPosition = q.after() != null && Keys.compare(Keys.utf8(q.after()), prefix) >= 0;
    StringBuilder sql = new StringBuilder("SELECT " + BUCKET_COLUMNS + " FROM buckets WHERE ");
    if (q.ownerId() != BucketQuery.ANY_OWNER) {
      sql.append("owner_id = ? AND ");
    }
    // Names compare as UTF-8 bytes (BINARY collation); the prefix's upper bound may not be valid
    // UTF-8, so it is bound as bytes and read as TEXT.
    sql.append(afterPosition ? "name > ?" : "name >= ?").append(" AND name < CAST(? AS TEXT)");
    if (q.region() != null) {
      sql.append(" AND region = ?");
    }
    sql.append(" ORDER BY name LIMIT ?");
    PreparedStatement ps = c.ps(sql.toString());
    int i = 1;
    if (q.ownerId() != BucketQuery.ANY_OWNER) {
      ps.setLong(i++, q.ownerId());
    }
    ps.setString(i++, afterPosition ? q.after() : q.prefix());
    ps.setBytes(i++, Keys.prefixUpperBound(prefix));
    if (q.region() != null) {
      ps.setString(i++, q.region());
    }
    ps.setInt(i, q.limit());
    return Rows.all(ps, Rows::bucket);
  }
}
