package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import io.coffer.model.StoreChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials, policies, groups and KMS keys written through two store instances on one database
 * (two nodes): racing creates have exactly one winner and the losers get the S3/management error,
 * not a 500; a policy is never deleted while an attachment made on the other node refers to it;
 * each change reaches the other node's change listener.
 */
class CoreAcrossNodesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int RACERS = 16;
  private PostgresDatabase database;
  private PostgresMetadataStore node1;
  private PostgresMetadataStore node2;

  @BeforeEach
  void open() {
    database = PostgresDatabase.create();
    node1 = PostgresMetadataStore.open(database.url(), null, "node-1");
    node2 = PostgresMetadataStore.open(database.url(), null, "node-2");
  }

  @AfterEach
  void close() {
    node1.close();
    node2.close();
    database.close();
  }

  @Test
  void racingCreatesOfOneNameHaveExactlyOneWinner() throws Exception {
    assertOneWinner(
        i -> node(i).createCredential("AKRACE", "secret-" + i, "u", T0),
        ErrorCode.CREDENTIAL_ALREADY_EXISTS);
    assertOneWinner(
        i -> node(i).createPolicy("race", "{\"Version\":\"2012-10-17\"}", T0),
        ErrorCode.POLICY_ALREADY_EXISTS);
    assertOneWinner(
        i -> node(i).createGroup("race", List.of(), List.of(), T0), ErrorCode.GROUP_ALREADY_EXISTS);
    assertOneWinner(
        i -> {
          node(i).createKmsKey(new KmsKey("race", "m", new byte[] {(byte) i}, true, T0));
          return "created";
        },
        ErrorCode.KMS_KEY_EXISTS);
    assertThat(node1.stats(T0).credentials()).isEqualTo(1);
  }

  @Test
  void aPolicyIsNeverDeletedWhileTheOtherNodeAttachesIt() throws Exception {
    for (int round = 0; round < 10; round++) {
      String policy = "p" + round;
      node1.createPolicy(policy, "{}", T0);
      long id = node1.createCredential("AK" + round, "s", "u", T0).id();
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        Future<?> attach =
            pool.submit(() -> attempt(() -> node2.attachPolicies(id, List.of(policy))));
        Future<?> delete = pool.submit(() -> attempt(() -> node1.deletePolicy(policy)));
        attach.get();
        delete.get();
      }
      boolean exists = node1.findPolicy(policy).isPresent();
      boolean attached = node1.policiesAttachedTo(id).contains(policy);
      assertThat(attached)
          .as("round %d: attached implies the policy exists", round)
          .isEqualTo(exists);
    }
  }

  @Test
  void eachChangeReachesTheOtherNodesListener() throws Exception {
    BlockingQueue<StoreChange> heard = new LinkedBlockingQueue<>();
    node2.setChangeListener(heard::add);
    long id = node1.createCredential("AKSEEN", "s", "u", T0).id();
    assertHeard(heard, new StoreChange(StoreChange.Kind.CREDENTIAL, "AKSEEN"));
    node1.updateCredential(id, null, false);
    assertHeard(heard, new StoreChange(StoreChange.Kind.CREDENTIAL, "AKSEEN"));
    node1.createPolicy("p", "{}", T0);
    node1.attachPolicies(id, List.of("p"));
    assertHeard(heard, new StoreChange(StoreChange.Kind.IDENTITY, ""));
    node1.createKmsKey(new KmsKey("k", "m", new byte[] {1}, true, T0));
    node1.setKmsKeyEnabled("k", false);
    assertHeard(heard, new StoreChange(StoreChange.Kind.KMS_KEY, "k"));
  }

  private PostgresMetadataStore node(int i) {
    return i % 2 == 0 ? node1 : node2;
  }

  private static void assertHeard(BlockingQueue<StoreChange> heard, StoreChange expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < deadline) {
      StoreChange change = heard.poll(100, TimeUnit.MILLISECONDS);
      if (expected.equals(change)) {
        return;
      }
    }
    throw new AssertionError("the other node did not hear " + expected + " within 2 s");
  }

  private static Object attempt(Runnable r) {
    try {
      r.run();
      return "ok";
    } catch (CofferException e) {
      return e.code();
    }
  }

  private static void assertOneWinner(IntFunction<Object> create, ErrorCode loserCode)
      throws Exception {
    List<Object> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(RACERS)) {
      List<Future<Object>> done = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        int n = i;
        done.add(
            pool.submit(
                () -> {
                  try {
                    create.apply(n);
                    return "won";
                  } catch (CofferException e) {
                    return e.code();
                  }
                }));
      }
      for (Future<Object> f : done) {
        outcomes.add(f.get());
      }
    }
    assertThat(outcomes).containsOnly("won", loserCode);
    assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
  }
}
