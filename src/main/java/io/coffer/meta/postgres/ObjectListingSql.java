package io.coffer.meta.postgres;

import io.coffer.meta.rows.Keys;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ListObjects (V1 and V2): a page of the current versions (the objects table) in key order. Without
 * a delimiter a page is one range scan of the primary key (bucket, key); with one, the skip-scan
 * walk of {@link SkipScan}. Either way the page is one statement and reads its own rows plus one
 * index descent per common prefix, whatever the bucket holds.
 */
final class ObjectListingSql {
  private ObjectListingSql() {}

  /** The columns a listed object needs, in the order {@link #listed} reads them. */
  private static final String COLUMNS =
      "key, bucket, size, etag, content_type, checksum_algorithm, checksum_value, checksum_type,"
          + " part_count, created_at, updated_at";

  private static final NamedSql RANGE =
      NamedSql.of(
          "SELECT 0, "
              + COLUMNS
              + " FROM objects WHERE bucket = :bucket AND key >= :from AND key < :upper"
              + " ORDER BY key LIMIT :limit");

  /** The next object at or after w.seek (or :from to begin with). */
  private static String next(String seek) {
    return "(SELECT "
        + COLUMNS
        + " FROM objects WHERE bucket = :bucket AND key >= "
        + seek
        + " AND key < :upper ORDER BY key LIMIT 1) c"
        + SkipScan.DELIMITER_POSITION;
  }

  private static final NamedSql WALK =
      NamedSql.of(
          "WITH RECURSIVE walk (n, seek, "
              + COLUMNS
              + ") AS (SELECT 1, "
              + SkipScan.SEEK_PAST
              + ", c.* FROM "
              + next(":from")
              + " UNION ALL SELECT w.n + 1, "
              + SkipScan.SEEK_PAST
              + ", c.* FROM walk w CROSS JOIN LATERAL "
              + next("w.seek")
              + " WHERE w.n < :limit)"
              + " SELECT n, "
              + COLUMNS
              + " FROM walk");

  static ListPage list(Tx tx, ListQuery q) throws SQLException {
    SkipScan.Range range = SkipScan.Range.of(q.prefix(), q.delimiter(), q.after());
    if (q.maxKeys() <= 0 || range.empty()) {
      return new ListPage(List.of(), List.of(), false, null);
    }
    List<SkipScan.Walked<ListedObject>> rows = new ArrayList<>();
    try (ResultSet rs = query(q, range).prepare(tx).executeQuery()) {
      int i = 0;
      while (rs.next()) {
        byte[] key = rs.getBytes(2);
        int n = rs.getInt(1);
        rows.add(new SkipScan.Walked<>(n == 0 ? i : n, key, listed(rs, key)));
        i++;
      }
    }
    SkipScan.Page<ListedObject> page = SkipScan.page(rows, range, q.maxKeys());
    String last =
        page.lastPrefix() != null
            ? page.lastPrefix()
            : page.lastItem() == null ? null : page.lastItem().key();
    return new ListPage(page.items(), page.prefixes(), page.truncated(), last);
  }

  /** The one statement of a page (of a range that is not empty). */
  static NamedSql.Bound query(ListQuery q, SkipScan.Range range) {
    if (range.delimiter() == null) {
      return RANGE.with(
          new NamedSql.Args()
              .put("bucket", q.bucket())
              .put("from", range.from())
              .put("upper", range.upper())
              .put("limit", q.maxKeys() + 1));
    }
    return WALK.with(range.args(q.bucket(), q.maxKeys()));
  }

  /** A row of 0/n followed by {@link #COLUMNS}. */
  private static ListedObject listed(ResultSet rs, byte[] key) throws SQLException {
    String algorithm = rs.getString(7);
    return new ListedObject(
        rs.getString(3),
        Keys.string(key),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        algorithm == null
            ? null
            : new io.coffer.model.StoredChecksum(algorithm, rs.getString(8), rs.getString(9)),
        rs.getInt(10),
        Instant.ofEpochMilli(rs.getLong(11)),
        Instant.ofEpochMilli(rs.getLong(12)));
  }
}
