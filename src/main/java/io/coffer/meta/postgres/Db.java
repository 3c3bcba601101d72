package io.coffer.meta.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's pooled connections and how work runs on them: a write is one READ COMMITTED
 * transaction, run again (from the start, on a new {@link Tx}) when PostgreSQL reports a
 * serialization failure or a deadlock; a read runs in autocommit.
 *
 * <p>When the database goes away: a pooled connection found broken before anything was committed
 * (the server restarted, an administrator ran {@code pg_terminate_backend}, a failover) is dropped
 * and the work runs again on a fresh one, so the request never sees it. When no connection can be
 * had within {@link #CONNECT_TIMEOUT}, or one breaks while committing (the outcome is then unknown,
 * so running it again could do it twice), the request fails with 503 ServiceUnavailable and a WARN
 * line (at most one per {@link #WARN_EVERY}); the pool keeps trying to connect, and the first
 * request served afterwards logs that the database is back. A statement running longer than the
 * statement timeout is cancelled by PostgreSQL and is a 503 as well.
 */
final class Db implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Db.class);

  /**
   * Connections per node. A request holds one for one transaction (a few milliseconds), so 16 serve
   * far more concurrent requests than two cores can run; see docs/scale-out.md "The database".
   */
  static final int POOL_SIZE = 16;

  /** Connections kept open while the node is idle. */
  static final int MIN_IDLE = 2;

  static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration WARN_EVERY = Duration.ofSeconds(10);

  /** Runs of a transaction that hit serialization failures or deadlocks. */
  private static final int ATTEMPTS = 8;

  /** Runs of work whose pooled connection turned out to be broken. */
  private static final int RECONNECTS = 3;

  /**
   * Turns at the pool, first come first served. HikariCP hands a returned connection to whichever
   * thread asks next, not to the longest waiter, so under load (many virtual threads) a request
   * could wait out the connection timeout while others kept getting served; seen as spurious 503s.
   */
  private final Semaphore turns = new Semaphore(POOL_SIZE, true);

  private final HikariDataSource pool;
  private final AtomicLong lastWarned = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean failing;

  /** How this store reports events (owner C): read by the writes that record them. */
  final EventOptions events = new EventOptions();

  /** Who in this process hears of committed changes (owner C; see Changes). */
  final ChangeListeners changes = new ChangeListeners();

  private Db(HikariDataSource pool) {
    this.pool = pool;
  }

  static Db connect(PostgresUrl url, String nodeId) {
    return connect(url, nodeId, STATEMENT_TIMEOUT);
  }

  static Db connect(PostgresUrl url, String nodeId, Duration statementTimeout) {
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
    // An idle node keeps a few connections, not all 16: with many nodes, connections are what the
    // database runs out of first (docs/scale-out.md).
    config.setMinimumIdle(MIN_IDLE);
    config.setIdleTimeout(120_000);
    config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
    config.setValidationTimeout(2_000);
    config.setKeepaliveTime(30_000); // an idle connection's death is noticed before it is needed
    config.setAutoCommit(true);
    config.addDataSourceProperty("ApplicationName", "coffer " + nodeId);
    long timeout = statementTimeout.toMillis();
    // A node that stops in the middle of a transaction (paused, cut off) must not hold row locks
    // for long: the server ends such a session after twice the statement timeout.
    config.addDataSourceProperty(
        "options",
        "-c statement_timeout="
            + timeout
            + " -c idle_in_transaction_session_timeout="
            + 2 * timeout);
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // Without an answer for this long, the network is gone (the server cancels statements earlier).
    config.addDataSourceProperty("socketTimeout", Long.toString(timeout / 1000 + 30));
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
    return run(work, Mode.WRITE);
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
    return run(work, Mode.READ);
  }

  /** Runs {@code work} in one REPEATABLE READ read-only transaction: one snapshot for all of it. */
  <T> T readSnapshot(SqlWork<T> work) {
    return run(work, Mode.SNAPSHOT);
  }

  private enum Mode {
    WRITE,
    READ,
    SNAPSHOT
  }

  private <T> T run(SqlWork<T> work, Mode mode) {
    try {
      if (!turns.tryAcquire(STATEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CofferException(ErrorCode.SERVICE_UNAVAILABLE, "The metadata store is busy.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CofferException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted.", e);
    }
    // What runs after a commit (listeners, which may use the store again) runs after the turn and
    // the connection are given back, so that it never waits for a turn while holding one.
    List<Runnable> afterCommit = new ArrayList<>(0);
    T result;
    try {
      result = runInTurn(work, mode, afterCommit);
    } finally {
      turns.release();
    }
    afterCommit.forEach(Runnable::run);
    return result;
  }

  private <T> T runInTurn(SqlWork<T> work, Mode mode, List<Runnable> afterCommit) {
    int conflicts = 0;
    int reconnects = 0;
    while (true) {
      Connection c;
      try {
        c = pool.getConnection();
      } catch (SQLException e) {
        if (pool.isClosed()) { // a request still running while the server shuts down
          throw new CofferException(
              ErrorCode.SERVICE_UNAVAILABLE, "The metadata store is closed.", e);
        }
        throw translate(e);
      }
      Attempt attempt = new Attempt(afterCommit);
      try (c) {
        T result = attempt.run(this, c, work, mode);
        if (failing) {
          failing = false;
          log.info("the metadata database is reachable again");
        }
        return result;
      } catch (SQLException e) {
        if (isRetryable(e) && ++conflicts < ATTEMPTS) {
          continue;
        }
        if (isUnavailable(e) && !attempt.committing && ++reconnects < RECONNECTS) {
          log.debug(
              "metadata database connection broken, running the work again: {}", e.toString());
          // One broken connection (a restart, a failover, terminated backends) means the others
          // are likely broken too: replace them all rather than find out one request at a time.
          pool.getHikariPoolMXBean().softEvictConnections();
          continue;
        }
        throw translate(e);
      }
    }
  }

  /** One run of some work on one connection; knows whether it got as far as COMMIT. */
  private static final class Attempt {
    private final List<Runnable> afterCommit;
    boolean committing;

    Attempt(List<Runnable> afterCommit) {
      this.afterCommit = afterCommit;
    }

    <T> T run(Db db, Connection c, SqlWork<T> work, Mode mode) throws SQLException {
      Tx tx = new Tx(c, db);
      try {
        if (mode == Mode.READ) {
          return work.run(tx);
        }
        c.setAutoCommit(false);
        if (mode == Mode.SNAPSHOT) {
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          c.setReadOnly(true);
        }
        try {
          T result = work.run(tx);
          tx.runBeforeCommit();
          committing = mode == Mode.WRITE;
          c.commit();
          committing = false;
          afterCommit.addAll(tx.afterCommitActions());
          return result;
        } catch (Throwable t) {
          rollbackQuietly(c);
          throw t;
        }
      } finally {
        tx.closeStatements();
        // The pool puts back auto-commit, isolation and read-only when it takes the connection.
      }
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

  /** The CofferException a failure is for the request (and the log line it is worth). */
  RuntimeException translate(SQLException e) {
    if (isUnavailable(e) || isStatementTimeout(e)) {
      failing = true;
      long now = System.nanoTime();
      long last = lastWarned.get();
      if ((last == Long.MIN_VALUE || now - last >= WARN_EVERY.toNanos())
          && lastWarned.compareAndSet(last, now)) {
        log.warn(
            isStatementTimeout(e)
                ? "metadata database too slow, statement cancelled: {}"
                : "metadata database unavailable: {}",
            e.getMessage());
      }
      return new CofferException(
          ErrorCode.SERVICE_UNAVAILABLE,
          isStatementTimeout(e)
              ? "The metadata database did not answer in time."
              : "The metadata database is unavailable.",
          e);
    }
    if ("53100".equals(e.getSQLState())) {
      return new CofferException(
          ErrorCode.STORAGE_FULL, ErrorCode.STORAGE_FULL.defaultMessage(), e);
    }
    return new CofferException(ErrorCode.INTERNAL_ERROR, "metadata store: " + e.getMessage(), e);
  }

  /** query_canceled: the statement timeout (Coffer cancels nothing else). */
  static boolean isStatementTimeout(SQLException e) {
    return "57014".equals(e.getSQLState());
  }

  @Override
  public void close() {
    pool.close();
  }
}
