package io.coffer.meta.postgres;

import io.coffer.model.StoreChange;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The change feed between nodes (owner: notifications, C): a change published in a transaction
 * reaches every node's change listener when, and only if, the transaction commits ({@code
 * pg_notify}), and the store's own caches (bucket references) forget it too. This node hears of it
 * right after the commit, before the write returns; the others through their {@link ChangeFeed}.
 */
final class Changes {
  /** The one channel of the feed: changes, events for live listeners, listeners' changes. */
  static final String CHANNEL = "coffer_feed";

  private Changes() {}

  /** Publishes {@code change} when {@code tx} commits (once per transaction). */
  static void publish(Tx tx, StoreChange change) throws SQLException {
    Set<StoreChange> published = tx.state(Changes.class, HashSet::new);
    if (!published.add(change)) {
      return;
    }
    PreparedStatement ps = tx.ps("SELECT pg_notify('" + CHANNEL + "', ?)");
    ps.setString(1, FeedMessage.change(tx.db.events.origin, change));
    ps.execute();
    ChangeListeners local = tx.db.changes;
    tx.afterCommit(() -> local.tell(change));
  }
}
