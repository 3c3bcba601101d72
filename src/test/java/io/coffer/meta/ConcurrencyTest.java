package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Conditional writes racing through the group-committing writer. */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class ConcurrencyTest {
  @Parameter Stores.Kind kind;
  Stores stores;
  static final int THREADS = 16;

  @TempDir Path dir;
  MetadataStore store;

  @BeforeEach
  void open() {
    stores = Stores.create(kind, dir);
    store = stores.open(true);
    Credential c = store.createCredential("AK", "SK", "u", T0);
    store.createBucket("b", c.id(), "r", T0, false);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  /** Runs {@code THREADS} copies of a task released together; counts successes and failures. */
  private record Outcome(int successes, List<ErrorCode> failures) {}

  private interface Attempt {
    void run(int thread);
  }

  private static Outcome race(ExecutorService pool, Attempt attempt) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger ok = new AtomicInteger();
    ConcurrentLinkedQueue<ErrorCode> failed = new ConcurrentLinkedQueue<>();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  attempt.run(thread);
                  ok.incrementAndGet();
                } catch (CofferException e) {
                  failed.add(e.code());
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    return new Outcome(ok.get(), List.copyOf(failed));
  }

  @Test
  void ifNoneMatchRaceHasExactlyOneWinner() throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      for (int round = 0; round < 30; round++) {
        String key = "lock-" + round;
        Outcome o =
            race(
                pool,
                t ->
                    Fixtures.put(
                        store,
                        Fixtures.object("b", key, "s" + t, 1, "e" + t),
                        new WritePrecondition(null, true)));
        assertThat(o.successes()).isEqualTo(1);
        assertThat(o.failures()).hasSize(THREADS - 1).containsOnly(ErrorCode.PRECONDITION_FAILED);
      }
    }
    assertThat(store.stats(T0).objects()).isEqualTo(30);
  }

  @Test
  void ifMatchRaceHasExactlyOneWinnerPerVersion() throws Exception {
    Fixtures.put(store, Fixtures.object("b", "state", "s0", 1, "\"v0\""), WritePrecondition.NONE);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int round = 0; round < 30; round++) {
        String current = store.findObject("b", "state").orElseThrow().etag();
        int r = round;
        AtomicInteger winner = new AtomicInteger(-1);
        Outcome o =
            race(
                pool,
                t -> {
                  Fixtures.put(
                      store,
                      Fixtures.object(
                          "b", "state", "s" + r + "-" + t, 1, "\"v" + r + "-" + t + "\""),
                      new WritePrecondition(current, false));
                  winner.set(t);
                });
        assertThat(o.successes()).isEqualTo(1);
        assertThat(o.failures()).containsOnly(ErrorCode.PRECONDITION_FAILED);
        assertThat(store.findObject("b", "state").orElseThrow().etag())
            .isEqualTo("\"v" + r + "-" + winner.get() + "\"");
      }
    }
    assertThat(store.stats(T0).objects()).isEqualTo(1);
  }

  @Test
  void manyConcurrentWritersAndReadersFromVirtualThreads() throws Exception {
    int perThread = 200;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    String key = "t" + thread + "/k" + i;
                    Fixtures.put(
                        store, Fixtures.object("b", key, key, 10, "e"), WritePrecondition.NONE);
                    assertThat(store.findObject("b", key)).isPresent();
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
    assertThat(store.stats(T0).objects()).isEqualTo(64L * perThread);
    assertThat(store.findBucket("b").orElseThrow().totalSize()).isEqualTo(64L * perThread * 10);
  }
}
