package io.coffer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A client thread on a bucket with versioning enabled (and object lock, without retention):
 * overwrites that add versions, deletes that add delete markers, and permanent deletes of one
 * version (objects and markers, often the current one). It remembers every acknowledged version by
 * the version ID the server answered with. After a kill it checks that the bucket's versions are
 * exactly the acknowledged ones (plus, or minus, the one operation in flight), newest first per key
 * with one latest each, and that every object version still reads back its bytes by version ID.
 */
final class VersionedWorkload implements Runnable {
  static final String BUCKET = "versioned";
  private static final int KEYS = 4;

  /** Beyond this many versions, the workload deletes versions rather than adding them. */
  private static final int MAX_VERSIONS = 40;

  /** One version of a key: an object (its bytes' SHA-256 and size) or a delete marker. */
  record Version(String versionId, boolean marker, String sha256, long size) {
    int blobFiles() {
      return marker ? 0 : ObjectState.blobFilesFor(size);
    }
  }

  /** The operation that may be in flight when the server dies. */
  private sealed interface Pending {
    String key();
  }

  private record PendingPut(String key, String sha256, long size) implements Pending {}

  private record PendingMarker(String key) implements Pending {}

  private record PendingRemove(String key, String versionId) implements Pending {}

  private final S3Client client;
  private final Random random;
  private final AtomicBoolean killed;

  /** key -> acknowledged versions still there, oldest first. */
  private final Map<String, List<Version>> versions = new LinkedHashMap<>();

  private Pending pending;
  final AtomicLong acknowledged = new AtomicLong();
  final List<Throwable> failures = new ArrayList<>();

  VersionedWorkload(S3Client client, long seed, AtomicBoolean killed) {
    this.client = client;
    this.random = new Random(seed);
    this.killed = killed;
    for (int k = 0; k < KEYS; k++) {
      versions.put("v/key-" + k, new ArrayList<>());
    }
  }

  /**
   * Creates the bucket with object lock enabled, which (as in AWS) makes it versioned from the
   * start; no version gets a retention, so every version can be deleted.
   */
  static void createBucket(S3Client client) {
    client.createBucket(r -> r.bucket(BUCKET).objectLockEnabledForBucket(true));
    assertThat(client.getBucketVersioning(r -> r.bucket(BUCKET)).status())
        .as("a bucket created with object lock is versioned")
        .isEqualTo(BucketVersioningStatus.ENABLED);
  }

  /** Starts a new cycle on a new client (the model carries over from the last verify). */
  VersionedWorkload next(S3Client client, long seed, AtomicBoolean killed) {
    VersionedWorkload next = new VersionedWorkload(client, seed, killed);
    synchronized (this) {
      versions.forEach((k, v) -> next.versions.put(k, new ArrayList<>(v)));
    }
    return next;
  }

  @Override
  public void run() {
    try {
      while (!killed.get()) {
        step();
        acknowledged.incrementAndGet();
      }
    } catch (Exception e) {
      if (!killed.get()) {
        synchronized (failures) {
          failures.add(new AssertionError("versioned workload failed while the server was up", e));
        }
      }
    }
  }

  private void step() throws Exception {
    List<String> keys = new ArrayList<>(versions.keySet());
    String key = keys.get(random.nextInt(keys.size()));
    List<Version> mine;
    int total;
    synchronized (this) {
      mine = List.copyOf(versions.get(key));
      total = versions.values().stream().mapToInt(List::size).sum();
    }
    int dice = random.nextInt(100);
    if (!mine.isEmpty() && (dice >= 70 || total > MAX_VERSIONS)) {
      // favour the current version: removing it makes the next newest current
      Version victim =
          random.nextBoolean() ? mine.getLast() : mine.get(random.nextInt(mine.size()));
      begin(new PendingRemove(key, victim.versionId()));
      DeleteObjectResponse r =
          client.deleteObject(d -> d.bucket(BUCKET).key(key).versionId(victim.versionId()));
      assertThat(r.versionId()).isEqualTo(victim.versionId());
      assertThat(Boolean.TRUE.equals(r.deleteMarker())).isEqualTo(victim.marker());
      synchronized (this) {
        versions.get(key).remove(victim);
        pending = null;
      }
    } else if (dice < 25 && !mine.isEmpty()) {
      begin(new PendingMarker(key));
      DeleteObjectResponse r = client.deleteObject(d -> d.bucket(BUCKET).key(key));
      assertThat(r.deleteMarker()).as("DeleteObject in a versioned bucket adds a marker").isTrue();
      assertThat(r.versionId()).isNotBlank();
      synchronized (this) {
        versions.get(key).add(new Version(r.versionId(), true, null, 0));
        pending = null;
      }
    } else {
      // mostly kept inline in the metadata store, sometimes a blob file
      int size = random.nextInt(10) == 0 ? 70_000 + random.nextInt(30_000) : random.nextInt(4096);
      byte[] body = new byte[size];
      random.nextBytes(body);
      String sha = CrashWorkload.sha256(body);
      begin(new PendingPut(key, sha, size));
      PutObjectResponse r =
          client.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
      assertThat(r.versionId())
          .as("PutObject in a versioned bucket answers a version ID")
          .isNotBlank()
          .isNotEqualTo("null");
      synchronized (this) {
        versions.get(key).add(new Version(r.versionId(), false, sha, size));
        pending = null;
      }
    }
  }

  private synchronized void begin(Pending p) {
    pending = p;
  }

  /** A version as ListObjectVersions shows it. */
  private record Listed(String versionId, boolean marker, boolean latest, long size) {}

  /**
   * Checks the bucket against the acknowledged versions and settles the operation in flight.
   *
   * @return the number of blob files the bucket should have on disk
   */
  synchronized long verify(S3Client client, long seed) throws Exception {
    Map<String, List<Listed>> listed = new LinkedHashMap<>();
    // one entry a page: the SDK splits a page into versions and markers, which loses their order
    for (ListObjectVersionsResponse page :
        client.listObjectVersionsPaginator(r -> r.bucket(BUCKET).maxKeys(1))) {
      assertThat(page.versions().size() + page.deleteMarkers().size()).isLessThanOrEqualTo(1);
      for (ObjectVersion v : page.versions()) {
        listed
            .computeIfAbsent(v.key(), k -> new ArrayList<>())
            .add(new Listed(v.versionId(), false, v.isLatest(), v.size()));
      }
      for (DeleteMarkerEntry m : page.deleteMarkers()) {
        listed
            .computeIfAbsent(m.key(), k -> new ArrayList<>())
            .add(new Listed(m.versionId(), true, m.isLatest(), 0));
      }
    }
    Pending inFlight = pending;
    pending = null;
    long blobs = 0;
    for (var e : versions.entrySet()) {
      String key = e.getKey();
      List<Version> model = e.getValue();
      List<Listed> seen = listed.getOrDefault(key, List.of());
      // newest first, as the listing shows them
      List<Version> expected = new ArrayList<>(model.reversed());
      if (inFlight != null && inFlight.key().equals(key)) {
        settle(client, inFlight, key, model, expected, seen, seed);
      }
      assertThat(seen)
          .extracting(Listed::versionId)
          .as(
              "versions of %s after restart, newest first: every acknowledged one, no removed one"
                  + " (in flight: %s, seed %d)",
              key, inFlight, seed)
          .containsExactlyElementsOf(expected.stream().map(Version::versionId).toList());
      for (int i = 0; i < seen.size(); i++) {
        Listed l = seen.get(i);
        Version v = expected.get(i);
        assertThat(l.latest()).as("IsLatest of %s %s (seed %d)", key, l, seed).isEqualTo(i == 0);
        assertThat(l.marker()).as("marker %s %s (seed %d)", key, l, seed).isEqualTo(v.marker());
        if (!v.marker()) {
          assertThat(l.size()).isEqualTo(v.size());
          assertThat(readVersion(client, key, v.versionId()))
              .as("bytes of %s version %s (seed %d)", key, v.versionId(), seed)
              .isEqualTo(v.sha256());
          blobs += v.blobFiles();
        }
      }
      String current = readVersion(client, key, null);
      if (expected.isEmpty() || expected.getFirst().marker()) {
        assertThat(current).as("GET of %s hidden or gone (seed %d)", key, seed).isNull();
      } else {
        assertThat(current)
            .as("GET of %s reads its newest version (seed %d)", key, seed)
            .isEqualTo(expected.getFirst().sha256());
      }
    }
    assertThat(versions.keySet()).containsAll(listed.keySet());
    return blobs;
  }

  /** Decides from what the server shows whether the operation in flight happened. */
  private static void settle(
      S3Client client,
      Pending inFlight,
      String key,
      List<Version> model,
      List<Version> expected,
      List<Listed> seen,
      long seed)
      throws Exception {
    switch (inFlight) {
      case PendingPut put -> {
        if (seen.size() == expected.size() + 1) {
          Listed added = seen.getFirst();
          assertThat(added.marker()).isFalse();
          assertThat(readVersion(client, key, added.versionId()))
              .as("the PUT in flight on %s, if it happened, wrote its bytes (seed %d)", key, seed)
              .isEqualTo(put.sha256());
          Version v = new Version(added.versionId(), false, put.sha256(), put.size());
          model.add(v);
          expected.addFirst(v);
        }
      }
      case PendingMarker marker -> {
        if (seen.size() == expected.size() + 1 && seen.getFirst().marker()) {
          Version v = new Version(seen.getFirst().versionId(), true, null, 0);
          model.add(v);
          expected.addFirst(v);
        }
      }
      case PendingRemove remove -> {
        boolean stillThere = seen.stream().anyMatch(l -> l.versionId().equals(remove.versionId()));
        if (!stillThere) {
          model.removeIf(v -> v.versionId().equals(remove.versionId()));
          expected.removeIf(v -> v.versionId().equals(remove.versionId()));
        }
      }
    }
  }

  /** The object versions and delete markers the model holds now (after a verify). */
  synchronized List<Version> all() {
    return versions.values().stream().flatMap(List::stream).toList();
  }

  /** The number of keys whose current version is an object (after a verify). */
  synchronized long currentObjects() {
    return versions.values().stream().filter(v -> !v.isEmpty() && !v.getLast().marker()).count();
  }

  /** SHA-256 of a version's bytes (the current one for null), or null when GET finds no object. */
  private static String readVersion(S3Client client, String key, String versionId)
      throws Exception {
    try {
      byte[] bytes =
          client
              .getObjectAsBytes(r -> r.bucket(BUCKET).key(key).versionId(versionId))
              .asByteArray();
      return CrashWorkload.sha256(bytes);
    } catch (NoSuchKeyException e) {
      return null;
    }
  }
}
