package io.coffer.meta.sqlite;

import io.coffer.meta.rows.Columns;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

/**
 * A prepared SELECT of one row, run through the driver's statement handle ({@code
 * org.sqlite.core.DB}) instead of a JDBC ResultSet. Opening a ResultSet costs the xerial driver a
 * JNI call per column to fetch the column names (and a String each) on every execution, plus the
 * JDBC bookkeeping around it; a point read on the hot GET path needs none of that: it binds, steps
 * once, reads its columns by position and resets. The statement is the connection's own (prepared
 * through JDBC, so the driver finalizes it when the connection closes) and, like the connection,
 * used by one thread at a time.
 */
final class NativeQuery {
  private final CoreStatement statement;
  private final DB db;

  NativeQuery(PreparedStatement prepared) {
    this.statement = (CoreStatement) prepared;
    this.db = statement.getDatabase();
  }

  /** Maps one row. */
  @FunctionalInterface
  interface Mapper<R> {
    R map(Columns row) throws SQLException;
  }

  /**
   * Binds {@code params} (String, byte[], Long, Integer or null, as the driver binds them), runs
   * the statement and maps its first row; null when there is none.
   */
  <R> @Nullable R first(Mapper<R> mapper, @Nullable Object... params) throws SQLException {
    boolean row;
    try {
      // binds and steps once; when no row comes, the driver has already reset the statement
      row = db.execute(statement, params);
    } catch (SQLException | RuntimeException e) {
      reset();
      throw e;
    }
    if (!row) {
      return null;
    }
    return statement.pointer.safeRun(
        (database, handle) -> {
          try {
            return mapper.map(new Row(database, handle));
          } finally {
            database.reset(handle); // ends the statement's read of the database snapshot
          }
        });
  }

  private void reset() {
    try {
      if (!statement.pointer.isClosed()) {
        statement.pointer.safeRunConsume(DB::reset);
      }
    } catch (SQLException ignored) {
      // the failure being thrown says more than this one
    }
  }

  /** The current row of a stepped statement; valid only inside {@link #first}. */
  private record Row(DB db, long handle) implements Columns {
    @Override
    public String text(int column) throws SQLException {
      return db.column_text(handle, column - 1);
    }

    @Override
    public long int64(int column) throws SQLException {
      return db.column_long(handle, column - 1);
    }

    @Override
    public int int32(int column) throws SQLException {
      return db.column_int(handle, column - 1);
    }

    @Override
    public byte[] blob(int column) throws SQLException {
      return db.column_blob(handle, column - 1); // null for NULL, as ResultSet.getBytes
    }
  }
}
