package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.meta.rows.Keys;
import io.coffer.model.Credential;
import io.coffer.model.ObjectMeta;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store answers repeated reads of an object from memory ({@link ObjectReadCache}), and never
 * with anything older than the last acknowledged write.
 */
class ObjectReadCacheTest {
  @TempDir Path dir;

  @Test
  void aRepeatedReadRunsNoStatement() {
    try (SqliteMetadataStore store = storeWithBucket()) {
      Fixtures.put(store, inline("b", "k", "s", new byte[] {1}, "e1"), WritePrecondition.NONE);
      assertThat(store.findObject("b", "k")).isPresent();
      assertThat(store.findObject("b", "absent")).isEmpty();
      long statements = store.statementCount();

      for (int i = 0; i < 10; i++) {
        assertThat(store.findObject("b", "k").orElseThrow().etag()).isEqualTo("e1");
        assertThat(store.findObject("b", "absent")).isEmpty();
      }

      assertThat(store.statementCount()).isEqualTo(statements);
    }
  }

  @Test
  void everyWriteRetiresWhatWasRead() {
    try (SqliteMetadataStore store = storeWithBucket()) {
      Fixtures.put(store, inline("b", "k", "s1", new byte[] {1}, "e1"), WritePrecondition.NONE);
      assertThat(store.findObject("b", "k").orElseThrow().etag()).isEqualTo("e1");
      assertThat(store.findObject("b", "new")).isEmpty();

      Fixtures.put(store, inline("b", "k", "s2", new byte[] {2}, "e2"), WritePrecondition.NONE);
      Fixtures.put(store, inline("b", "new", "s3", new byte[] {3}, "e3"), WritePrecondition.NONE);
      assertThat(store.findObject("b", "k").orElseThrow().etag()).isEqualTo("e2");
      assertThat(Fixtures.inlineBytes(store.findObject("b", "k").orElseThrow())).containsExactly(2);
      assertThat(store.findObject("b", "new").orElseThrow().etag()).isEqualTo("e3");

      store.setObjectTags("b", "new", null, Map.of("colour", "red"), null);
      assertThat(store.findObject("b", "new").orElseThrow().tags()).containsEntry("colour", "red");

      Fixtures.delete(store, "b", "k", WritePrecondition.NONE);
      assertThat(store.findObject("b", "k")).isEmpty();
    }
  }

  @Test
  void aWriteToAnotherKeyKeepsWhatWasRead() {
    try (SqliteMetadataStore store = storeWithBucket()) {
      Fixtures.put(store, inline("b", "k", "s1", new byte[] {1}, "e1"), WritePrecondition.NONE);
      assertThat(store.findObject("b", "k")).isPresent();
      Fixtures.put(store, inline("b", "other", "s2", new byte[] {2}, "e2"), WritePrecondition.NONE);
      long statements = store.statementCount();

      assertThat(store.findObject("b", "k").orElseThrow().etag()).isEqualTo("e1");

      assertThat(store.statementCount()).isEqualTo(statements);
    }
  }

  /**
   * Readers race one writer that overwrites a key again and again: a read that starts after a write
   * was acknowledged must see that write or a later one, never an older entry of the cache.
   */
  @Test
  void noReadMissesAnAcknowledgedWrite() throws Exception {
    try (SqliteMetadataStore store = storeWithBucket()) {
      Fixtures.put(store, inline("b", "k", "s0", new byte[] {0}, "0"), WritePrecondition.NONE);
      AtomicInteger acknowledged = new AtomicInteger();
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong reads = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          readers.add(
              pool.submit(
                  () -> {
                    while (!done.get()) {
                      int floor = acknowledged.get();
                      int seen = Integer.parseInt(store.findObject("b", "k").orElseThrow().etag());
                      assertThat(seen).isGreaterThanOrEqualTo(floor);
                      reads.incrementAndGet();
                    }
                    return null;
                  }));
        }
        for (int i = 1; i <= 300; i++) {
          Fixtures.put(
              store, inline("b", "k", "s" + i, new byte[] {1}, "" + i), WritePrecondition.NONE);
          acknowledged.set(i);
        }
        done.set(true);
        for (Future<?> reader : readers) {
          reader.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(reads.get()).isGreaterThan(300);
      assertThat(store.findObject("b", "k").orElseThrow().etag()).isEqualTo("300");
    }
  }

  @Test
  void holdsNoMoreThanItsBound() {
    ObjectReadCache cache = new ObjectReadCache(new ObjectChanges(), 100 * 1024);
    byte[] body = new byte[4096];
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 200; i++) {
        find(cache, "k" + i, Optional.of(inline("b", "k" + i, "s", body, "e")));
      }
    }
    // about 5 KiB an entry: some 20 of the 200 fit in 100 KiB, so nearly every second read misses
    assertThat(reads.get()).isGreaterThan(360);
  }

  @Test
  void aPublishedChangeRetiresOnlyItsKey() {
    ObjectChanges changes = new ObjectChanges();
    ObjectReadCache cache = new ObjectReadCache(changes, 1024 * 1024);
    find(cache, "k1", Optional.empty());
    find(cache, "k2", Optional.empty());
    find(cache, "k1", Optional.empty());
    assertThat(reads.get()).isEqualTo(2);

    changes.changed("b", Keys.utf8("k1"));
    find(cache, "k1", Optional.empty()); // written but not yet published: the old answer holds
    assertThat(reads.get()).isEqualTo(2);
    changes.groupEnded(true);

    find(cache, "k1", Optional.empty());
    find(cache, "k2", Optional.empty());
    assertThat(reads.get()).isEqualTo(3);
  }

  @Test
  void anUnsureOrHugeGroupRetiresEverything() {
    ObjectChanges changes = new ObjectChanges();
    ObjectReadCache cache = new ObjectReadCache(changes, 1024 * 1024);
    find(cache, "k1", Optional.empty());
    changes.groupEnded(false);
    find(cache, "k1", Optional.empty());
    assertThat(reads.get()).isEqualTo(2);

    for (int i = 0; i <= ObjectChanges.MAX_KEYS_PER_GROUP; i++) {
      changes.changed("b", Keys.utf8("other" + i));
    }
    changes.groupEnded(true);
    find(cache, "k1", Optional.empty());
    assertThat(reads.get()).isEqualTo(3);
  }

  private final AtomicInteger reads = new AtomicInteger();

  private void find(ObjectReadCache cache, String key, Optional<ObjectMeta> stored) {
    assertThat(
            cache.find(
                "b",
                key,
                Keys.utf8(key),
                () -> {
                  reads.incrementAndGet();
                  return stored;
                }))
        .isEqualTo(stored);
  }

  private SqliteMetadataStore storeWithBucket() {
    SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("m.db"), false);
    Credential alice = store.createCredential("AK", "SK", "alice", T0);
    store.createBucket("b", alice.id(), "r", T0, false);
    return store;
  }
}
