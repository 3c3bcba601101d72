package io.coffer.meta.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Storage;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current version of recently read objects (or that there is none), so that a hot object's GET
 * runs no SQLite statement: the point read was a quarter of a small GET's CPU.
 *
 * <p>Never stale: one process owns a SQLite store and all its writes go through the writer thread,
 * whose connection reports every changed row of {@code objects} ({@link ObjectChanges}). An entry
 * remembers the generation its read started under and is answered only while no write to its key
 * has been published since, so no read misses an acknowledged write.
 */
final class ObjectReadCache {
  /** About what an entry holds besides its inline body: the key, the metadata's maps and dates. */
  private static final int ENTRY_OVERHEAD = 1024;

  private record Key(String bucket, String key) {}

  private record Entry(long generation, Optional<ObjectMeta> meta) {}

  private final ObjectChanges changes;
  private final Cache<Key, Entry> entries;

  /**
   * @param changes what the writer changed
   * @param maxBytes the bound on what entries hold, inline bodies included
   */
  ObjectReadCache(ObjectChanges changes, long maxBytes) {
    this.changes = changes;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key k, Entry e) -> weight(k, e))
            .executor(Runnable::run) // upkeep on the callers' threads: no pool of its own
            .build();
  }

  /**
   * The cached answer for the object, or {@code read}'s, remembered under the generation current
   * before it ran.
   *
   * @param keyBytes the key's UTF-8 bytes, as the store keeps it
   */
  Optional<ObjectMeta> find(
      String bucket, String key, byte[] keyBytes, Supplier<Optional<ObjectMeta>> read) {
    Key k = new Key(bucket, key);
    Entry cached = entries.getIfPresent(k);
    if (cached != null && changes.unchangedSince(cached.generation(), bucket, keyBytes)) {
      return cached.meta();
    }
    long generation = changes.current(); // before the read: a write after it retires the entry
    Optional<ObjectMeta> meta = read.get();
    entries.put(k, new Entry(generation, meta));
    return meta;
  }

  private static int weight(Key k, Entry e) {
    long inline =
        e.meta().isPresent() && e.meta().get().storage() instanceof Storage.Inline body
            ? body.bytes().length
            : 0;
    return (int) Math.min(Integer.MAX_VALUE, ENTRY_OVERHEAD + 2L * k.key().length() + inline);
  }
}
