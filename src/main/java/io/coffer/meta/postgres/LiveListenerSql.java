package io.coffer.meta.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live_listeners table: which buckets each node's live listeners (ListenBucketNotification)
 * hear, so that every node sends those buckets' events to the others and no other bucket's. A
 * node's rows expire unless it renews them ({@link ChangeFeed}'s backstop), so a node that died
 * stops costing the others a message per write; times are the database's clock.
 */
final class LiveListenerSql {
  /** How long a node's rows count without being renewed: a few backstop periods. */
  static final long TTL_MS = 120_000;

  private static final String NOW_MS = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

  private LiveListenerSql() {}

  /** Replaces this node's rows by {@code buckets}; tells the other nodes when {@code announce}. */
  static void replace(Tx tx, String origin, Set<String> buckets, boolean announce)
      throws SQLException {
    PreparedStatement del = tx.ps("DELETE FROM live_listeners WHERE origin = ?");
    del.setString(1, origin);
    del.executeUpdate();
    if (!buckets.isEmpty()) {
      PreparedStatement ins =
          tx.ps(
              "INSERT INTO live_listeners (origin, bucket, expires_at)"
                  + " SELECT ?, b, "
                  + NOW_MS
                  + " + ? FROM unnest(?::text[]) b");
      ins.setString(1, origin);
      ins.setLong(2, TTL_MS);
      ins.setArray(3, tx.c.createArrayOf("text", buckets.toArray(String[]::new)));
      ins.executeUpdate();
    }
    if (announce) {
      PreparedStatement notify = tx.ps("SELECT pg_notify('" + Changes.CHANNEL + "', ?)");
      notify.setString(1, FeedMessage.LISTENERS_CHANGED);
      notify.execute();
    }
  }

  /** The buckets some node's live listener hears. */
  static Set<String> load(Tx tx) throws SQLException {
    PreparedStatement ps =
        tx.ps("SELECT DISTINCT bucket FROM live_listeners WHERE expires_at > " + NOW_MS);
    List<String> all = Results.all(ps, rs -> rs.getString(1));
    return Set.copyOf(new HashSet<>(all));
  }

  /** Forgets rows their nodes stopped renewing. */
  static void forgetExpired(Tx tx) throws SQLException {
    tx.ps("DELETE FROM live_listeners WHERE expires_at <= " + NOW_MS).executeUpdate();
  }
}
