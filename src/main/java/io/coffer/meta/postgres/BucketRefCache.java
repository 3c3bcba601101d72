package io.coffer.meta.postgres;

import io.coffer.model.BucketRef;
import io.coffer.model.StoreChange;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * This node's copy of bucket references (ID, owner, versioning, access settings, features): every
 * S3 request needs its bucket's, and buckets change rarely. A change through any node reaches this
 * cache through the change feed ({@link ChangeListeners}) and drops the bucket's entry, or all of
 * them after the feed was interrupted. Absent buckets are not remembered: a bucket created on
 * another node must be found here at once, not once its notification arrives.
 */
final class BucketRefCache {
  static final int MAX_ENTRIES = 10_000;

  private final ConcurrentHashMap<String, BucketRef> refs = new ConcurrentHashMap<>();
  private long generation; // guarded by this

  BucketRefCache(ChangeListeners changes) {
    changes.subscribe(this::changed);
  }

  /** The bucket's reference; {@code load} reads the database. */
  Optional<BucketRef> get(String bucket, Supplier<Optional<BucketRef>> load) {
    BucketRef cached = refs.get(bucket);
    if (cached != null) {
      return Optional.of(cached);
    }
    long seen;
    synchronized (this) {
      seen = generation;
    }
    Optional<BucketRef> loaded = load.get();
    synchronized (this) {
      // a change heard while this lookup ran may have been read or not: keep neither
      if (seen == generation && loaded.isPresent()) {
        if (refs.size() >= MAX_ENTRIES) {
          refs.clear();
        }
        refs.put(bucket, loaded.get());
      }
    }
    return loaded;
  }

  private synchronized void changed(StoreChange change) {
    switch (change.kind()) {
      case BUCKET -> {
        generation++;
        refs.remove(change.name());
      }
      case ALL -> {
        generation++;
        refs.clear();
      }
      case CREDENTIAL, IDENTITY, KMS_KEY -> {}
    }
  }
}
