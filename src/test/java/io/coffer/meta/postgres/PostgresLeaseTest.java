package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases between two nodes (two stores on one database), expiry by the database's clock. */
class PostgresLeaseTest {
  private static final Duration LONG = Duration.ofMinutes(5);
  private PostgresDatabase database;
  private PostgresMetadataStore nodeA;
  private PostgresMetadataStore nodeB;

  @BeforeEach
  void open() {
    database = PostgresDatabase.create();
    nodeA = PostgresMetadataStore.open(database.url(), null, "node-a");
    nodeB = PostgresMetadataStore.open(database.url(), null, "node-b");
  }

  @AfterEach
  void close() {
    nodeA.close();
    nodeB.close();
    database.close();
  }

  @Test
  void aLiveLeaseIsHeldByOneNodeAndRenewedByItsHolder() {
    assertThat(nodeA.holdLease("lifecycle", "node-a", LONG)).isTrue();
    assertThat(nodeB.holdLease("lifecycle", "node-b", LONG)).isFalse();
    assertThat(nodeA.holdLease("lifecycle", "node-a", LONG)).isTrue(); // renewal
    assertThat(nodeB.holdLease("lifecycle", "node-b", LONG)).isFalse();
    // leases are independent of each other
    assertThat(nodeB.holdLease("blob-clean-up", "node-b", LONG)).isTrue();
  }

  @Test
  void anExpiredLeaseMovesToTheNextNodeThatAsks() throws InterruptedException {
    assertThat(nodeA.holdLease("lifecycle", "node-a", Duration.ofMillis(300))).isTrue();
    assertThat(nodeB.holdLease("lifecycle", "node-b", LONG)).isFalse();
    Thread.sleep(500);
    assertThat(nodeB.holdLease("lifecycle", "node-b", LONG)).isTrue();
    assertThat(nodeA.holdLease("lifecycle", "node-a", LONG)).isFalse(); // the old holder lost it
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderReleasesIt() {
    assertThat(nodeA.holdLease("lifecycle", "node-a", LONG)).isTrue();
    nodeB.releaseLease("lifecycle", "node-b"); // not the holder: no effect
    assertThat(nodeB.holdLease("lifecycle", "node-b", LONG)).isFalse();
    nodeA.releaseLease("lifecycle", "node-a");
    assertThat(nodeB.holdLease("lifecycle", "node-b", LONG)).isTrue();
  }

  @Test
  void sixteenNodesRacingForAFreeLeaseGiveItToExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String holder = "node-" + i;
        PostgresMetadataStore via = i % 2 == 0 ? nodeA : nodeB;
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return via.holdLease("delivery", holder, LONG);
                }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Boolean> answer : answers) {
        winners += answer.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
