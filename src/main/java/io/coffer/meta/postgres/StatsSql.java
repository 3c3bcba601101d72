package io.coffer.meta.postgres;

import io.coffer.meta.postgres.CounterSql.Counter;
import io.coffer.model.Stats;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The store's stats: the counters' stripes summed, and the active presigned URLs counted. */
final class StatsSql {
  private StatsSql() {}

  /** Runs in one snapshot, so the figures agree with each other. */
  static Stats stats(Tx tx, Instant now) throws SQLException {
    long[] sums = new long[Counter.values().length];
    StringBuilder select = new StringBuilder("SELECT ");
    for (Counter counter : Counter.values()) {
      select.append(counter.ordinal() == 0 ? "" : ", ").append("sum(").append(counter.column);
      select.append(")");
    }
    try (ResultSet rs = tx.ps(select.append(" FROM counters").toString()).executeQuery()) {
      rs.next();
      for (int i = 0; i < sums.length; i++) {
        sums[i] = rs.getLong(i + 1);
      }
    }
    PreparedStatement ps =
        tx.ps("SELECT count(*) FROM presigned_urls WHERE NOT revoked AND expires_at > ?");
    ps.setLong(1, now.toEpochMilli());
    long presigned = Results.one(ps, rs -> rs.getLong(1)).orElse(0L);
    return new Stats(
        sums[Counter.CREDENTIALS.ordinal()],
        sums[Counter.BUCKETS.ordinal()],
        sums[Counter.OBJECTS.ordinal()],
        sums[Counter.BYTES.ordinal()],
        sums[Counter.UPLOADS.ordinal()],
        presigned);
  }
}
