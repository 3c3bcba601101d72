package io.coffer.meta.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The counters behind stats and a bucket's object count and total size, changed in the same
 * transaction as what they count, and exact.
 *
 * <p>One counter row would make every writer on every node wait for the previous writer's COMMIT
 * (the row lock is held until then). So each counter is {@link #STRIPES} rows, summed on read: a
 * transaction adds its changes to one stripe picked at random, and concurrent writers mostly lock
 * different rows. Changes are gathered per transaction ({@link Tx#state}) and written once, just
 * before COMMIT, so the row locks are held for the shortest time and always taken in the same order
 * (bucket rows by bucket ID, then the global row), which cannot deadlock between counters.
 *
 * <p>Tables: {@code counters(stripe, credentials, buckets, objects, bytes, uploads)}, its stripe
 * rows made by the schema; {@code bucket_counters(bucket_id, stripe, objects, bytes)}, rows made on
 * a bucket's first change of that stripe and deleted with the bucket ({@link #forgetBucket}).
 */
final class CounterSql {
  /** Rows per counter: about the number of writers expected to commit at the same moment. */
  static final int STRIPES = 16;

  private CounterSql() {}

  enum Counter {
    CREDENTIALS("credentials"),
    BUCKETS("buckets"),
    OBJECTS("objects"),
    BYTES("bytes"),
    UPLOADS("uploads");

    final String column;

    Counter(String column) {
      this.column = column;
    }
  }

  /**
   * A bucket's object count ({@code objects}) and total size ({@code bytes}), committed ones, as a
   * scalar subquery to put in a SELECT list; {@code bucketIdColumn} is the column (or parameter
   * {@code ?}) holding the bucket's ID, e.g. {@code objectsOf("b.id")}.
   */
  static String objectsOf(String bucketIdColumn) {
    return "(SELECT coalesce(sum(objects), 0) FROM bucket_counters WHERE bucket_id = "
        + bucketIdColumn
        + ")";
  }

  /** As {@link #objectsOf}, for the total size in bytes. */
  static String bytesOf(String bucketIdColumn) {
    return "(SELECT coalesce(sum(bytes), 0) FROM bucket_counters WHERE bucket_id = "
        + bucketIdColumn
        + ")";
  }

  /** What this transaction has added so far, not yet written. */
  private static final class Deltas {
    final Map<Counter, Long> global = new EnumMap<>(Counter.class);

    /** Per bucket ID, {objects, bytes}; sorted, so row locks are taken in one order. */
    final Map<String, long[]> perBucket = new TreeMap<>();
  }

  private static final Object KEY = new Object();

  private static Deltas deltas(Tx tx) {
    return tx.state(
        KEY,
        () -> {
          Deltas d = new Deltas();
          tx.beforeCommit(t -> flush(t, d));
          return d;
        });
  }

  /** Adds {@code delta} to a global counter in this transaction. */
  static void add(Tx tx, Counter counter, long delta) throws SQLException {
    if (delta != 0) {
      deltas(tx).global.merge(counter, delta, Long::sum);
    }
  }

  /**
   * Adds to a bucket's object count and total size (and to the global ones) in this transaction.
   */
  static void object(Tx tx, String bucketId, long objects, long bytes) throws SQLException {
    if (objects == 0 && bytes == 0) {
      return;
    }
    Deltas d = deltas(tx);
    long[] v = d.perBucket.computeIfAbsent(bucketId, k -> new long[2]);
    v[0] += objects;
    v[1] += bytes;
    d.global.merge(Counter.OBJECTS, objects, Long::sum);
    d.global.merge(Counter.BYTES, bytes, Long::sum);
  }

  /**
   * A bucket's object count and total size as this transaction sees them: what is committed plus
   * what this transaction has added but not yet written. {objects, bytes}.
   */
  static long[] bucketTotals(Tx tx, String bucketId) throws SQLException {
    PreparedStatement ps =
        tx.ps(
            "SELECT coalesce(sum(objects), 0), coalesce(sum(bytes), 0) FROM bucket_counters"
                + " WHERE bucket_id = ?");
    ps.setString(1, bucketId);
    long[] totals = new long[2];
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      totals[0] = rs.getLong(1);
      totals[1] = rs.getLong(2);
    }
    Deltas d = tx.existingState(KEY);
    if (d != null) {
      long[] pending = d.perBucket.get(bucketId);
      if (pending != null) {
        totals[0] += pending[0];
        totals[1] += pending[1];
      }
    }
    return totals;
  }

  /** Deletes a bucket's counter rows (with the bucket, in the same transaction). */
  static void forgetBucket(Tx tx, String bucketId) throws SQLException {
    Deltas d = tx.existingState(KEY);
    if (d != null) {
      d.perBucket.remove(bucketId);
    }
    PreparedStatement ps = tx.ps("DELETE FROM bucket_counters WHERE bucket_id = ?");
    ps.setString(1, bucketId);
    ps.executeUpdate();
  }

  /** The sum of every stripe of a global counter, as committed. */
  static long total(Tx tx, Counter counter) throws SQLException {
    try (ResultSet rs =
        tx.ps("SELECT coalesce(sum(" + counter.column + "), 0) FROM counters").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void flush(Tx tx, Deltas d) throws SQLException {
    int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
    for (Map.Entry<String, long[]> e : d.perBucket.entrySet()) {
      long[] v = e.getValue();
      if (v[0] == 0 && v[1] == 0) {
        continue;
      }
      PreparedStatement b =
          tx.ps(
              "INSERT INTO bucket_counters AS c (bucket_id, stripe, objects, bytes) VALUES (?, ?,"
                  + " ?, ?) ON CONFLICT (bucket_id, stripe) DO UPDATE SET objects = c.objects +"
                  + " excluded.objects, bytes = c.bytes + excluded.bytes");
      b.setString(1, e.getKey());
      b.setInt(2, stripe);
      b.setLong(3, v[0]);
      b.setLong(4, v[1]);
      b.executeUpdate();
    }
    if (d.global.values().stream().allMatch(v -> v == 0)) {
      return;
    }
    PreparedStatement g =
        tx.ps(
            "UPDATE counters SET credentials = credentials + ?, buckets = buckets + ?,"
                + " objects = objects + ?, bytes = bytes + ?, uploads = uploads + ?"
                + " WHERE stripe = ?");
    int i = 1;
    for (Counter counter : Counter.values()) {
      g.setLong(i++, d.global.getOrDefault(counter, 0L));
    }
    g.setInt(i, stripe);
    g.executeUpdate();
  }
}
