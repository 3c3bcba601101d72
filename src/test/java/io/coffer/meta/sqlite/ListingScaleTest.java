package io.coffer.meta.sqlite;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.Fixtures;
import io.coffer.model.Credential;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delimiter listing over a folder of 100k keys costs one seek per common prefix: counted in SQL
 * statements per page, not timed (timings are only printed).
 */
class ListingScaleTest {
  static final int FOLDER = 100_000;

  @TempDir Path dir;

  @Test
  void delimiterListingSkipsLargeFolderInOneSeek() throws Exception {
    try (SqliteMetadataStore store = SqliteMetadataStore.open(dir.resolve("meta.db"), false)) {
      Credential c = store.createCredential("AK", "SK", "u", T0);
      store.createBucket("b", c.id(), "r", T0, false);
      long t0 = System.nanoTime();
      int writers = 32;
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          int first = w;
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = first; i < FOLDER; i += writers) {
                      String key = String.format("folder/%07d", i);
                      Fixtures.put(
                          store,
                          Fixtures.object("b", key, "s" + i, 1, "e"),
                          WritePrecondition.NONE);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      }
      long putMillis = (System.nanoTime() - t0) / 1_000_000;
      for (String k : List.of("a", "folder", "folder0", "zz/1", "zz/2", "zzz")) {
        Fixtures.put(store, Fixtures.object("b", k, "x-" + k, 1, "e"), WritePrecondition.NONE);
      }
      assertThat(store.stats(T0).objects()).isEqualTo(FOLDER + 6);

      // warm up the statement caches of all readers
      for (int i = 0; i < 20; i++) {
        store.listObjects(new ListQuery("b", "", "/", null, 1000));
      }
      long before = store.statementCount();
      long l0 = System.nanoTime();
      ListPage root = store.listObjects(new ListQuery("b", "", "/", null, 1000));
      long rootMicros = (System.nanoTime() - l0) / 1000;
      long statements = store.statementCount() - before;
      assertThat(root.commonPrefixes()).containsExactly("folder/", "zz/");
      assertThat(root.objects())
          .extracting(ListedObject::key)
          .containsExactly("a", "folder", "folder0", "zzz");
      assertThat(root.truncated()).isFalse();
      // one range query to start, one seek past each of the two common prefixes
      assertThat(statements).isLessThanOrEqualTo(3);

      // a page inside the folder is one range query, and so is the next page
      before = store.statementCount();
      l0 = System.nanoTime();
      ListPage inside = store.listObjects(new ListQuery("b", "folder/", "/", null, 1000));
      long insideMicros = (System.nanoTime() - l0) / 1000;
      assertThat(store.statementCount() - before).isEqualTo(1);
      assertThat(inside.objects()).hasSize(1000);
      assertThat(inside.truncated()).isTrue();
      before = store.statementCount();
      ListPage next =
          store.listObjects(new ListQuery("b", "folder/", "/", inside.lastReturned(), 1000));
      assertThat(store.statementCount() - before).isEqualTo(1);
      assertThat(next.objects().get(0).key()).isEqualTo("folder/0001000");

      // a marker inside the folder skips the rest of it in one seek
      before = store.statementCount();
      ListPage afterMarker = store.listObjects(new ListQuery("b", "", "/", "folder/0000005", 10));
      assertThat(store.statementCount() - before).isLessThanOrEqualTo(3);
      assertThat(afterMarker.objects())
          .extracting(ListedObject::key)
          .containsExactly("folder0", "zzz");
      assertThat(afterMarker.commonPrefixes()).containsExactly("zz/");

      l0 = System.nanoTime();
      int lookups = 10_000;
      for (int i = 0; i < lookups; i++) {
        assertThat(store.findObject("b", String.format("folder/%07d", (i * 7919) % FOLDER)))
            .isPresent();
      }
      long findMicros = (System.nanoTime() - l0) / 1000 / lookups;
      System.out.printf(
          "[sqlite scale] %d puts (32 writers, sync off): %d ms (%.0f/s); root delimiter page: %d"
              + " us, %d statements; 1000-key page in folder: %d us; findObject: %d us%n",
          FOLDER,
          putMillis,
          FOLDER * 1000.0 / Math.max(1, putMillis),
          rootMicros,
          statements,
          insideMicros,
          findMicros);
    }
  }
}
