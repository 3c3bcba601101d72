package io.coffer.meta.postgres;

import java.sql.SQLException;
import java.util.Collection;

/**
 * Blob files no object or upload uses any more (owner: several nodes, D). The PostgreSQL store
 * never hands them back to its caller for deletion: it records them in the transaction that
 * released them, and a clean-up that one node runs at a time (under a lease) deletes their files
 * once a grace period longer than any read has passed, so a reader on another node is never cut
 * off. A write's result therefore reports no released blobs.
 */
final class ReleasedBlobSql {
  private ReleasedBlobSql() {}

  /** Records blobs of {@code bucketId} released by this transaction. */
  static void release(Tx tx, String bucketId, Collection<String> blobIds) throws SQLException {
    // stub: D writes it
  }
}
