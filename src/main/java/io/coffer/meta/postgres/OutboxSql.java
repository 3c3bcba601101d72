package io.coffer.meta.postgres;

import io.coffer.model.EventDraft;
import io.coffer.model.ObjectMeta;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * The durable event queue (owner: notifications, C): events recorded in the transaction of the
 * change they report, for each target a bucket's rules name, and for the live listeners.
 */
final class OutboxSql {
  private OutboxSql() {}

  /** Records the event of a version written: created, or its tags changed. */
  static void recordWrite(
      Tx tx, LockedBucket bucket, @Nullable EventDraft draft, ObjectMeta version)
      throws SQLException {
    // stub: C writes it
  }

  /**
   * Records the event of a removal: a version removed, or a delete marker added (which turns the
   * draft's Delete into DeleteMarkerCreated).
   */
  static void recordRemoval(
      Tx tx,
      LockedBucket bucket,
      @Nullable EventDraft draft,
      boolean markerAdded,
      String key,
      @Nullable String versionId)
      throws SQLException {
    // stub: C writes it
  }
}
