package io.coffer.meta.postgres;

import io.coffer.model.StoreChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who in this process hears of changes, made through this node (after their commit) or another
 * (through the {@link ChangeFeed}): the store's own caches ({@link #subscribe}, the bucket
 * references, say), then the store's change listener (the services' caches outside meta).
 */
final class ChangeListeners {
  private static final Logger log = LoggerFactory.getLogger(ChangeListeners.class);

  private final List<Consumer<StoreChange>> internal = new CopyOnWriteArrayList<>();
  private volatile @Nullable Consumer<StoreChange> listener;

  /**
   * One of the store's own caches: it hears of every change, first (it lives as long as the store).
   */
  void subscribe(Consumer<StoreChange> cache) {
    internal.add(cache);
  }

  /** See MetadataStore#setChangeListener. */
  void setListener(@Nullable Consumer<StoreChange> newListener) {
    this.listener = newListener;
  }

  void tell(StoreChange change) {
    for (Consumer<StoreChange> c : internal) {
      tellOne(c, change);
    }
    Consumer<StoreChange> l = listener;
    if (l != null) {
      tellOne(l, change);
    }
  }

  private static void tellOne(Consumer<StoreChange> c, StoreChange change) {
    try {
      c.accept(change);
    } catch (RuntimeException e) {
      // a cache that failed to forget must not stop the others, nor the feed
      log.warn("a change listener failed on {}", change, e);
    }
  }
}
