package io.coffer.meta.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code coffer migrate} derives instead of copying: PostgreSQL's striped counters from
 * SQLite's one counters row and the buckets' counts, and every identity and sequence moved past
 * what SQLite handed out (its AUTOINCREMENT high-water marks included, so a deleted credential's ID
 * is never given again, and event sequencers keep growing).
 */
final class TableSequences {
  private TableSequences() {}

  /** SQLite's totals into stripe 0 of counters, each bucket's into stripe 0 of its counters. */
  static void copyCounters(Connection sqlite, Connection pg) throws SQLException {
    try (Statement s = sqlite.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT credentials, buckets, objects, bytes, uploads FROM counters");
        PreparedStatement ps =
            pg.prepareStatement(
                "UPDATE counters SET credentials = ?, buckets = ?, objects = ?, bytes = ?,"
                    + " uploads = ? WHERE stripe = 0")) {
      if (rs.next()) {
        for (int i = 1; i <= 5; i++) {
          ps.setLong(i, rs.getLong(i));
        }
        ps.executeUpdate();
      }
    }
    try (Statement s = sqlite.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, object_count, total_size FROM buckets"
                    + " WHERE object_count <> 0 OR total_size <> 0");
        PreparedStatement ps =
            pg.prepareStatement(
                "INSERT INTO bucket_counters (bucket_id, stripe, objects, bytes)"
                    + " VALUES (?, 0, ?, ?)")) {
      while (rs.next()) {
        ps.setString(1, rs.getString(1));
        ps.setLong(2, rs.getLong(2));
        ps.setLong(3, rs.getLong(3));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Moves every identity column of the copied tables, and the event sequencer, past SQLite's. */
  static void advance(Connection sqlite, Connection pg, List<String> tables) throws SQLException {
    Map<String, Long> highWater = highWaterMarks(sqlite);
    for (String[] identity : identities(pg)) {
      String table = identity[0];
      String column = identity[1];
      if (!tables.contains(table)) {
        continue;
      }
      long last = Math.max(highWater.getOrDefault(table, 0L), max(pg, table, column));
      if (last > 0) {
        setSequence(pg, "pg_get_serial_sequence('" + table + "', '" + column + "')", last);
      }
    }
    long events = single(sqlite, "SELECT event_seq FROM counters");
    if (events > 0) {
      setSequence(pg, "'event_sequencer'", events);
    }
  }

  /** SQLite's AUTOINCREMENT marks, and the upload sequence its counters row keeps. */
  private static Map<String, Long> highWaterMarks(Connection sqlite) throws SQLException {
    Map<String, Long> marks = new HashMap<>();
    try (Statement s = sqlite.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
      while (rs.next()) {
        marks.put(rs.getString(1), rs.getLong(2));
      }
    }
    marks.merge("uploads", single(sqlite, "SELECT upload_seq FROM counters"), Math::max);
    return marks;
  }

  private static List<String[]> identities(Connection pg) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (Statement s = pg.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
      while (rs.next()) {
        columns.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return columns;
  }

  private static void setSequence(Connection pg, String sequence, long last) throws SQLException {
    try (Statement s = pg.createStatement()) {
      s.execute("SELECT setval(" + sequence + ", " + last + ")");
    }
  }

  private static long max(Connection pg, String table, String column) throws SQLException {
    return single(pg, "SELECT coalesce(max(" + column + "), 0) FROM " + table);
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
