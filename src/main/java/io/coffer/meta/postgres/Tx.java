package io.coffer.meta.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One transaction (or one autocommit read) on a pooled connection: its statements, closed at the
 * end, and what must run just before its COMMIT (counter changes, notifications) and after it
 * (telling listeners). A transaction that is retried starts with a new {@code Tx}.
 */
final class Tx {
  final Connection c;

  /** The store's database: what the table classes share across transactions. */
  final Db db;

  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final List<Db.SqlAction> beforeCommit = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final Map<Object, Object> state = new HashMap<>();

  Tx(Connection c, Db db) {
    this.c = c;
    this.db = db;
  }

  /** A prepared statement for {@code sql}, reused within this transaction. */
  PreparedStatement ps(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql);
      statements.put(sql, ps);
    } else {
      ps.clearParameters();
    }
    return ps;
  }

  /** Runs {@code action} inside the transaction, once, just before it commits (in order added). */
  void beforeCommit(Db.SqlAction action) {
    beforeCommit.add(action);
  }

  /** Runs {@code action} once the transaction has committed (never when it rolls back). */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /**
   * Per-transaction state a table class keeps (counter deltas, say), keyed by something that class
   * owns, created on first use.
   */
  @SuppressWarnings("unchecked")
  <T> T state(Object key, java.util.function.Supplier<T> create) {
    return (T) state.computeIfAbsent(key, k -> create.get());
  }

  /** The state kept under {@code key}, or null when nothing was created under it yet. */
  @SuppressWarnings("unchecked")
  <T> @Nullable T existingState(Object key) {
    return (T) state.get(key);
  }

  void runBeforeCommit() throws SQLException {
    for (int i = 0; i < beforeCommit.size(); i++) { // actions may add actions
      beforeCommit.get(i).run(this);
    }
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }

  void closeStatements() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // the connection goes back to the pool, which resets it
      }
    }
    statements.clear();
  }
}
