package io.coffer.meta.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams every blob ID the store references (objects, versions, segments, parts) from one
 * snapshot. The rows come through a cursor, a batch at a time (a fetch size in a transaction), so
 * memory stays bounded whatever the number of objects.
 */
final class ReferencedBlobs {
  private static final int FETCH = 1024;
  private static final List<String> QUERIES =
      List.of(
          "SELECT storage_id FROM objects WHERE part_count = 0 AND inline_id IS NULL",
          "SELECT storage_id FROM object_versions WHERE part_count = 0 AND inline_id IS NULL"
              + " AND NOT delete_marker",
          "SELECT blob_id FROM segments",
          "SELECT blob_id FROM parts");

  private ReferencedBlobs() {}

  static void forEach(Db db, Consumer<String> sink) {
    db.readSnapshot(
        tx -> {
          for (String sql : QUERIES) {
            send(tx.ps(sql), sink);
          }
          return Boolean.TRUE;
        });
  }

  private static void send(PreparedStatement ps, Consumer<String> sink) throws SQLException {
    ps.setFetchSize(FETCH);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sink.accept(rs.getString(1));
      }
    }
  }
}
