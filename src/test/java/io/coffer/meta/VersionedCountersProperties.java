package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.MetadataStore.Completed;
import io.coffer.meta.MetadataStore.Deleted;
import io.coffer.meta.MetadataStore.Written;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.KeyVersion;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import io.coffer.model.ListedVersion;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random puts, multipart completions, deletes (adding delete markers) and permanent version deletes
 * (of objects, markers, and current versions) on buckets whose versioning goes from unversioned to
 * enabled and then back and forth between enabled and suspended. Checked against a model of every
 * key's versions after each run: the version listing (newest first per key, one latest per key),
 * the current objects, the counters (objects = keys whose current version is an object, bytes =
 * every object version), and every blob written is either referenced or was released exactly once.
 */
abstract class VersionedCountersProperties {
  /** The store the properties run against (one subclass per kind). */
  abstract Stores.Kind kind();

  /** A version in the model; blobs is what the store must release when it is removed for good. */
  private record V(String versionId, boolean marker, long size, List<String> blobs) {}

  @Property(tries = 25)
  void versionedCountersMatchRecountAndBlobsAreAccountedFor(@ForAll long seed) throws Exception {
    Path dir = Files.createTempDirectory("coffer-vcounters");
    try {
      new Run(Stores.create(kind(), dir), new Random(seed)).run();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static final class Run {
    private final Stores stores;
    private final Random rnd;
    private final List<String> buckets = List.of("v1", "v2");
    private final Map<String, Versioning> versioning = new HashMap<>();

    /** bucket -> key -> versions, newest first. */
    private final Map<String, Map<String, List<V>>> model = new HashMap<>();

    private final Set<String> created = new HashSet<>();
    private final List<String> released = new ArrayList<>();
    private long idSeq;
    private int blobSeq;

    Run(Stores stores, Random rnd) {
      this.stores = stores;
      this.rnd = rnd;
    }

    private String nextVersionId() {
      return "%032x".formatted(++idSeq);
    }

    private List<V> versionsOf(String bucket, String key) {
      return model.get(bucket).computeIfAbsent(key, k -> new ArrayList<>());
    }

    void run() throws SQLException {
      MetadataStore store = stores.open(false);
      try {
        Credential c = store.createCredential("AK", "SK", "u", T0);
        for (String b : buckets) {
          store.createBucket(b, c.id(), "r", T0, false);
          versioning.put(b, Versioning.UNVERSIONED);
          model.put(b, new TreeMap<>(Fixtures.UTF8_ORDER));
        }
        for (int step = 0; step < 300; step++) {
          String bucket = buckets.get(rnd.nextInt(buckets.size()));
          String key = "k" + rnd.nextInt(8);
          int op = rnd.nextInt(100);
          if (op < 6) {
            toggle(store, bucket);
          } else if (op < 40) {
            put(store, bucket, key);
          } else if (op < 48) {
            completeUpload(store, bucket, key);
          } else if (op < 68) {
            deleteWithoutVersion(store, bucket, key);
          } else {
            deleteVersion(store, bucket, key);
          }
        }
        check(store);
        drain(store);
      } finally {
        stores.close();
      }
    }

    private void toggle(MetadataStore store, String bucket) {
      Versioning next =
          versioning.get(bucket) == Versioning.ENABLED ? Versioning.SUSPENDED : Versioning.ENABLED;
      Bucket b = store.setVersioning(bucket, Fixtures.idOf(store, bucket), next);
      assertThat(b.versioning()).isEqualTo(next);
      versioning.put(bucket, next);
    }

    /** The version ID a write gets under the bucket's versioning. */
    private String writeVersionId(String bucket) {
      return versioning.get(bucket) == Versioning.ENABLED
          ? nextVersionId()
          : KeyVersion.NULL_VERSION;
    }

    private void put(MetadataStore store, String bucket, String key) {
      long size = rnd.nextInt(1000);
      String offered = nextVersionId(); // the store keeps it only when versioning is enabled
      ObjectMeta o;
      List<String> blobs;
      if (rnd.nextInt(4) == 0) {
        o = Fixtures.inline(bucket, key, "i" + blobSeq++, new byte[(int) size], "e");
        blobs = List.of();
      } else {
        String blob = "s" + blobSeq++;
        created.add(blob);
        o = Fixtures.object(bucket, key, blob, size, "e");
        blobs = List.of(blob);
      }
      Written w =
          store.putObject(
              Fixtures.idOf(store, bucket), o.withVersion(offered), WritePrecondition.NONE, null);
      String expectedId =
          versioning.get(bucket) == Versioning.ENABLED ? offered : KeyVersion.NULL_VERSION;
      assertThat(w.object().versionId()).isEqualTo(expectedId);
      List<String> expectedRelease = addVersion(bucket, key, new V(expectedId, false, size, blobs));
      List<String> rel = Fixtures.released(store, w.replaced().releasedBlobs());
      assertThat(rel).containsExactlyInAnyOrderElementsOf(expectedRelease);
      released.addAll(rel);
    }

    private void completeUpload(MetadataStore store, String bucket, String key) {
      String uploadId = "up" + blobSeq++;
      store.createUpload(Fixtures.upload(uploadId, bucket, key));
      int parts = 1 + rnd.nextInt(3);
      for (int n = 1; n <= parts; n++) {
        String blob = "p" + blobSeq++;
        created.add(blob);
        Part part = Fixtures.part(uploadId, n, blob, 1 + rnd.nextInt(100));
        assertThat(Fixtures.released(store, store.putPart(part).stream().toList())).isEmpty();
      }
      List<Segment> segments = new ArrayList<>();
      List<String> used = new ArrayList<>();
      List<String> unused = new ArrayList<>();
      long size = 0;
      for (Part p : store.listParts(uploadId, 0, 100)) {
        if (segments.isEmpty() || rnd.nextBoolean()) {
          segments.add(p.toSegment());
          used.add(p.blobId());
          size += p.size();
        } else {
          unused.add(p.blobId());
        }
      }
      String versionId = writeVersionId(bucket);
      ObjectMeta o =
          Fixtures.multipartObject(
                  bucket, key, "m" + blobSeq++, size, "e-" + segments.size(), segments.size())
              .withVersion(versionId);
      Completed done = Fixtures.complete(store, uploadId, o, segments, WritePrecondition.NONE);
      List<String> expectedRelease = addVersion(bucket, key, new V(versionId, false, size, used));
      List<String> rel =
          Fixtures.released(store, done.replaced().releasedBlobs(), done.unusedPartBlobs());
      assertThat(rel)
          .containsExactlyInAnyOrderElementsOf(
              java.util.stream.Stream.concat(unused.stream(), expectedRelease.stream()).toList());
      released.addAll(rel);
    }

    /**
     * Adds a newest version to the model as the bucket's versioning says, returning the blobs of
     * what it replaced for good.
     */
    private List<String> addVersion(String bucket, String key, V version) {
      List<V> versions = versionsOf(bucket, key);
      List<String> gone = new ArrayList<>();
      if (version.versionId().equals(KeyVersion.NULL_VERSION)) {
        // unversioned and suspended writes replace the null version wherever it is
        for (int i = 0; i < versions.size(); i++) {
          if (versions.get(i).versionId().equals(KeyVersion.NULL_VERSION)) {
            gone.addAll(versions.remove(i).blobs());
            break;
          }
        }
      }
      versions.addFirst(version);
      return gone;
    }

    private void deleteWithoutVersion(MetadataStore store, String bucket, String key) {
      String markerId = nextVersionId();
      Deleted d =
          store.deleteObject(
              bucket, key, null, WritePrecondition.NONE, markerId, Instant.EPOCH, false, null);
      List<V> versions = versionsOf(bucket, key);
      List<String> rel = Fixtures.released(store, d.removed().releasedBlobs());
      switch (versioning.get(bucket)) {
        case UNVERSIONED -> {
          List<String> gone = versions.isEmpty() ? List.of() : versions.removeFirst().blobs();
          assertThat(d.deleteMarker()).isFalse();
          assertThat(d.versionId()).isNull();
          assertThat(rel).containsExactlyInAnyOrderElementsOf(gone);
        }
        case ENABLED -> {
          assertThat(d.deleteMarker()).isTrue();
          assertThat(d.versionId()).isEqualTo(markerId);
          assertThat(rel).isEmpty();
          addVersion(bucket, key, new V(markerId, true, 0, List.of()));
        }
        case SUSPENDED -> {
          assertThat(d.deleteMarker()).isTrue();
          assertThat(d.versionId()).isEqualTo(KeyVersion.NULL_VERSION);
          List<String> gone =
              addVersion(bucket, key, new V(KeyVersion.NULL_VERSION, true, 0, List.of()));
          assertThat(rel).containsExactlyInAnyOrderElementsOf(gone);
        }
      }
      released.addAll(rel);
    }

    private void deleteVersion(MetadataStore store, String bucket, String key) {
      List<V> versions = versionsOf(bucket, key);
      if (versions.isEmpty() || rnd.nextInt(10) == 0) {
        // a well-formed ID no version has: nothing happens
        String unknown = nextVersionId();
        Deleted d =
            store.deleteObject(
                bucket, key, unknown, WritePrecondition.NONE, "unused", Instant.EPOCH, false, null);
        assertThat(d.removed().existed()).isFalse();
        assertThat(Fixtures.released(store, d.removed().releasedBlobs())).isEmpty();
        return;
      }
      // favour the current version, which makes the next newest current
      int index = rnd.nextBoolean() ? 0 : rnd.nextInt(versions.size());
      V victim = versions.remove(index);
      Deleted d =
          store.deleteObject(
              bucket,
              key,
              victim.versionId(),
              WritePrecondition.NONE,
              "unused",
              Instant.EPOCH,
              false,
              null);
      assertThat(d.versionId()).isEqualTo(victim.versionId());
      assertThat(d.deleteMarker()).isEqualTo(victim.marker());
      List<String> rel = Fixtures.released(store, d.removed().releasedBlobs());
      assertThat(rel).containsExactlyInAnyOrderElementsOf(victim.blobs());
      released.addAll(rel);
    }

    private void check(MetadataStore store) throws SQLException {
      long objectsTotal = 0;
      long bytesTotal = 0;
      for (String b : buckets) {
        Map<String, List<V>> keys = model.get(b);
        keys.values().removeIf(List::isEmpty);

        // the version listing, read in small pages, is the model: newest first, one latest per key
        Map<String, List<ListedVersion>> listed = new LinkedHashMap<>();
        String keyMarker = null;
        String versionIdMarker = null;
        while (true) {
          VersionPage page =
              store.listVersions(
                  new VersionQuery(b, "", null, keyMarker, versionIdMarker, 1 + rnd.nextInt(7)));
          for (ListedVersion v : page.versions()) {
            listed.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v);
          }
          if (!page.truncated()) {
            break;
          }
          keyMarker = page.nextKeyMarker();
          versionIdMarker = page.nextVersionIdMarker();
        }
        assertThat(listed.keySet()).containsExactlyElementsOf(keys.keySet());
        long recountBytes = 0;
        for (var e : keys.entrySet()) {
          List<ListedVersion> got = listed.get(e.getKey());
          List<V> want = e.getValue();
          assertThat(got)
              .extracting(ListedVersion::versionId)
              .as("versions of %s/%s, newest first", b, e.getKey())
              .containsExactlyElementsOf(want.stream().map(V::versionId).toList());
          assertThat(got)
              .extracting(ListedVersion::deleteMarker)
              .containsExactlyElementsOf(want.stream().map(V::marker).toList());
          assertThat(got)
              .extracting(ListedVersion::size)
              .containsExactlyElementsOf(want.stream().map(V::size).toList());
          assertThat(got.getFirst().latest()).isTrue();
          assertThat(got.stream().filter(ListedVersion::latest)).hasSize(1);
          recountBytes += got.stream().mapToLong(ListedVersion::size).sum();
        }

        // the current objects are the keys whose newest version is an object
        List<String> current = new ArrayList<>();
        String after = null;
        while (true) {
          ListPage page = store.listObjects(new ListQuery(b, "", null, after, 1 + rnd.nextInt(7)));
          page.objects().stream().map(ListedObject::key).forEach(current::add);
          if (!page.truncated()) {
            break;
          }
          after = page.lastReturned();
        }
        List<String> expectedCurrent =
            keys.entrySet().stream()
                .filter(e -> !e.getValue().getFirst().marker())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(current).containsExactlyElementsOf(expectedCurrent);
        for (String key : keys.keySet()) {
          V newest = keys.get(key).getFirst();
          if (newest.marker()) {
            assertThat(store.findObject(b, key)).isEmpty();
          } else {
            assertThat(store.findObject(b, key).orElseThrow().versionId())
                .isEqualTo(newest.versionId());
          }
        }

        Bucket bucket = store.findBucket(b).orElseThrow();
        assertThat(bucket.objectCount()).as("objects in %s", b).isEqualTo(current.size());
        assertThat(bucket.totalSize()).as("bytes in %s", b).isEqualTo(recountBytes);
        objectsTotal += current.size();
        bytesTotal += recountBytes;
      }

      Stats stats = store.stats(T0);
      assertThat(stats.objects()).isEqualTo(objectsTotal);
      assertThat(stats.totalStorage()).isEqualTo(bytesTotal);
      try (Connection raw = stores.raw();
          Statement s = raw.createStatement()) {
        assertThat(stats.objects()).isEqualTo(Fixtures.single(s, "SELECT count(*) FROM objects"));
        assertThat(stats.totalStorage())
            .isEqualTo(
                Fixtures.single(
                    s,
                    "SELECT (SELECT coalesce(sum(size), 0) FROM objects)"
                        + " + (SELECT coalesce(sum(size), 0) FROM object_versions)"));
      }
      if (stores.isSqlite()) { // PostgreSQL keeps an inline body in its version's row
        try (Connection raw = stores.raw();
            Statement s = raw.createStatement()) {
          // every inline body belongs to exactly one version: none leaked, none shared
          assertThat(Fixtures.single(s, "SELECT count(*) FROM inline_bodies"))
              .isEqualTo(
                  Fixtures.single(
                      s,
                      "SELECT (SELECT count(*) FROM objects WHERE inline_id IS NOT NULL) + (SELECT"
                          + " count(*) FROM object_versions WHERE inline_id IS NOT NULL)"))
              .isEqualTo(
                  Fixtures.single(
                      s,
                      "SELECT count(DISTINCT inline_id) FROM (SELECT inline_id FROM objects"
                          + " UNION ALL SELECT inline_id FROM object_versions)"
                          + " WHERE inline_id IS NOT NULL"));
        }
      }

      // every blob is referenced xor released, never released twice
      List<String> referenced = new ArrayList<>();
      store.forEachReferencedBlob(referenced::add);
      assertThat(released).doesNotHaveDuplicates();
      assertThat(referenced).doesNotHaveDuplicates();
      assertThat(referenced).doesNotContainAnyElementsOf(released);
      Set<String> union = new HashSet<>(referenced);
      union.addAll(released);
      assertThat(union).isEqualTo(created);
    }

    /** Deletes every version of every key for good, then the buckets: everything is released. */
    private void drain(MetadataStore store) {
      for (String b : buckets) {
        if (!model.get(b).isEmpty()) {
          assertThatThrownBy(() -> Fixtures.deleteBucket(store, b))
              .isInstanceOfSatisfying(
                  CofferException.class,
                  e -> assertThat(e.code()).isEqualTo(ErrorCode.BUCKET_NOT_EMPTY));
        }
        VersionPage page;
        do {
          page = store.listVersions(new VersionQuery(b, "", null, null, null, 1000));
          for (ListedVersion v : page.versions()) {
            Deleted d =
                store.deleteObject(
                    b,
                    v.key(),
                    v.versionId(),
                    WritePrecondition.NONE,
                    "unused",
                    Instant.EPOCH,
                    false,
                    null);
            released.addAll(Fixtures.released(store, d.removed().releasedBlobs()));
          }
        } while (page.truncated());
        released.addAll(
            Fixtures.released(store, Fixtures.blobsOf(Fixtures.deleteBucket(store, b))));
      }
      assertThat(store.stats(T0)).isEqualTo(new Stats(1, 0, 0, 0, 0, 0));
      List<String> left = new ArrayList<>();
      store.forEachReferencedBlob(left::add);
      assertThat(left).isEmpty();
      assertThat(released).doesNotHaveDuplicates();
      assertThat(new HashSet<>(released)).isEqualTo(created);
    }
  }
}
