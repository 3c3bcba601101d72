package io.coffer.meta.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the rows of some tables from a SQLite store's file into a PostgreSQL database of the same
 * column names, so that both stores hold the same rows and their answers can be compared. Columns
 * are matched by name; SQLite's integer booleans become booleans.
 */
final class SqliteRowCopy {
  private SqliteRowCopy() {}

  static void copy(Path sqliteFile, Connection pg, List<String> tables) throws SQLException {
    try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile)) {
      for (String table : tables) {
        copyTable(lite, pg, table);
      }
    }
  }

  private static void copyTable(Connection lite, Connection pg, String table) throws SQLException {
    Map<String, String> pgTypes = new LinkedHashMap<>();
    try (PreparedStatement ps =
        pg.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pgTypes.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    Set<String> liteColumns = new HashSet<>();
    try (Statement s = lite.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
      while (rs.next()) {
        liteColumns.add(rs.getString(1));
      }
    }
    List<String> columns = new ArrayList<>();
    for (String c : pgTypes.keySet()) {
      if (liteColumns.contains(c)) {
        columns.add(c);
      }
    }
    String names = String.join(", ", columns);
    String marks = String.join(", ", columns.stream().map(c -> "?").toList());
    try (Statement s = lite.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + names + " FROM " + table);
        PreparedStatement insert =
            pg.prepareStatement(
                "INSERT INTO "
                    + table
                    + " ("
                    + names
                    + ") OVERRIDING SYSTEM VALUE VALUES ("
                    + marks
                    + ")")) {
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          String type = pgTypes.get(columns.get(i));
          Object value = rs.getObject(i + 1);
          if (value == null) {
            insert.setObject(i + 1, null);
          } else if (type.equals("boolean")) {
            insert.setBoolean(i + 1, rs.getLong(i + 1) != 0);
          } else if (type.equals("bytea")) {
            insert.setBytes(i + 1, rs.getBytes(i + 1));
          } else if (type.equals("bigint") || type.equals("integer")) {
            insert.setLong(i + 1, rs.getLong(i + 1));
          } else {
            insert.setString(i + 1, rs.getString(i + 1));
          }
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
