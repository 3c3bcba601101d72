package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.postgres.CounterSql.Counter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CounterSqlTest {
  private PostgresDatabase database;
  private Db db;

  @BeforeEach
  void open() {
    database = PostgresDatabase.create();
    db = Db.connect(PostgresUrl.parse(database.url(), null), "test");
    Schema.migrate(db);
  }

  @AfterEach
  void close() {
    db.close();
    database.close();
  }

  private long[] totals(String bucketId) {
    return db.read(tx -> CounterSql.bucketTotals(tx, bucketId));
  }

  private long total(Counter counter) {
    Long total = db.read(tx -> CounterSql.total(tx, counter));
    return total;
  }

  @Test
  void concurrentWritersFromTwoPoolsCountExactly() throws Exception {
    Db other = Db.connect(PostgresUrl.parse(database.url(), null), "other"); // a second node
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        Db node = t % 2 == 0 ? db : other;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    node.writeVoid(
                        tx -> {
                          CounterSql.object(tx, "bucket-a", 1, 10);
                          CounterSql.object(tx, "bucket-b", 2, 5);
                          CounterSql.add(tx, Counter.UPLOADS, 1);
                        });
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      other.close();
    }
    assertThat(totals("bucket-a")).containsExactly(800, 8000);
    assertThat(totals("bucket-b")).containsExactly(1600, 4000);
    var stats = db.readSnapshot(tx -> StatsSql.stats(tx, Instant.now()));
    assertThat(stats.objects()).isEqualTo(2400);
    assertThat(stats.totalStorage()).isEqualTo(12000);
    assertThat(stats.activeMultipartUploads()).isEqualTo(800);
    // striped: the writers did not all add to one row
    long stripes =
        db.read(
            tx ->
                Results.one(
                        tx.ps("SELECT count(*) FROM bucket_counters WHERE bucket_id = 'bucket-a'"),
                        rs -> rs.getLong(1))
                    .orElseThrow());
    assertThat(stripes).isGreaterThan(1);
  }

  @Test
  void theSubqueriesForABucketSumItsStripes() {
    db.writeVoid(tx -> CounterSql.object(tx, "b1", 3, 300));
    db.writeVoid(tx -> CounterSql.object(tx, "b1", -1, -100));
    long[] read =
        db.read(
            tx -> {
              var ps =
                  tx.ps(
                      "SELECT "
                          + CounterSql.objectsOf("?")
                          + ", "
                          + CounterSql.bytesOf("?")
                          + ", "
                          + CounterSql.objectsOf("'none'"));
              ps.setString(1, "b1");
              ps.setString(2, "b1");
              return Results.one(ps, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                  .orElseThrow();
            });
    assertThat(read).containsExactly(2, 200, 0);
  }

  @Test
  void aTransactionSeesItsOwnPendingChangesAndARollbackCountsNothing() {
    long[] seen =
        db.write(
            tx -> {
              CounterSql.object(tx, "b1", 1, 7);
              return CounterSql.bucketTotals(tx, "b1");
            });
    assertThat(seen).containsExactly(1, 7);
    assertThatThrownBy(
            () ->
                db.writeVoid(
                    tx -> {
                      CounterSql.object(tx, "b1", 5, 5);
                      CounterSql.add(tx, Counter.CREDENTIALS, 1);
                      throw new IllegalStateException("rolled back");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(totals("b1")).containsExactly(1, 7);
    assertThat(total(Counter.CREDENTIALS)).isZero();
  }

  @Test
  void forgettingABucketDropsItsRowsAndPendingChanges() {
    db.writeVoid(tx -> CounterSql.object(tx, "gone", 4, 40));
    db.writeVoid(
        tx -> {
          CounterSql.object(tx, "gone", 1, 1);
          CounterSql.forgetBucket(tx, "gone");
        });
    assertThat(totals("gone")).containsExactly(0, 0);
    // the global counters keep what the objects added; removing the objects takes it back
    assertThat(total(Counter.OBJECTS)).isEqualTo(5);
  }
}
