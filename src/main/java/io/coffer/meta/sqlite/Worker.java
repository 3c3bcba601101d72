package io.coffer.meta.sqlite;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A unit of work run on one of the store's connections, and the future its caller waits on. */
final class Worker {
  private Worker() {}

  @FunctionalInterface
  interface SqlWork<T> {
    @Nullable T run(Conn conn) throws SQLException;
  }

  /** A write that returns nothing (a statement run for its effect). */
  @FunctionalInterface
  interface SqlAction {
    void run(Conn conn) throws SQLException;
  }

  static final class Task<T> {
    final SqlWork<T> work;
    final CompletableFuture<T> future = new CompletableFuture<>();

    /** Set by the writer between the operation and the commit. */
    @Nullable T result;

    Task(SqlWork<T> work) {
      this.work = work;
    }

    @Nullable T run(Conn conn) throws SQLException {
      return work.run(conn);
    }

    void fail(Throwable t) {
      future.completeExceptionally(t);
    }
  }

  /** Turns whatever an operation threw into what the caller of the store should see. */
  static RuntimeException translate(Throwable t) {
    if (t instanceof CofferException ce) {
      return ce;
    }
    if (t instanceof SQLException e) {
      if (isDiskFull(e)) {
        return new CofferException(
            ErrorCode.STORAGE_FULL, ErrorCode.STORAGE_FULL.defaultMessage(), e);
      }
      return new CofferException(ErrorCode.INTERNAL_ERROR, "metadata store: " + e.getMessage(), e);
    }
    if (t instanceof RuntimeException re) {
      return re;
    }
    // checked exceptions and errors (never rethrown here: this runs on the store's own threads)
    return new CofferException(ErrorCode.INTERNAL_ERROR, "metadata store: " + t, t);
  }

  /**
   * SQLite's SQLITE_FULL, told by its result code (the low byte of an extended code is the primary
   * one), on the exception or one it wraps.
   */
  static boolean isDiskFull(SQLException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLiteException s
          && (s.getResultCode().code & 0xFF) == SQLiteErrorCode.SQLITE_FULL.code) {
        return true;
      }
    }
    return false;
  }
}
