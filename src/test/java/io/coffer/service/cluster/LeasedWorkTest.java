package io.coffer.service.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.postgres.PostgresMetadataStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Background work runs on the node holding its lease, and moves when that node stops. */
class LeasedWorkTest {
  private static final Duration TTL = Duration.ofMillis(900);

  /** Counts starts and stops, and whether it is running now. */
  private static final class Probe implements LeasedWork.Work {
    final AtomicInteger starts = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();

    @Override
    public void start() {
      starts.incrementAndGet();
    }

    @Override
    public void stop() {
      stops.incrementAndGet();
    }

    boolean running() {
      return starts.get() > stops.get();
    }
  }

  private static void within(Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("waited " + limit).isNegative();
      Thread.sleep(20);
    }
  }

  @Test
  void theWorkRunsOnOneNodeAndMovesWhenItsNodeCloses() throws InterruptedException {
    try (PostgresDatabase database = PostgresDatabase.create();
        PostgresMetadataStore storeA = PostgresMetadataStore.open(database.url(), null, "a");
        PostgresMetadataStore storeB = PostgresMetadataStore.open(database.url(), null, "b")) {
      Probe workA = new Probe();
      Probe workB = new Probe();
      LeasedWork a = new LeasedWork(storeA, "lifecycle", "a", TTL, workA);
      LeasedWork b = new LeasedWork(storeB, "lifecycle", "b", TTL, workB);
      a.start();
      b.start();
      try {
        assertThat(workA.running()).isTrue(); // started on the calling thread
        assertThat(a.held()).isTrue();
        // renewals keep it on A, well past the time to live
        Thread.sleep(2 * TTL.toMillis());
        assertThat(workA.starts.get()).isEqualTo(1);
        assertThat(workB.running()).isFalse();
        assertThat(b.held()).isFalse();

        a.close(); // releases the lease: B takes it at its next try (a third of the TTL)
        assertThat(workA.running()).isFalse();
        within(Duration.ofSeconds(2), workB::running);
        assertThat(b.held()).isTrue();
      } finally {
        a.close();
        b.close();
      }
      assertThat(workB.running()).isFalse();
    }
  }

  @Test
  void aNodeThatLosesItsLeaseStopsItsWorkAndTheOtherTakesOverAfterExpiry() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.create();
        PostgresMetadataStore storeA = PostgresMetadataStore.open(database.url(), null, "a");
        PostgresMetadataStore storeB = PostgresMetadataStore.open(database.url(), null, "b")) {
      Probe workA = new Probe();
      Probe workB = new Probe();
      try (LeasedWork a = new LeasedWork(storeA, "delivery", "a", TTL, workA);
          LeasedWork b = new LeasedWork(storeB, "delivery", "b", TTL, workB)) {
        a.start();
        b.start();
        // Another holder takes the lease over behind A's back (as after a long pause of A's that
        // let it expire): A's next renewal is refused and A stops.
        try (Connection c = database.connect();
            Statement s = c.createStatement()) {
          s.executeUpdate(
              "UPDATE leases SET holder = 'x', expires_at = expires_at + 60000"
                  + " WHERE name = 'delivery'");
        }
        within(Duration.ofSeconds(2), () -> !workA.running());
        assertThat(a.held()).isFalse();
        assertThat(workB.running()).isFalse();
        // once the stranger's lease expires, one of the two takes it again
        try (Connection c = database.connect();
            Statement s = c.createStatement()) {
          s.executeUpdate("UPDATE leases SET expires_at = 0 WHERE name = 'delivery'");
        }
        within(Duration.ofSeconds(2), () -> workA.running() || workB.running());
        assertThat(workA.running() && workB.running()).isFalse();
      }
    }
  }
}
