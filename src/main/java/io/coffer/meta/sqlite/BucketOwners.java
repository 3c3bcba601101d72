package io.coffer.meta.sqlite;

import io.coffer.model.BucketRef;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bucket IDs and owners held in memory. Every S3 request checks who owns its bucket and needs the
 * bucket's ID to find its blobs; buckets change rarely, and every change goes through this
 * process's store, which tells the cache after each commit. Absent buckets are remembered too; past
 * {@value #MAX_ENTRIES} entries (names made up by a client, say) the cache starts over.
 */
final class BucketOwners {
  static final int MAX_ENTRIES = 10_000;
  private static final Optional<BucketRef> ABSENT = Optional.empty();

  private final ConcurrentHashMap<String, Optional<BucketRef>> refs = new ConcurrentHashMap<>();
  private long generation; // guarded by this

  /** The bucket's ID and owner, or empty when it does not exist; {@code load} reads the store. */
  Optional<BucketRef> get(String bucket, Function<String, Optional<BucketRef>> load) {
    Optional<BucketRef> cached = refs.get(bucket);
    if (cached != null) {
      return cached;
    }
    long seen;
    synchronized (this) {
      seen = generation;
    }
    Optional<BucketRef> loaded = load.apply(bucket);
    synchronized (this) {
      // a change committed while this lookup ran may have been read or not: keep neither
      if (seen == generation) {
        if (refs.size() >= MAX_ENTRIES) {
          refs.clear();
        }
        refs.put(bucket, loaded.isPresent() ? loaded : ABSENT);
      }
    }
    return loaded;
  }

  int size() {
    return refs.size();
  }

  /** Called after a commit that created or deleted {@code bucket}. */
  synchronized void changed(String bucket) {
    generation++;
    refs.remove(bucket);
  }
}
