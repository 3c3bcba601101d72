package io.coffer.meta.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Running a query and mapping its rows, and binding nullable parameters: the few lines every table
 * class would otherwise repeat.
 */
final class Results {
  private Results() {}

  @FunctionalInterface
  interface RowMapper<R> {
    R map(ResultSet rs) throws SQLException;
  }

  /** The first row, mapped; empty when there is none. */
  static <R> Optional<R> one(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
    }
  }

  static <R> List<R> all(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
    List<R> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
    }
    return out;
  }

  static boolean exists(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  /** A nullable bigint column: null when SQL NULL (getLong would say 0). */
  static @Nullable Long getLong(ResultSet rs, int index) throws SQLException {
    long value = rs.getLong(index);
    return rs.wasNull() ? null : value;
  }
}
