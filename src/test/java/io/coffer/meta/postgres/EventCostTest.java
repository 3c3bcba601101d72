package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.Fixtures;
import io.coffer.model.Bucket;
import io.coffer.model.EventDraft;
import io.coffer.model.EventName;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import io.coffer.model.WritePrecondition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an event costs a write (docs/scale-out.md, "Between nodes"): puts from 8 threads into a
 * bucket nobody hears, one a live listener on another node hears (an event and a pg_notify per
 * write), and one with a rule (the event queued as well). A measurement, not a timed test: it
 * prints the figures and asserts only that every write was counted.
 */
@Tag("scale")
class EventCostTest {
  static final int THREADS = 8;
  static final int WRITES = 4000;
  static final EventDraft PUT =
      new EventDraft(EventName.OBJECT_CREATED_PUT, "req-1", "AKIDEXAMPLE", "10.0.0.7");

  @Test
  void measureWhatAnEventCostsAWrite() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create()) {
      PostgresMetadataStore node1 = PostgresMetadataStore.open(database.url(), null, "n1");
      PostgresMetadataStore node2 = PostgresMetadataStore.open(database.url(), null, "n2");
      AtomicInteger heard = new AtomicInteger();
      node2.setEventListener(e -> heard.incrementAndGet());
      node1.setListenedBuckets(Set.of());
      long owner = node1.createCredential("AK", "SK", "u", Instant.EPOCH).id();
      Bucket quiet = node1.createBucket("quiet", owner, "r", Instant.EPOCH, false);
      Bucket listened = node1.createBucket("listened", owner, "r", Instant.EPOCH, false);
      Bucket ruled = node1.createBucket("ruled", owner, "r", Instant.EPOCH, false);
      node1.createNotificationTarget(
          new NotificationTarget("t", TargetType.WEBHOOK, "{}", Instant.EPOCH));
      node1.setBucketNotification(
          "ruled",
          ruled.id(),
          new NotificationConfiguration(
              List.of(
                  new NotificationRule(
                      "r",
                      NotificationRule.Kind.QUEUE,
                      NotificationTarget.arn("t", TargetType.WEBHOOK),
                      "t",
                      List.of("s3:ObjectCreated:*"),
                      "",
                      ""))),
          null);
      node2.setListenedBuckets(Set.of("listened"));
      Thread.sleep(300);
      run(node1, quiet, "warm-up");
      for (int round = 0; round < 2; round++) {
        report("no rules, nobody listens", run(node1, quiet, "r" + round));
        report("a live listener on node 2", run(node1, listened, "r" + round));
        report("a rule (queued)          ", run(node1, ruled, "r" + round));
      }
      Thread.sleep(500);
      assertThat(heard.get()).isEqualTo(2 * 2 * WRITES);
      try (Connection c = database.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM event_outbox")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2L * WRITES);
      }
      node2.close();
      node1.close();
    }
  }

  static void report(String what, long nanos) {
    System.out.printf(
        "event cost: %s: %d writes in %d ms, %.0f writes/s, %.0f µs per write per thread%n",
        what, WRITES, nanos / 1_000_000, WRITES * 1e9 / nanos, nanos / 1e3 * THREADS / WRITES);
  }

  static long run(PostgresMetadataStore store, Bucket bucket, String prefix) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < WRITES; i += THREADS) {
                    String key = prefix + "/" + i;
                    store.putObject(
                        bucket.id(),
                        Fixtures.object(bucket.name(), key, "s-" + prefix + i, 5, "\"e\""),
                        WritePrecondition.NONE,
                        PUT);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return System.nanoTime() - start;
    } finally {
      pool.shutdown();
    }
  }
}
