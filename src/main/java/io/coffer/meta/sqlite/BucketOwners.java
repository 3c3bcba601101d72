package io.coffer.meta.sqlite;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bucket owners held in memory. Every S3 request checks who owns its bucket, buckets change
 * rarely, and every change goes through this process's store, which tells the cache after each
 * commit. Absent buckets are remembered too; past {@value #MAX_ENTRIES} entries (names made up by
 * a client, say) the cache starts over.
 */
final class BucketOwners {
  static final int MAX_ENTRIES = 10_000;
  private static final long ABSENT = -1;

  private final ConcurrentHashMap<String, Long> owners = new ConcurrentHashMap<>();
  private long generation; // guarded by this

  /** The owner of {@code bucket}, or empty when it does not exist; {@code load} reads the store. */
  OptionalLong get(String bucket, Function<String, OptionalLong> load) {
    Long cached = owners.get(bucket);
    if (cached != null) {
      return cached == ABSENT ? OptionalLong.empty() : OptionalLong.of(cached);
    }
    long seen;
    synchronized (this) {
      seen = generation;
    }
    OptionalLong loaded = load.apply(bucket);
    synchronized (this) {
      // a change committed while this lookup ran may have been read or not: keep neither
      if (seen == generation) {
        if (owners.size() >= MAX_ENTRIES) {
          owners.clear();
        }
        owners.put(bucket, loaded.orElse(ABSENT));
      }
    }
    return loaded;
  }

  int size() {
    return owners.size();
  }

  /** Called after a commit that created or deleted {@code bucket}. */
  synchronized void changed(String bucket) {
    generation++;
    owners.remove(bucket);
  }
}
