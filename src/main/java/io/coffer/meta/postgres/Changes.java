package io.coffer.meta.postgres;

import io.coffer.model.StoreChange;
import java.sql.SQLException;

/**
 * The change feed between nodes (owner: notifications, C): a change published in a transaction
 * reaches every node's change listener when, and only if, the transaction commits ({@code
 * pg_notify}), and the store's own caches (bucket references) forget it too.
 */
final class Changes {
  private Changes() {}

  /** Publishes {@code change} when {@code tx} commits. */
  static void publish(Tx tx, StoreChange change) throws SQLException {
    // stub: C writes it
  }
}
