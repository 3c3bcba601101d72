package io.coffer.meta.postgres;

import io.coffer.model.ReleasedBlob;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Blob files no object or upload uses any more (owner: several nodes, D). The PostgreSQL store
 * never hands them back to its caller for deletion: it records them in the transaction that
 * released them, and a clean-up that one node runs at a time (under a lease) deletes their files
 * once a grace period longer than any read has passed, so a reader on another node is never cut
 * off. A write's result therefore reports no released blobs.
 *
 * <p>The release time is the database's clock, like lease expiry, so the grace period does not
 * depend on which node released a blob.
 */
final class ReleasedBlobSql {
  static final List<String> DDL =
      List.of(
          "CREATE TABLE released_blobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
              + " bucket_id text COLLATE \"C\" NOT NULL, blob_id text COLLATE \"C\" NOT NULL,"
              + " released_at bigint NOT NULL)",
          // the clean-up reads the oldest first: a range scan, however many are waiting
          "CREATE INDEX released_blobs_by_time ON released_blobs (released_at, id)");

  private ReleasedBlobSql() {}

  /** Records blobs of {@code bucketId} released by this transaction. */
  static void release(Tx tx, String bucketId, Collection<String> blobIds) throws SQLException {
    if (blobIds.isEmpty()) {
      return;
    }
    PreparedStatement ps =
        tx.ps(
            "INSERT INTO released_blobs (bucket_id, blob_id, released_at) SELECT ?, b, "
                + LeaseSql.DB_NOW_MILLIS
                + " FROM unnest(?::text[]) AS b");
    ps.setString(1, bucketId);
    Array ids = tx.c.createArrayOf("text", blobIds.toArray());
    ps.setArray(2, ids);
    ps.executeUpdate();
    ids.free();
  }

  /** Blobs released before {@code before}, oldest first. */
  static List<ReleasedBlob> releasedBefore(Db db, Instant before, int limit) {
    return db.read(
        tx -> {
          PreparedStatement ps =
              tx.ps(
                  "SELECT id, bucket_id, blob_id, released_at FROM released_blobs"
                      + " WHERE released_at < ? ORDER BY released_at, id LIMIT ?");
          ps.setLong(1, before.toEpochMilli());
          ps.setInt(2, limit);
          List<ReleasedBlob> blobs = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              blobs.add(
                  new ReleasedBlob(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      Instant.ofEpochMilli(rs.getLong(4))));
            }
          }
          return blobs;
        });
  }

  /** Forgets released blobs whose files are gone. */
  static void forget(Db db, List<ReleasedBlob> blobs) {
    if (blobs.isEmpty()) {
      return;
    }
    db.writeVoid(
        tx -> {
          Array ids = tx.c.createArrayOf("bigint", blobs.stream().map(ReleasedBlob::id).toArray());
          PreparedStatement ps = tx.ps("DELETE FROM released_blobs WHERE id = ANY(?)");
          ps.setArray(1, ids);
          ps.executeUpdate();
          ids.free();
        });
  }
}
