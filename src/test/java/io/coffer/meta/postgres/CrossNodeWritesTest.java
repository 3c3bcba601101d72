package io.coffer.meta.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.PostgresDatabase;
import io.coffer.meta.MetadataStore;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.CofferException;
import io.coffer.model.CompletedUpload;
import io.coffer.model.ErrorCode;
import io.coffer.model.KeyVersion;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Storage;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two PostgreSQL stores on one database, as two Coffer nodes: conditional writes, versioned writes
 * and completions racing from 16 threads on both are decided by the database, one at a time.
 */
class CrossNodeWritesTest {
  private static final int THREADS = 16;
  private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

  private PostgresDatabase database;
  private PostgresMetadataStore node1;
  private PostgresMetadataStore node2;
  private long ownerId;

  @BeforeEach
  void open() throws Exception {
    database = PostgresDatabase.create();
    node1 = PostgresMetadataStore.open(database.url(), null, "node-1");
    node2 = PostgresMetadataStore.open(database.url(), null, "node-2");
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "INSERT INTO credentials (access_key, secret_key, user_name, created_at)"
                    + " VALUES ('AKRACE', 'secret', 'racer', 0) RETURNING id")) {
      rs.next();
      ownerId = rs.getLong(1);
    }
  }

  @AfterEach
  void close() {
    node2.close();
    node1.close();
    database.close();
  }

  private MetadataStore node(int thread) {
    return thread % 2 == 0 ? node1 : node2;
  }

  private Bucket bucket(String name, Versioning versioning) {
    Bucket b =
        node1.createBucket(
            name, ownerId, "us-east-1", T0, false, BucketAccess.of(ObjectOwnership.OBJECT_WRITER));
    return versioning == Versioning.UNVERSIONED ? b : node2.setVersioning(name, b.id(), versioning);
  }

  private static ObjectMeta object(String bucket, String key, String blob, long size) {
    return new ObjectMeta(
        bucket,
        key,
        size,
        "etag-" + blob,
        "text/plain",
        Map.of(),
        Map.of(),
        null,
        T0,
        T0,
        new Storage.Blob(blob),
        "v-" + blob,
        ObjectLock.NONE,
        null,
        Map.of(),
        null);
  }

  /** Runs {@code task(thread)} on 16 threads released at once; returns each thread's result. */
  private static <T> List<T> race(TaskOf<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<T> call =
            () -> {
              start.await();
              return task.run(thread);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }

  @FunctionalInterface
  private interface TaskOf<T> {
    T run(int thread) throws Exception;
  }

  @Test
  void ifNoneMatchStarRacedOnTwoNodesHasExactlyOneWinner() throws Exception {
    Bucket b = bucket("race", Versioning.UNVERSIONED);
    WritePrecondition ifNoneMatch = new WritePrecondition(null, true);
    for (int round = 0; round < 5; round++) {
      String key = "key-" + round;
      int r = round;
      List<String> outcomes =
          race(
              t -> {
                try {
                  node(t)
                      .putObject(
                          b.id(), object("race", key, "b" + r + "-" + t, 10), ifNoneMatch, null);
                  return "won:" + t;
                } catch (CofferException e) {
                  assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
                  return "lost";
                }
              });
      List<String> winners = outcomes.stream().filter(o -> o.startsWith("won")).toList();
      assertThat(winners).hasSize(1);
      String winner = "b" + r + "-" + winners.get(0).substring(4);
      assertThat(node1.findObject("race", key).orElseThrow().storage())
          .isEqualTo(new Storage.Blob(winner));
      assertThat(node2.findObject("race", key).orElseThrow().storage())
          .isEqualTo(new Storage.Blob(winner));
    }
    Bucket counted = node2.findBucket("race").orElseThrow();
    assertThat(counted.objectCount()).isEqualTo(5);
    assertThat(counted.totalSize()).isEqualTo(50);
  }

  @Test
  void versionedPutsRacedOnTwoNodesGetDistinctVersionsInOneOrder() throws Exception {
    Bucket b = bucket("versioned", Versioning.ENABLED);
    int perThread = 8;
    List<Map<String, String>> previousOf =
        race(
            t -> {
              Map<String, String> mine = new HashMap<>();
              for (int i = 0; i < perThread; i++) {
                ObjectMeta o = object("versioned", "k", "t" + t + "-" + i, 3);
                MetadataStore.Written w =
                    node(t).putObject(b.id(), o, WritePrecondition.NONE, null);
                ObjectMeta previous = w.replaced().previous();
                mine.put(w.object().versionId(), previous == null ? "" : previous.versionId());
              }
              return mine;
            });
    Map<String, String> previous = new HashMap<>();
    previousOf.forEach(previous::putAll);
    int total = THREADS * perThread;
    assertThat(previous).hasSize(total);
    // Each write replaced the one committed just before it: following "previous" from the current
    // version visits every version once, and the first has none.
    String current = node2.findObject("versioned", "k").orElseThrow().versionId();
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String v = current; !v.isEmpty(); v = previous.get(v)) {
      assertThat(seen.add(v)).as("version %s seen twice", v).isTrue();
      chain.add(v);
    }
    assertThat(chain).hasSize(total);
    // ... and the database's order of versions (seq) is that order.
    List<String> bySeq = new ArrayList<>();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version_id FROM (SELECT version_id, seq FROM objects UNION ALL"
                    + " SELECT version_id, seq FROM object_versions) v ORDER BY seq DESC")) {
      while (rs.next()) {
        bySeq.add(rs.getString(1));
      }
    }
    assertThat(bySeq).isEqualTo(chain);
    for (String v : chain) {
      KeyVersion found = node1.findVersion("versioned", "k", v).orElseThrow();
      assertThat(found.versionId()).isEqualTo(v);
    }
    Bucket counted = node1.findBucket("versioned").orElseThrow();
    assertThat(counted.objectCount()).isEqualTo(1);
    assertThat(counted.totalSize()).isEqualTo(3L * total);
  }

  @Test
  void completionRacedOnTwoNodesCreatesOneObjectAndAnswersTheOthersAlike() throws Exception {
    Bucket b = bucket("multipart", Versioning.ENABLED);
    node1.createUpload(
        new MultipartUpload(
            "upload-1",
            "multipart",
            "big",
            ownerId,
            "application/octet-stream",
            Map.of(),
            Map.of(),
            null,
            null,
            T0,
            ObjectLock.NONE,
            null,
            Map.of(),
            null));
    node2.putPart(new Part("upload-1", 1, "part-1", 5, "e1", null, T0));
    node1.putPart(new Part("upload-1", 2, "part-2", 5, "e2", null, T0));
    List<Segment> segments =
        List.of(new Segment(1, "part-1", 5, "e1", null), new Segment(2, "part-2", 5, "e2", null));
    List<MetadataStore.Completed> done =
        race(
            t -> {
              ObjectMeta o =
                  new ObjectMeta(
                      "multipart",
                      "big",
                      10,
                      "etag-2",
                      null,
                      Map.of(),
                      Map.of(),
                      null,
                      T0,
                      T0,
                      new Storage.Parts("storage-" + t, 2),
                      "v-" + t,
                      ObjectLock.NONE,
                      null,
                      Map.of(),
                      null);
              CompletedUpload completion =
                  new CompletedUpload(
                      "upload-1", "multipart", "big", "etag-2", 10, null, "fp", T0, "v-" + t);
              return node(t)
                  .completeUpload(completion, o, segments, WritePrecondition.NONE, T0, null);
            });
    Set<String> answered = new HashSet<>();
    done.forEach(d -> answered.add(d.upload().versionId()));
    assertThat(answered).hasSize(1);
    String version = answered.iterator().next();
    assertThat(node2.findObject("multipart", "big").orElseThrow().versionId()).isEqualTo(version);
    assertThat(node1.findVersion("multipart", "big", null).orElseThrow().versionId())
        .isEqualTo(version);
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM object_versions")) {
      rs.next();
      assertThat(rs.getLong(1)).as("no second version from a losing completion").isZero();
    }
    assertThat(node1.findUpload("upload-1")).isEmpty();
    assertThat(node1.findBucket("multipart").orElseThrow().objectCount()).isEqualTo(1);
  }
}
