package io.coffer.meta.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

/**
 * Leases for background work (owner: several nodes, D): one row per lease naming its holder and
 * when it expires. Expiry is reckoned by the database's clock only, so nodes whose clocks disagree
 * still agree on who holds a lease. Taking, renewing and stealing an expired lease is one {@code
 * INSERT ... ON CONFLICT DO UPDATE ... WHERE}: the row lock it takes decides between nodes racing
 * for the same lease.
 */
final class LeaseSql {
  static final List<String> DDL =
      List.of(
          "CREATE TABLE leases (name text COLLATE \"C\" PRIMARY KEY, holder text NOT NULL,"
              + " expires_at bigint NOT NULL)");

  /** The database's clock in epoch milliseconds, read when the statement runs. */
  static final String DB_NOW_MILLIS = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

  private static final String HOLD =
      "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, "
          + DB_NOW_MILLIS
          + " + ?) ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder,"
          + " expires_at = EXCLUDED.expires_at"
          + " WHERE leases.holder = EXCLUDED.holder OR leases.expires_at <= "
          + DB_NOW_MILLIS
          + " RETURNING holder";

  private LeaseSql() {}

  /** Takes or renews the lease; false while another holder's lease has not expired. */
  static boolean hold(Db db, String name, String holder, Duration ttl) {
    return db.write(
        tx -> {
          PreparedStatement ps = tx.ps(HOLD);
          ps.setString(1, name);
          ps.setString(2, holder);
          ps.setLong(3, Math.max(1, ttl.toMillis()));
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next(); // no row: the conflicting row's WHERE said no (another live holder)
          }
        });
  }

  /** Deletes the lease when {@code holder} has it, so that another node may take it at once. */
  static void release(Db db, String name, String holder) {
    db.writeVoid(
        tx -> {
          PreparedStatement ps = tx.ps("DELETE FROM leases WHERE name = ? AND holder = ?");
          ps.setString(1, name);
          ps.setString(2, holder);
          ps.executeUpdate();
        });
  }
}
