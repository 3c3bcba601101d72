package io.coffer.meta;

import io.coffer.model.ReleasedBlob;
import io.coffer.model.StoreChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the metadata store does for several nodes sharing it (the PostgreSQL store): leases for
 * background work, deferred deletion of blob files, and the change feed that keeps per-node caches
 * true. The defaults are a single node's answers (the SQLite store): it always holds every lease,
 * never defers a deletion and never reports a change.
 */
public interface NodeCoordination {

  /**
   * Takes the named lease for {@code holder}, or renews it when {@code holder} has it, until {@code
   * ttl} from now by the database's clock. Answers false while another holder's lease is live.
   * Background work (lifecycle sweeps, event delivery, clean-up) runs only while its lease is held,
   * so it runs on one node at a time and moves to another when that one stops renewing.
   */
  default boolean holdLease(String name, String holder, Duration ttl) {
    return true;
  }

  /** Gives the lease up when {@code holder} has it, so that another node can take it at once. */
  default void releaseLease(String name, String holder) {}

  /**
   * Blob files released (by an overwrite, a delete, an abort...) before {@code before}, whose
   * deletion the store deferred so that a reader on another node is never cut off; oldest first.
   * The SQLite store releases blobs to its caller instead (the {@code releasedBlobs} of a write's
   * result) and has none.
   */
  default List<ReleasedBlob> releasedBlobs(Instant before, int limit) {
    return List.of();
  }

  /** Forgets released blobs once their files are deleted. */
  default void forgetReleasedBlobs(List<ReleasedBlob> blobs) {}

  /**
   * Tells {@code listener} of every change that per-node caches must forget, made through any node
   * (the PostgreSQL store: within a second, and {@link StoreChange#ALL} after the feed was
   * interrupted). The SQLite store has no other node and never calls it: its services forget what
   * they change themselves.
   */
  default void setChangeListener(@Nullable Consumer<StoreChange> listener) {}

  /**
   * The buckets this node's live listeners listen to now. A store shared by several nodes sends
   * those buckets' events to every node's event listener, and spares the writes to other buckets
   * (without rules) the cost of an event; until this is first called, this node's event listener
   * hears of every bucket's writes made through this node. The SQLite store, the only node, has no
   * use for it.
   */
  default void setListenedBuckets(Set<String> buckets) {}
}
