package io.coffer.service.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Bucket;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.ListedVersion;
import io.coffer.model.NoncurrentVersionExpiration;
import io.coffer.model.ObjectMeta;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.service.Caller;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker against a real store, blob store and services, with a clock the test moves. */
class LifecycleWorkerTest {
  private static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dir;
  LifecycleFixture f;

  @BeforeEach
  void open() {
    f = new LifecycleFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  static LifecycleRule expire(String id, String prefix, int days) {
    return new LifecycleRule(
        id,
        true,
        new LifecycleFilter(prefix, Map.of(), null, null, false),
        new LifecycleExpiration(days, null, false),
        null,
        null);
  }

  static LifecycleRule noncurrent(String id, int days, Integer keep) {
    return new LifecycleRule(
        id,
        true,
        LifecycleFilter.EVERYTHING,
        null,
        new NoncurrentVersionExpiration(days, keep),
        null);
  }

  static LifecycleRule expiredMarkers(String id) {
    return new LifecycleRule(
        id,
        true,
        LifecycleFilter.EVERYTHING,
        new LifecycleExpiration(null, null, true),
        null,
        null);
  }

  private List<ListedVersion> versions(String bucket) {
    return f.store.listVersions(new VersionQuery(bucket, "", null, null, null, 1000)).versions();
  }

  private Bucket bucket(String name) {
    return f.store.findBucket(name).orElseThrow();
  }

  @Test
  void expiresCurrentObjectsUnderThePrefixOnceTheirDayBoundaryIsReached() {
    f.bucket("logs", null, false);
    f.lifecycle("logs", expire("old-logs", "logs/", 1));
    f.put("logs", "logs/a", "aaaa");
    f.put("logs", "keep/b", "bbbb");
    f.clock.advance(Duration.ofHours(20)); // 06:00 on the next day: not yet
    f.put("logs", "logs/c", "cccc");
    try (LifecycleWorker worker = f.worker(DAY)) {
      worker.sweepOnce();
      assertThat(f.store.findObject("logs", "logs/a")).isPresent();
      f.clock.advance(Duration.ofHours(18)); // 00:00 two days after logs/a's creation
      worker.sweepOnce();
      assertThat(f.store.findObject("logs", "logs/a")).isEmpty();
      assertThat(f.store.findObject("logs", "logs/c")).isPresent();
      assertThat(f.store.findObject("logs", "keep/b")).isPresent();
      assertThat(worker.metrics().objectsExpired()).isEqualTo(1);
      assertThat(bucket("logs").objectCount()).isEqualTo(2);
      assertThat(bucket("logs").totalSize()).isEqualTo(8);
      assertThat(f.blobFiles()).isEqualTo(2);
      assertThat(f.store.findLifecycleCheckpoint(bucket("logs").id())).isEmpty();
    }
  }

  @Test
  void inAVersionedBucketExpiryAddsAMarkerThenNoncurrentVersionsAndTheLoneMarkerGo() {
    f.bucket("vers", Versioning.ENABLED, false);
    f.lifecycle("vers", expire("exp", "", 1), noncurrent("nc", 1, null), expiredMarkers("eodm"));
    ObjectMeta first = f.put("vers", "k", "one");
    try (LifecycleWorker worker = f.worker(DAY)) {
      f.clock.advance(Duration.ofDays(2));
      worker.sweepOnce(); // the current version expires: a delete marker hides it
      List<ListedVersion> vs = versions("vers");
      assertThat(vs).hasSize(2);
      assertThat(vs.get(0).deleteMarker()).isTrue();
      assertThat(vs.get(1).versionId()).isEqualTo(first.versionId());
      assertThat(worker.metrics().objectsExpired()).isEqualTo(1);
      assertThat(f.blobFiles()).isEqualTo(1);

      worker.sweepOnce(); // became noncurrent just now: kept for a day
      assertThat(versions("vers")).hasSize(2);

      f.clock.advance(Duration.ofDays(2));
      worker.sweepOnce(); // the noncurrent version goes, then the marker left alone
      assertThat(versions("vers")).isEmpty();
      assertThat(worker.metrics().versionsRemoved()).isEqualTo(1);
      assertThat(worker.metrics().deleteMarkersRemoved()).isEqualTo(1);
      assertThat(bucket("vers").totalSize()).isZero();
      assertThat(f.blobFiles()).isZero();
    }
  }

  @Test
  void noncurrentDaysCountFromTheSuccessorsCreationAndNewerNoncurrentVersionsAreKept() {
    f.bucket("vers", Versioning.ENABLED, false);
    f.lifecycle("vers", noncurrent("nc", 1, 2));
    ObjectMeta v1 = f.put("vers", "k", "1");
    f.clock.advance(Duration.ofDays(10));
    ObjectMeta v2 = f.put("vers", "k", "2"); // v1 noncurrent from now
    f.clock.advance(Duration.ofDays(10));
    ObjectMeta v3 = f.put("vers", "k", "3");
    ObjectMeta v4 = f.put("vers", "k", "4"); // v3 noncurrent from now
    try (LifecycleWorker worker = f.worker(DAY)) {
      worker.sweepOnce();
      // Noncurrent: v3 (0 newer, kept), v2 (1 newer, kept), v1 (2 newer, noncurrent for 20 days).
      assertThat(versions("vers"))
          .extracting(ListedVersion::versionId)
          .containsExactly(v4.versionId(), v3.versionId(), v2.versionId());
      assertThat(v1.versionId()).isNotNull();
    }
  }

  @Test
  void aSuspendedBucketGetsANullMarkerInPlaceOfTheNullVersion() {
    f.bucket("susp", Versioning.ENABLED, false);
    f.buckets.setVersioning(Caller.ADMIN, "susp", Versioning.SUSPENDED);
    f.lifecycle("susp", expire("exp", "", 1));
    f.put("susp", "k", "null version");
    f.clock.advance(Duration.ofDays(3));
    try (LifecycleWorker worker = f.worker(DAY)) {
      worker.sweepOnce();
    }
    List<ListedVersion> vs = versions("susp");
    assertThat(vs).hasSize(1);
    assertThat(vs.get(0).deleteMarker()).isTrue();
    assertThat(vs.get(0).versionId()).isEqualTo("null");
    assertThat(f.blobFiles()).isZero();
  }

  @Test
  void aLegalHoldKeepsANoncurrentVersionAndItsMarker() {
    f.bucket("locked", Versioning.ENABLED, true);
    f.lifecycle("locked", expire("exp", "", 1), noncurrent("nc", 1, null), expiredMarkers("m"));
    ObjectMeta held = f.put("locked", "k", "held");
    f.locks.putLegalHold(Caller.ADMIN, "locked", "k", held.versionId(), true);
    try (LifecycleWorker worker = f.worker(DAY)) {
      f.clock.advance(Duration.ofDays(2));
      worker.sweepOnce(); // a delete marker: object lock does not prevent one
      f.clock.advance(Duration.ofDays(2));
      worker.sweepOnce();
      assertThat(versions("locked")).hasSize(2);
      assertThat(worker.metrics().lockedSkipped()).isEqualTo(1);
      assertThat(worker.metrics().versionsRemoved()).isZero();
      assertThat(worker.metrics().deleteMarkersRemoved()).isZero();
    }
  }

  @Test
  void abortsIncompleteUploadsAndReleasesTheirParts() {
    f.bucket("mpu", null, false);
    f.lifecycle(
        "mpu",
        new LifecycleRule(
            "abort",
            true,
            new LifecycleFilter("big/", Map.of(), null, null, false),
            null,
            null,
            1));
    f.upload("mpu", "big/one");
    f.upload("mpu", "small/two");
    assertThat(f.blobFiles()).isEqualTo(2);
    f.clock.advance(Duration.ofDays(2));
    try (LifecycleWorker worker = f.worker(DAY)) {
      worker.sweepOnce();
      assertThat(worker.metrics().uploadsAborted()).isEqualTo(1);
    }
    assertThat(f.store.listUploads("mpu", "", null, null, null, 10).uploads())
        .extracting(u -> u.key())
        .containsExactly("small/two");
    assertThat(f.blobFiles()).isEqualTo(1);
  }

  @Test
  void aTagFilterExpiresOnlyTaggedObjects() {
    f.bucket("tags", null, false);
    f.lifecycle(
        "tags",
        new LifecycleRule(
            "temp",
            true,
            new LifecycleFilter(null, Map.of("class", "temp"), null, null, false),
            new LifecycleExpiration(1, null, false),
            null,
            null));
    f.put("tags", "tagged", "x");
    f.put("tags", "plain", "y");
    f.store.setObjectTags("tags", "tagged", null, Map.of("class", "temp"), null);
    f.clock.advance(Duration.ofDays(2));
    try (LifecycleWorker worker = f.worker(DAY)) {
      worker.sweepOnce();
    }
    assertThat(f.store.findObject("tags", "tagged")).isEmpty();
    assertThat(f.store.findObject("tags", "plain")).isPresent();
  }

  @Test
  void smallBatchesGiveTheSameResultAsOneAndTheSweepEndsWithoutACheckpoint() {
    f.bucket("vers", Versioning.ENABLED, false);
    f.lifecycle("vers", noncurrent("nc", 1, 1), expiredMarkers("m"));
    for (int k = 0; k < 5; k++) {
      for (int i = 0; i < 4; i++) {
        f.put("vers", "key" + k, "vers" + i);
      }
    }
    f.objects.delete(
        Caller.ADMIN, "vers", "key0", null, io.coffer.model.WritePrecondition.NONE, false);
    f.clock.advance(Duration.ofDays(3));
    try (LifecycleWorker worker = f.worker(DAY, 3)) {
      worker.sweepOnce();
      // Each key keeps its current version (key0: its marker) and its newest noncurrent version.
      assertThat(versions("vers")).hasSize(5 * 2);
      assertThat(worker.metrics().versionsRemoved()).isEqualTo(4 * 2 + 3);
      assertThat(f.store.findLifecycleCheckpoint(bucket("vers").id())).isEmpty();
    }
    assertThat(f.blobFiles()).isEqualTo(4 * 2 + 1);
  }

  /** The shape of a bucket's versions: key and whether a delete marker, newest first per key. */
  private List<String> shape(String bucket) {
    return versions(bucket).stream()
        .map(v -> v.key() + (v.deleteMarker() ? " marker" : " version"))
        .toList();
  }

  @Test
  void aSweepStoppedAfterAnyBatchContinuesFromItsCheckpointToTheSameResult() {
    List<String> expected = null;
    for (int stopAfter = 0; stopAfter <= 7; stopAfter++) {
      String name = "resume-" + stopAfter;
      f.bucket(name, Versioning.ENABLED, false);
      f.lifecycle(name, expire("exp", "a", 1), noncurrent("nc", 1, 1), expiredMarkers("m"));
      f.clock.advance(Duration.ofDays(-30));
      for (String key : List.of("a1", "a2", "b1", "b2")) {
        for (int i = 0; i < 3; i++) {
          f.put(name, key, key + i);
        }
      }
      f.objects.delete(
          Caller.ADMIN, name, "b2", null, io.coffer.model.WritePrecondition.NONE, false);
      f.clock.advance(Duration.ofDays(30));
      Bucket b = bucket(name);
      boolean finished;
      try (LifecycleWorker first = f.worker(DAY, 2)) {
        int[] batches = {0};
        BucketSweep sweep =
            new BucketSweep(
                f.store,
                first.evaluator(),
                new ActionRunner(
                    new LifecycleExecutor(f.store, f.blobs, f.clock, first.metrics()),
                    java.util.concurrent.Executors.newSingleThreadExecutor(),
                    n -> {}),
                first.metrics(),
                f.clock,
                2);
        final int limit = stopAfter;
        finished = sweep.run(name, b.id(), () -> batches[0]++ >= limit);
      }
      if (!finished) {
        assertThat(f.store.findLifecycleCheckpoint(b.id()).isPresent()).isEqualTo(stopAfter > 0);
        try (LifecycleWorker second = f.worker(DAY, 2)) {
          second.sweepOnce();
        }
      }
      assertThat(f.store.findLifecycleCheckpoint(b.id())).isEmpty();
      List<String> got = shape(name);
      if (expected == null) {
        expected = got;
        // a1, a2: expired behind a marker, their newest noncurrent kept (the expired one counts
        // from the next sweep on); b1 keeps 2, b2 its marker and its newest noncurrent version.
        assertThat(got)
            .containsExactly(
                "a1 marker",
                "a1 version",
                "a1 version",
                "a2 marker",
                "a2 version",
                "a2 version",
                "b1 version",
                "b1 version",
                "b2 marker",
                "b2 version");
      } else {
        assertThat(got).as("stopped after %d batches", stopAfter).isEqualTo(expected);
      }
    }
  }
}
