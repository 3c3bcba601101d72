package io.coffer.meta.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * A value read from SQLite, bound as the PostgreSQL column's type wants it ({@code coffer
 * migrate}). SQLite stores booleans as integers, and a few columns that are text in SQLite's
 * declarations (a presigned URL's key, a lifecycle checkpoint's key marker) are the key's UTF-8
 * bytes in PostgreSQL.
 */
final class ColumnValues {
  private ColumnValues() {}

  static void bind(PreparedStatement ps, int index, @Nullable Object value, String pgType)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, sqlType(pgType));
      return;
    }
    switch (pgType) {
      case "boolean" -> ps.setBoolean(index, ((Number) value).longValue() != 0);
      case "bytea" ->
          ps.setBytes(
              index,
              value instanceof byte[] bytes
                  ? bytes
                  : value.toString().getBytes(StandardCharsets.UTF_8));
      case "bigint" -> ps.setLong(index, ((Number) value).longValue());
      case "integer" -> ps.setInt(index, Math.toIntExact(((Number) value).longValue()));
      case "text" ->
          ps.setString(
              index,
              value instanceof byte[] bytes
                  ? new String(bytes, StandardCharsets.UTF_8)
                  : value.toString());
      default -> ps.setObject(index, value);
    }
  }

  private static int sqlType(String pgType) {
    return switch (pgType) {
      case "boolean" -> Types.BOOLEAN;
      case "bytea" -> Types.BINARY;
      case "bigint" -> Types.BIGINT;
      case "integer" -> Types.INTEGER;
      default -> Types.VARCHAR;
    };
  }
}
