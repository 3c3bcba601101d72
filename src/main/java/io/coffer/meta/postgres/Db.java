package io.coffer.meta.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's pooled connections and how work runs on them: a write is one READ COMMITTED
 * transaction, run again (from the start, on a new {@link Tx}) when PostgreSQL reports a
 * serialization failure or a deadlock; a read runs in autocommit. An unreachable database is a 503
 * ServiceUnavailable for the request, logged; the pool reconnects by itself when it returns.
 */
final class Db implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Db.class);
  static final int POOL_SIZE = 16;
  private static final int ATTEMPTS = 8;

  private final HikariDataSource pool;

  /** How this store reports events (owner C): read by the writes that record them. */
  final EventOptions events = new EventOptions();

  /** Who in this process hears of committed changes (owner C; see Changes). */
  final ChangeListeners changes = new ChangeListeners();

  private Db(HikariDataSource pool) {
    this.pool = pool;
  }

  static Db connect(PostgresUrl url, String nodeId) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setPoolName("coffer-metadata");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setConnectionTimeout(5_000);
    config.setAutoCommit(true);
    config.addDataSourceProperty("ApplicationName", "coffer " + nodeId);
    config.addDataSourceProperty("options", "-c statement_timeout=30000");
    try {
      return new Db(new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw new CofferException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "cannot connect to the metadata database " + url + ": " + e.getMessage(),
          e);
    }
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Tx tx) throws SQLException;
  }

  @FunctionalInterface
  interface SqlAction {
    void run(Tx tx) throws SQLException;
  }

  /** Runs {@code work} in a transaction and commits it; see the class comment. */
  <T> T write(SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = pool.getConnection()) {
        Tx tx = new Tx(c, this);
        c.setAutoCommit(false);
        try {
          T result = work.run(tx);
          tx.runBeforeCommit();
          c.commit();
          tx.afterCommitActions().forEach(Runnable::run);
          return result;
        } catch (Throwable t) {
          rollbackQuietly(c);
          throw t;
        } finally {
          tx.closeStatements();
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if (isRetryable(e) && attempt < ATTEMPTS) {
          continue;
        }
        throw translate(e);
      }
    }
  }

  /** As {@link #write}, for a write that returns nothing. */
  void writeVoid(SqlAction action) {
    write(
        tx -> {
          action.run(tx);
          return Boolean.TRUE;
        });
  }

  /** Runs {@code work} in autocommit (each statement sees what was committed when it started). */
  <T> T read(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      Tx tx = new Tx(c, this);
      try {
        return work.run(tx);
      } finally {
        tx.closeStatements();
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Runs {@code work} in one REPEATABLE READ read-only transaction: one snapshot for all of it. */
  <T> T readSnapshot(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      Tx tx = new Tx(c, this);
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        T result = work.run(tx);
        c.commit();
        return result;
      } catch (Throwable t) {
        rollbackQuietly(c);
        throw t;
      } finally {
        tx.closeStatements();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** A connection of its own (LISTEN, say), outside the pool's accounting of transactions. */
  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // a broken connection is discarded by the pool
    }
  }

  /** Serialization failure or deadlock: the transaction may succeed when run again. */
  static boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  /**
   * Connection failures (class 08), a pool that could not hand out one, or a server shutting down.
   */
  static boolean isUnavailable(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientConnectionException
        || (state != null && (state.startsWith("08") || state.startsWith("57P")));
  }

  static RuntimeException translate(SQLException e) {
    if (isUnavailable(e)) {
      log.warn("metadata database unavailable: {}", e.getMessage());
      return new CofferException(
          ErrorCode.SERVICE_UNAVAILABLE, "The metadata database is unavailable.", e);
    }
    if ("53100".equals(e.getSQLState())) {
      return new CofferException(
          ErrorCode.STORAGE_FULL, ErrorCode.STORAGE_FULL.defaultMessage(), e);
    }
    return new CofferException(ErrorCode.INTERNAL_ERROR, "metadata store: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    pool.close();
  }
}
