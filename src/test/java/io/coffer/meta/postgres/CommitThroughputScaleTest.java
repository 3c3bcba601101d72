package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a timed test (tagged {@code scale}, run by hand): does PostgreSQL's own group
 * commit make concurrent small writes cheap enough that Coffer need not batch them itself?
 *
 * <p>Small write: createCredential (an insert, a counter stripe, one COMMIT with its WAL flush).
 * Three ways: one writer committing each write; {@link Db#POOL_SIZE} writers at once, each
 * committing its own (the server flushes the WAL once for all commits waiting at that moment); and
 * the best any batching in Coffer could do, one writer putting {@link #BATCH} writes in each
 * transaction. Results are in docs/scale-out.md, "The database".
 *
 * <p>Run: {@code ./mvnw -B -o test -Dtest=CommitThroughputScaleTest -Dsurefire.excludedGroups=
 * -Djacoco.skip=true}
 */
@Tag("scale")
class CommitThroughputScaleTest {
  private static final int WRITES = 3_000;
  private static final int BATCH = 50;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void concurrentCommitsAgainstOneWriterAndBatches() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        Db db = Db.connect(PostgresUrl.parse(database.url(), null), "measure")) {
      Schema.migrate(db);
      AtomicInteger next = new AtomicInteger();
      write(db, next, 200, 1); // warm-up: connections, plans, JIT

      double single = writesPerSecond(db, next, 1, 1);
      double concurrent = writesPerSecond(db, next, Db.POOL_SIZE, 1);
      double batched = writesPerSecond(db, next, 1, BATCH);

      // The same 16 writers without waiting for WAL flushes at all: the most batching could save.
      try (java.sql.Connection admin = database.connect();
          java.sql.Statement st = admin.createStatement()) {
        st.execute("ALTER DATABASE " + admin.getCatalog() + " SET synchronous_commit = off");
      }
      double unflushed;
      try (Db noFlush = Db.connect(PostgresUrl.parse(database.url(), null), "measure-async")) {
        unflushed = writesPerSecond(noFlush, next, Db.POOL_SIZE, 1);
      }
      System.out.printf(
          "without WAL flush waits (synchronous_commit=off): %d writers %.0f/s%n",
          Db.POOL_SIZE, unflushed);
      System.out.printf(
          "commit throughput (createCredential): one writer %.0f/s, %d writers %.0f/s (%.1fx),"
              + " one writer batching %d per transaction %.0f/s (%.1fx)%n",
          single, Db.POOL_SIZE, concurrent, concurrent / single, BATCH, batched, batched / single);
      long stored =
          db.read(tx -> Results.one(tx.ps("SELECT count(*) FROM credentials"), rs -> rs.getLong(1)))
              .orElseThrow();
      assertThat(stored).isEqualTo(next.get());
      Long counted = db.read(tx -> CounterSql.total(tx, CounterSql.Counter.CREDENTIALS));
      assertThat(counted).isEqualTo(stored);
    }
  }

  private static double writesPerSecond(Db db, AtomicInteger next, int writers, int perTx)
      throws Exception {
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(
            pool.submit(
                () -> {
                  write(db, next, WRITES / writers, perTx);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    return WRITES / ((System.nanoTime() - started) / 1e9);
  }

  private static void write(Db db, AtomicInteger next, int writes, int perTx) {
    for (int i = 0; i < writes; i += perTx) {
      int n = Math.min(perTx, writes - i);
      db.writeVoid(
          tx -> {
            for (int j = 0; j < n; j++) {
              String key = "AK" + next.incrementAndGet();
              CredentialSql.create(
                  tx,
                  new io.coffer.model.NewCredential(
                      key, "secret", "user", null, null, null, List.of(), List.of()),
                  T0);
            }
          });
    }
  }
}
