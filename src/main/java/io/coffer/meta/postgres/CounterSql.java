package io.coffer.meta.postgres;

import java.sql.SQLException;

/**
 * The counters behind stats, changed in the same transaction as what they count. They are striped
 * (several rows summed on read) so that concurrent writers on several nodes do not all wait for one
 * row lock (owner: core, A). Changes are gathered per transaction and written just before COMMIT.
 */
final class CounterSql {
  private CounterSql() {}

  enum Counter {
    CREDENTIALS,
    BUCKETS,
    OBJECTS,
    BYTES,
    UPLOADS
  }

  /** Adds {@code delta} to a global counter in this transaction. */
  static void add(Tx tx, Counter counter, long delta) throws SQLException {
    // stub: A writes it
  }

  /**
   * Adds to a bucket's object count and total size (and to the global ones) in this transaction.
   */
  static void object(Tx tx, String bucketId, long objects, long bytes) throws SQLException {
    // stub: A writes it
  }
}
