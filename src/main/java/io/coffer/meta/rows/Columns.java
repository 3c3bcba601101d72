package io.coffer.meta.rows;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of the current row by position (1-based, as in JDBC), read either from a JDBC {@link
 * ResultSet} or straight from the driver's statement handle ({@link NativeQuery}), so that one
 * mapping of a table's row serves both. Like the JDBC getters it stands for, it is not annotated
 * for nulls: a NULL column reads as null (text, bytes) or 0 (numbers), and the row mappings check
 * the columns that may be NULL.
 */
public interface Columns {
  /** The column as text, or null when it is NULL. */
  String text(int column) throws SQLException;

  /** The column as an integer; 0 when it is NULL. */
  long int64(int column) throws SQLException;

  /** The column as an int; 0 when it is NULL. */
  int int32(int column) throws SQLException;

  /** The column's bytes, or null when it is NULL. */
  byte[] blob(int column) throws SQLException;

  /** The current row of {@code rs}. */
  static Columns of(ResultSet rs) {
    return new Columns() {
      @Override
      public String text(int column) throws SQLException {
        return rs.getString(column);
      }

      @Override
      public long int64(int column) throws SQLException {
        return rs.getLong(column);
      }

      @Override
      public int int32(int column) throws SQLException {
        return rs.getInt(column);
      }

      @Override
      public byte[] blob(int column) throws SQLException {
        return rs.getBytes(column);
      }
    };
  }
}
