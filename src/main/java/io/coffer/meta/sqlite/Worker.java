package io.coffer.meta.sqlite;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/** A unit of work run on one of the store's connections, and the future its caller waits on. */
final class Worker {
  private Worker() {}

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Conn conn) throws SQLException;
  }

  static final class Task<T> {
    final SqlWork<T> work;
    final CompletableFuture<T> future = new CompletableFuture<>();
    /** Set by the writer between the operation and the commit. */
    T result;

    Task(SqlWork<T> work) {
      this.work = work;
    }

    T run(Conn conn) throws SQLException {
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
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("SQLITE_FULL") || msg.contains("database or disk is full")) {
        return new CofferException(ErrorCode.STORAGE_FULL, ErrorCode.STORAGE_FULL.defaultMessage(), e);
      }
      return new CofferException(ErrorCode.INTERNAL_ERROR, "metadata store: " + msg, e);
    }
    if (t instanceof RuntimeException re) {
      return re;
    }
    // checked exceptions and errors (never rethrown here: this runs on the store's own threads)
    return new CofferException(ErrorCode.INTERNAL_ERROR, "metadata store: " + t, t);
  }
}
