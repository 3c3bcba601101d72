package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.meta.MetadataStore.Completed;
import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Part;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.Storage;
import io.coffer.model.WritePrecondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A random mix of puts, overwrites, deletes, uploads, completes and aborts; afterwards the counters
 * equal a recount of the tables, and every blob ever written is either still referenced or was
 * handed back exactly once.
 */
abstract class CountersProperties {
  /** The store the properties run against (one subclass per kind). */
  abstract Stores.Kind kind();

  @Property(tries = 25)
  void countersMatchRecountAndBlobsAreAccountedFor(@ForAll long seed) throws Exception {
    Path dir = Files.createTempDirectory("coffer-counters");
    try {
      run(dir, new Random(seed));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private void run(Path dir, Random rnd) throws SQLException, IOException {
    List<String> buckets = List.of("b1", "b2", "b3");
    Set<String> created = new HashSet<>();
    List<String> released = new ArrayList<>();
    Map<String, Long> modelSizes = new HashMap<>(); // bucket/key -> size
    List<String> openUploads = new ArrayList<>();
    Map<String, String> uploadTarget = new HashMap<>();
    int blobSeq = 0;
    Stores stores = Stores.create(kind(), dir);
    MetadataStore store = stores.open(false);
    try {
      Credential c = store.createCredential("AK", "SK", "u", T0);
      for (String b : buckets) {
        store.createBucket(b, c.id(), "r", T0, false);
      }
      for (int step = 0; step < 300; step++) {
        String bucket = buckets.get(rnd.nextInt(buckets.size()));
        String key = "k" + rnd.nextInt(12);
        String id = bucket + "/" + key;
        int op = rnd.nextInt(100);
        if (op < 35) {
          long size = rnd.nextInt(1000);
          ObjectMeta o;
          if (rnd.nextInt(4) == 0) {
            o = Fixtures.inline(bucket, key, "i" + blobSeq++, new byte[(int) size], "e");
          } else {
            String blob = "s" + blobSeq++;
            created.add(blob);
            o = Fixtures.object(bucket, key, blob, size, "e");
          }
          WritePrecondition pre =
              rnd.nextInt(5) == 0 ? new WritePrecondition(null, true) : WritePrecondition.NONE;
          try {
            Replaced r = Fixtures.put(store, o, pre);
            assertThat(r.existed()).isEqualTo(modelSizes.containsKey(id));
            released.addAll(Fixtures.released(store, r.releasedBlobs()));
            modelSizes.put(id, size);
          } catch (CofferException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
            assertThat(modelSizes).containsKey(id);
            if (!(o.storage() instanceof Storage.Inline)) {
              released.add(Fixtures.storageId(o)); // the caller would delete the blob it wrote
            }
          }
        } else if (op < 50) {
          Replaced r = Fixtures.delete(store, bucket, key, WritePrecondition.NONE).removed();
          assertThat(r.existed()).isEqualTo(modelSizes.containsKey(id));
          released.addAll(Fixtures.released(store, r.releasedBlobs()));
          modelSizes.remove(id);
        } else if (op < 60) {
          String uploadId = "up" + blobSeq++;
          store.createUpload(Fixtures.upload(uploadId, bucket, key));
          openUploads.add(uploadId);
          uploadTarget.put(uploadId, id);
        } else if (op < 80 && !openUploads.isEmpty()) {
          String uploadId = openUploads.get(rnd.nextInt(openUploads.size()));
          String blob = "p" + blobSeq++;
          created.add(blob);
          Part part = Fixtures.part(uploadId, 1 + rnd.nextInt(5), blob, 1 + rnd.nextInt(100));
          released.addAll(Fixtures.released(store, store.putPart(part).stream().toList()));
        } else if (op < 90 && !openUploads.isEmpty()) {
          String uploadId = openUploads.remove(rnd.nextInt(openUploads.size()));
          String target = uploadTarget.get(uploadId);
          String tb = target.substring(0, target.indexOf('/'));
          String tk = target.substring(target.indexOf('/') + 1);
          List<Part> parts = store.listParts(uploadId, 0, 100);
          if (parts.isEmpty()) {
            assertThat(Fixtures.released(store, Fixtures.blobsOf(store.abortUpload(uploadId))))
                .isEmpty();
            continue;
          }
          List<Segment> segments = new ArrayList<>();
          long size = 0;
          for (Part p : parts) {
            if (segments.isEmpty() || rnd.nextBoolean()) {
              segments.add(p.toSegment());
              size += p.size();
            }
          }
          ObjectMeta o =
              Fixtures.multipartObject(
                  tb, tk, "m" + blobSeq++, size, "e-" + segments.size(), segments.size());
          Completed done = Fixtures.complete(store, uploadId, o, segments, WritePrecondition.NONE);
          assertThat(done.replaced().existed()).isEqualTo(modelSizes.containsKey(target));
          released.addAll(
              Fixtures.released(store, done.replaced().releasedBlobs(), done.unusedPartBlobs()));
          modelSizes.put(target, size);
        } else if (!openUploads.isEmpty()) {
          String uploadId = openUploads.remove(rnd.nextInt(openUploads.size()));
          released.addAll(Fixtures.released(store, Fixtures.blobsOf(store.abortUpload(uploadId))));
        }
      }

      // counters against a recount of the tables
      Stats stats = store.stats(T0);
      try (Connection raw = stores.raw();
          Statement s = raw.createStatement()) {
        assertThat(stats.objects()).isEqualTo(Fixtures.single(s, "SELECT count(*) FROM objects"));
        assertThat(stats.totalStorage())
            .isEqualTo(Fixtures.single(s, "SELECT coalesce(sum(size), 0) FROM objects"));
        assertThat(stats.activeMultipartUploads())
            .isEqualTo(Fixtures.single(s, "SELECT count(*) FROM uploads"));
        assertThat(stats.buckets()).isEqualTo(Fixtures.single(s, "SELECT count(*) FROM buckets"));
        assertThat(stats.credentials())
            .isEqualTo(Fixtures.single(s, "SELECT count(*) FROM credentials"));
        for (String b : buckets) {
          Bucket bucket = store.findBucket(b).orElseThrow();
          assertThat(bucket.objectCount())
              .isEqualTo(
                  Fixtures.single(s, "SELECT count(*) FROM objects WHERE bucket = '" + b + "'"));
          assertThat(bucket.totalSize())
              .isEqualTo(
                  Fixtures.single(
                      s, "SELECT coalesce(sum(size), 0) FROM objects WHERE bucket = '" + b + "'"));
        }
      }
      // and against the model
      assertThat(stats.objects()).isEqualTo(modelSizes.size());
      assertThat(stats.totalStorage())
          .isEqualTo(modelSizes.values().stream().mapToLong(Long::longValue).sum());
      assertThat(stats.activeMultipartUploads()).isEqualTo(openUploads.size());

      // every blob is referenced xor released, never released twice
      List<String> referenced = new ArrayList<>();
      store.forEachReferencedBlob(referenced::add);
      assertThat(released).doesNotHaveDuplicates();
      assertThat(referenced).doesNotHaveDuplicates();
      Set<String> union = new HashSet<>(referenced);
      union.addAll(released);
      assertThat(union).isEqualTo(created);
      assertThat(referenced).doesNotContainAnyElementsOf(released);

      // deleting buckets hands back the parts of their uploads; counters follow
      for (String b : buckets) {
        for (var o :
            store.listObjects(new io.coffer.model.ListQuery(b, "", null, null, 1000)).objects()) {
          Replaced r = Fixtures.delete(store, b, o.key(), WritePrecondition.NONE).removed();
          released.addAll(Fixtures.released(store, r.releasedBlobs()));
        }
        released.addAll(
            Fixtures.released(store, Fixtures.blobsOf(Fixtures.deleteBucket(store, b))));
      }
      assertThat(store.stats(T0)).isEqualTo(new Stats(1, 0, 0, 0, 0, 0));
      List<String> left = new ArrayList<>();
      store.forEachReferencedBlob(left::add);
      assertThat(left).isEmpty();
      assertThat(released).doesNotHaveDuplicates();
      assertThat(new HashSet<>(released)).isEqualTo(created);
    } finally {
      stores.close();
    }
  }
}
