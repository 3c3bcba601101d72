package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.inline;
import static io.coffer.meta.Fixtures.multipartObject;
import static io.coffer.meta.Fixtures.object;
import static io.coffer.meta.Fixtures.part;
import static io.coffer.meta.Fixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.MetadataStore.Completed;
import io.coffer.meta.MetadataStore.Replaced;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketFeatures;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import io.coffer.model.MultipartUpload;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Part;
import io.coffer.model.PresignedUrl;
import io.coffer.model.Segment;
import io.coffer.model.Stats;
import io.coffer.model.Storage;
import io.coffer.model.StoredChecksum;
import io.coffer.model.UploadListing;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The behaviour every metadata store has, run against SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class MetadataStoreTest {
  @Parameter Stores.Kind kind;
  @TempDir Path dir;
  Stores stores;
  MetadataStore store;
  Credential alice;

  @BeforeEach
  void open() {
    stores = Stores.create(kind, dir);
    store = stores.open(true);
    alice = store.createCredential("AKALICE", "secret", "alice", T0);
    store.createBucket("b", alice.id(), "us-east-1", T0, false);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(CofferException.class)
        .extracting(e -> ((CofferException) e).code())
        .isEqualTo(code);
  }

  // ---- credentials ----

  @Test
  void credentials() {
    assertThat(alice.id()).isPositive();
    assertThat(alice.active()).isTrue();
    assertThat(alice.createdAt()).isEqualTo(T0);
    assertCode(
        () -> store.createCredential("AKALICE", "x", "y", T0), ErrorCode.CREDENTIAL_ALREADY_EXISTS);
    Credential bob = store.createCredential("AKBOB", "s2", "bob", T0);
    assertThat(store.findCredential(bob.id())).contains(bob);
    assertThat(store.findCredentialByAccessKey("AKBOB")).contains(bob);
    assertThat(store.findCredentialByAccessKey("nope")).isEmpty();
    assertThat(store.listCredentials()).containsExactly(alice, bob);

    Credential renamed = store.updateCredential(bob.id(), "robert", null);
    assertThat(renamed.userName()).isEqualTo("robert");
    assertThat(renamed.active()).isTrue();
    Credential disabled = store.updateCredential(bob.id(), null, false);
    assertThat(disabled.userName()).isEqualTo("robert");
    assertThat(disabled.active()).isFalse();
    assertCode(() -> store.updateCredential(999, "x", true), ErrorCode.NO_SUCH_CREDENTIAL);

    PresignedUrl url =
        store.createPresignedUrl("h1", "b", "k", "GET", bob.id(), T0.plusSeconds(60), T0);
    assertThat(store.stats(T0).activePresignedUrls()).isEqualTo(1);
    store.deleteCredential(bob.id());
    assertThat(store.findCredential(bob.id())).isEmpty();
    assertThat(store.findPresignedUrlByHash("h1").orElseThrow().revoked()).isTrue();
    assertThat(store.findPresignedUrlByHash("h1").orElseThrow().accessKey()).isEqualTo("AKBOB");
    assertThat(url.revoked()).isFalse();
    assertThat(store.stats(T0).activePresignedUrls()).isZero();
    assertCode(() -> store.deleteCredential(bob.id()), ErrorCode.NO_SUCH_CREDENTIAL);
    assertCode(() -> store.deleteCredential(alice.id()), ErrorCode.CREDENTIAL_IN_USE);
    assertThat(store.stats(T0).credentials()).isEqualTo(1);
  }

  // ---- buckets ----

  @Test
  void buckets() {
    Credential bob = store.createCredential("AKBOB", "s2", "bob", T0);
    assertCode(
        () -> store.createBucket("b", alice.id(), "r", T0, false),
        ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU);
    assertCode(
        () -> store.createBucket("b", bob.id(), "r", T0, false), ErrorCode.BUCKET_ALREADY_EXISTS);
    assertCode(() -> store.createBucket("c", 12345, "r", T0, false), ErrorCode.NO_SUCH_CREDENTIAL);
    Bucket a = store.createBucket("a", bob.id(), "eu-west-1", T0, false);
    assertThat(a)
        .isEqualTo(
            new Bucket(
                "a",
                a.id(),
                bob.id(),
                "eu-west-1",
                T0,
                0,
                0,
                io.coffer.model.Versioning.UNVERSIONED,
                false,
                null,
                BucketAccess.of(ObjectOwnership.OBJECT_WRITER),
                BucketFeatures.NONE));
    assertThat(a.id())
        .matches("[0-9a-f]{32}")
        .isNotEqualTo(store.findBucket("b").orElseThrow().id());
    assertThat(store.listBuckets()).extracting(Bucket::name).containsExactly("a", "b");
    assertThat(store.listBucketsOwnedBy(bob.id())).containsExactly(a);
    assertThat(store.findBucket("a")).contains(a);
    assertThat(store.findBucket("zz")).isEmpty();

    Fixtures.put(store, object("a", "k", "s1", 10, "e"), WritePrecondition.NONE);
    assertThat(store.findBucket("a").orElseThrow().objectCount()).isEqualTo(1);
    assertThat(store.findBucket("a").orElseThrow().totalSize()).isEqualTo(10);
    assertCode(() -> Fixtures.deleteBucket(store, "a"), ErrorCode.BUCKET_NOT_EMPTY);
    Replaced k = Fixtures.delete(store, "a", "k", WritePrecondition.NONE).removed();
    assertThat(Fixtures.released(store, k.releasedBlobs())).containsExactly("s1");

    store.createUpload(upload("u1", "a", "x"));
    store.createUpload(upload("u2", "a", "y"));
    store.createUpload(upload("u3", "b", "y"));
    store.putPart(part("u1", 1, "p11", 5));
    store.putPart(part("u1", 2, "p12", 5));
    store.putPart(part("u2", 1, "p21", 5));
    store.putPart(part("u3", 1, "p31", 5));
    assertThat(store.stats(T0).activeMultipartUploads()).isEqualTo(3);
    List<Part> removed = Fixtures.deleteBucket(store, "a");
    assertThat(Fixtures.released(store, Fixtures.blobsOf(removed)))
        .containsExactlyInAnyOrder("p11", "p12", "p21");
    assertThat(store.findUpload("u1")).isEmpty();
    assertThat(store.findUpload("u3")).isPresent();
    assertThat(store.stats(T0)).isEqualTo(new Stats(2, 1, 0, 0, 1, 0));
    assertCode(() -> Fixtures.deleteBucket(store, "a"), ErrorCode.NO_SUCH_BUCKET);
    assertCode(() -> store.deleteCredential(bob.id() + 100), ErrorCode.NO_SUCH_CREDENTIAL);
    store.deleteCredential(bob.id()); // owns nothing any more
  }

  // ---- objects ----

  @Test
  void putFindOverwriteDelete() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Disposition", "attachment; filename=\"a b.txt\"");
    headers.put("Cache-Control", "max-age=60");
    headers.put("Content-Encoding", "br\n\t\\ é 😀");
    ObjectMeta o =
        new ObjectMeta(
            "b",
            "dir/a b+c%20.txt",
            42,
            "\"abc\"",
            "text/plain",
            headers,
            Map.of("x", "1"),
            new StoredChecksum("SHA256", "q1w2==", StoredChecksum.FULL_OBJECT),
            T0,
            T0.plusMillis(5),
            new Storage.Blob("s1"),
            "null",
            io.coffer.model.ObjectLock.NONE,
            null,
            Map.of(),
            null);
    assertThat(Fixtures.put(store, o, WritePrecondition.NONE)).isEqualTo(Replaced.NOTHING);
    ObjectMeta found = store.findObject("b", "dir/a b+c%20.txt").orElseThrow();
    assertThat(found).isEqualTo(o);
    assertThat(new ArrayList<>(found.headers().keySet()))
        .containsExactly("Content-Disposition", "Cache-Control", "Content-Encoding");
    assertThat(store.findObject("b", "dir/a b+c%20.tx")).isEmpty();
    assertThat(store.findObject("other", "dir/a b+c%20.txt")).isEmpty();

    ObjectMeta o2 = object("b", o.key(), "s2", 7, "e2");
    Replaced r = Fixtures.put(store, o2, WritePrecondition.NONE);
    assertThat(r.previous()).isEqualTo(o);
    assertThat(Fixtures.released(store, r.releasedBlobs())).containsExactly("s1");
    assertThat(store.findBucket("b").orElseThrow().totalSize()).isEqualTo(7);

    Replaced d = Fixtures.delete(store, "b", o.key(), WritePrecondition.NONE).removed();
    assertThat(d.previous()).isEqualTo(o2);
    assertThat(Fixtures.released(store, d.releasedBlobs())).containsExactly("s2");
    assertThat(Fixtures.delete(store, "b", o.key(), WritePrecondition.NONE).removed())
        .isEqualTo(Replaced.NOTHING);
    assertThat(store.findBucket("b").orElseThrow().objectCount()).isZero();
    assertCode(
        () -> Fixtures.put(store, object("nob", "k", "s", 1, "e"), WritePrecondition.NONE),
        ErrorCode.NO_SUCH_BUCKET);
    assertCode(
        () -> Fixtures.delete(store, "nob", "k", WritePrecondition.NONE), ErrorCode.NO_SUCH_BUCKET);
  }

  @Test
  void inlineObjectsKeepBytesButReleaseNoBlob() {
    byte[] data = {1, 2, 3, 0, -1};
    ObjectMeta o = inline("b", "small", "s1", data, "e1");
    Fixtures.put(store, o, WritePrecondition.NONE);
    ObjectMeta found = store.findObject("b", "small").orElseThrow();
    assertThat(Fixtures.inlineBytes(found)).containsExactly(data);
    assertThat(found.checksum()).isEqualTo(o.checksum());
    ListPage page = store.listObjects(new ListQuery("b", "", null, null, 10));
    assertThat(page.objects()).hasSize(1);
    assertThat(page.objects().get(0).size()).isEqualTo(5);
    Set<String> blobs = new HashSet<>();
    store.forEachReferencedBlob(blobs::add);
    assertThat(blobs).isEmpty();
    Replaced r = Fixtures.put(store, object("b", "small", "s2", 100, "e2"), WritePrecondition.NONE);
    assertThat(Fixtures.inlineBytes(r.previous())).containsExactly(data);
    assertThat(Fixtures.released(store, r.releasedBlobs())).isEmpty();
  }

  @Test
  void preconditions() {
    ObjectMeta o = object("b", "lock", "s1", 1, "\"e1\"");
    assertCode(
        () -> Fixtures.put(store, o, new WritePrecondition("e1", false)), ErrorCode.NO_SUCH_KEY);
    assertCode(
        () -> Fixtures.delete(store, "b", "lock", new WritePrecondition("e1", false)),
        ErrorCode.NO_SUCH_KEY);
    Fixtures.put(store, o, new WritePrecondition(null, true));
    assertCode(
        () ->
            Fixtures.put(
                store, object("b", "lock", "s2", 1, "e2"), new WritePrecondition(null, true)),
        ErrorCode.PRECONDITION_FAILED);
    assertCode(
        () ->
            Fixtures.put(
                store,
                object("b", "lock", "s2", 1, "e2"),
                new WritePrecondition("\"other\"", false)),
        ErrorCode.PRECONDITION_FAILED);
    // quoted and unquoted forms match
    Replaced r1 =
        Fixtures.put(store, object("b", "lock", "s2", 1, "e2"), new WritePrecondition("e1", false));
    Replaced r2 =
        Fixtures.put(
            store, object("b", "lock", "s3", 1, "\"e3\""), new WritePrecondition("\"e2\"", false));
    assertThat(Fixtures.released(store, r1.releasedBlobs(), r2.releasedBlobs()))
        .containsExactlyInAnyOrder("s1", "s2");
    assertCode(
        () -> Fixtures.delete(store, "b", "lock", new WritePrecondition("e2", false)),
        ErrorCode.PRECONDITION_FAILED);
    // the failed operations left nothing behind
    assertThat(Fixtures.storageId(store.findObject("b", "lock").orElseThrow())).isEqualTo("s3");
    assertThat(store.findBucket("b").orElseThrow().objectCount()).isEqualTo(1);
    Replaced d = Fixtures.delete(store, "b", "lock", new WritePrecondition("e3", false)).removed();
    assertThat(Fixtures.released(store, d.releasedBlobs())).containsExactly("s3");
  }

  // ---- multipart ----

  @Test
  void multipartLifecycle() {
    MultipartUpload u = upload("u1", "b", "big");
    store.createUpload(u);
    assertThat(store.findUpload("u1")).contains(u);
    assertCode(() -> store.createUpload(upload("u2", "nob", "k")), ErrorCode.NO_SUCH_BUCKET);
    assertThat(Fixtures.released(store, store.putPart(part("u1", 1, "p1", 5)).stream().toList()))
        .isEmpty();
    assertThat(Fixtures.released(store, store.putPart(part("u1", 1, "p1b", 5)).stream().toList()))
        .containsExactly("p1");
    store.putPart(part("u1", 2, "p2", 5));
    store.putPart(part("u1", 3, "p3", 3));
    store.putPart(part("u1", 4, "p4", 3));
    assertCode(() -> store.putPart(part("nope", 1, "x", 1)), ErrorCode.NO_SUCH_UPLOAD);
    assertThat(store.listParts("u1", 0, 2)).extracting(Part::partNumber).containsExactly(1, 2);
    assertThat(store.listParts("u1", 2, 10)).extracting(Part::partNumber).containsExactly(3, 4);
    assertThat(store.listParts("u1", 1, 1).get(0)).isEqualTo(part("u1", 2, "p2", 5));

    // an existing single-piece object gets replaced
    Fixtures.put(store, object("b", "big", "old", 9, "e0"), WritePrecondition.NONE);
    List<Segment> segs =
        List.of(part("u1", 1, "p1b", 5).toSegment(), part("u1", 3, "p3", 3).toSegment());
    ObjectMeta mp = multipartObject("b", "big", "m1", 8, "etag-2", 2);
    assertCode(
        () ->
            Fixtures.complete(
                store,
                "u1",
                mp,
                List.of(part("u1", 1, "p1", 5).toSegment()),
                WritePrecondition.NONE),
        ErrorCode.INVALID_PART);
    assertCode(
        () -> Fixtures.complete(store, "u1", mp, segs, new WritePrecondition(null, true)),
        ErrorCode.PRECONDITION_FAILED);
    assertThat(store.findUpload("u1")).isPresent();
    Completed done = Fixtures.complete(store, "u1", mp, segs, new WritePrecondition("e0", false));
    assertThat(Fixtures.released(store, done.replaced().releasedBlobs(), done.unusedPartBlobs()))
        .containsExactlyInAnyOrder("old", "p2", "p4");
    assertThat(store.findUpload("u1")).isEmpty();
    assertThat(store.listParts("u1", 0, 100)).isEmpty();
    assertThat(store.findObject("b", "big")).contains(mp);
    assertThat(store.findSegments("m1")).containsExactlyElementsOf(segs);
    assertThat(store.stats(T0).activeMultipartUploads()).isZero();
    assertThat(store.stats(T0).objects()).isEqualTo(1);
    assertThat(store.stats(T0).totalStorage()).isEqualTo(8);
    // completing again is a retry: the remembered answer, nothing changes (CompletedUploadsTest)
    Completed retry = Fixtures.complete(store, "u1", mp, segs, WritePrecondition.NONE);
    assertThat(Fixtures.released(store, retry.replaced().releasedBlobs(), retry.unusedPartBlobs()))
        .isEmpty();
    assertThat(store.stats(T0).objects()).isEqualTo(1);

    Set<String> blobs = new HashSet<>();
    store.forEachReferencedBlob(blobs::add);
    assertThat(blobs).containsExactlyInAnyOrder("p1b", "p3");

    // overwriting a multipart object releases its segments
    Replaced r = Fixtures.put(store, object("b", "big", "s9", 1, "e9"), WritePrecondition.NONE);
    assertThat(Fixtures.released(store, r.releasedBlobs())).containsExactlyInAnyOrder("p1b", "p3");
    assertThat(store.findSegments("m1")).isEmpty();

    // abort
    store.createUpload(upload("u3", "b", "k"));
    store.putPart(part("u3", 1, "q1", 1));
    store.putPart(part("u3", 2, "q2", 1));
    assertThat(Fixtures.released(store, Fixtures.blobsOf(store.abortUpload("u3"))))
        .containsExactlyInAnyOrder("q1", "q2");
    assertCode(() -> store.abortUpload("u3"), ErrorCode.NO_SUCH_UPLOAD);
    assertThat(store.stats(T0).activeMultipartUploads()).isZero();
  }

  @Test
  void deletingMultipartObjectReleasesSegments() {
    store.createUpload(upload("u1", "b", "k"));
    store.putPart(part("u1", 1, "p1", 5));
    store.putPart(part("u1", 2, "p2", 5));
    List<Segment> segs = store.listParts("u1", 0, 10).stream().map(Part::toSegment).toList();
    Fixtures.complete(
        store, "u1", multipartObject("b", "k", "m", 10, "e-2", 2), segs, WritePrecondition.NONE);
    Replaced d = Fixtures.delete(store, "b", "k", WritePrecondition.NONE).removed();
    assertThat(Fixtures.released(store, d.releasedBlobs())).containsExactlyInAnyOrder("p1", "p2");
    assertThat(store.findSegments("m")).isEmpty();
    assertThat(store.stats(T0).objects()).isZero();
  }

  @Test
  void listUploadsOrderMarkersAndDelimiter() {
    // initiation order differs from upload-ID order on purpose
    store.createUpload(upload("z1", "b", "a/x"));
    store.createUpload(upload("c2", "b", "k"));
    store.createUpload(upload("a3", "b", "k"));
    store.createUpload(upload("b4", "b", "k"));
    store.createUpload(upload("y5", "b", "a/y"));
    store.createUpload(upload("x6", "b", "m"));
    UploadListing all = store.listUploads("b", "", null, null, null, 100);
    assertThat(all.uploads())
        .extracting(MultipartUpload::uploadId)
        .containsExactly("z1", "y5", "c2", "a3", "b4", "x6");
    assertThat(all.truncated()).isFalse();
    assertThat(all.nextKeyMarker()).isNull();

    UploadListing p1 = store.listUploads("b", "", null, null, null, 3);
    assertThat(p1.uploads())
        .extracting(MultipartUpload::uploadId)
        .containsExactly("z1", "y5", "c2");
    assertThat(p1.truncated()).isTrue();
    assertThat(p1.nextKeyMarker()).isEqualTo("k");
    assertThat(p1.nextUploadIdMarker()).isEqualTo("c2");
    UploadListing p2 =
        store.listUploads("b", "", null, p1.nextKeyMarker(), p1.nextUploadIdMarker(), 2);
    assertThat(p2.uploads()).extracting(MultipartUpload::uploadId).containsExactly("a3", "b4");
    assertThat(p2.truncated()).isTrue();
    UploadListing p3 =
        store.listUploads("b", "", null, p2.nextKeyMarker(), p2.nextUploadIdMarker(), 2);
    assertThat(p3.uploads()).extracting(MultipartUpload::uploadId).containsExactly("x6");
    assertThat(p3.truncated()).isFalse();
    // key marker without upload-ID marker: keys after it
    assertThat(store.listUploads("b", "", null, "k", null, 10).uploads())
        .extracting(MultipartUpload::uploadId)
        .containsExactly("x6");

    UploadListing grouped = store.listUploads("b", "", "/", null, null, 2);
    assertThat(grouped.commonPrefixes()).containsExactly("a/");
    assertThat(grouped.uploads()).extracting(MultipartUpload::uploadId).containsExactly("c2");
    assertThat(grouped.truncated()).isTrue();
    UploadListing g1 = store.listUploads("b", "", "/", null, null, 1);
    assertThat(g1.commonPrefixes()).containsExactly("a/");
    assertThat(g1.nextKeyMarker()).isEqualTo("a/");
    assertThat(g1.nextUploadIdMarker()).isNull();
    UploadListing g2 = store.listUploads("b", "", "/", "a/", null, 10);
    assertThat(g2.commonPrefixes()).isEmpty();
    assertThat(g2.uploads())
        .extracting(MultipartUpload::uploadId)
        .containsExactly("c2", "a3", "b4", "x6");
    assertThat(store.listUploads("b", "a/", "/", null, null, 10).uploads())
        .extracting(MultipartUpload::uploadId)
        .containsExactly("z1", "y5");
    assertThat(store.listUploads("b", "", null, null, null, 0).uploads()).isEmpty();
  }

  // ---- listing ----

  @Test
  void listingUsesUtf8ByteOrder() {
    // U+FF61 sorts after U+1F600 in UTF-16 (0xFF61 > 0xD83D) but before it in UTF-8 (EF < F0)
    List<String> keys = List.of("a", "a/b", "é", "\uFF61", "😀", "😀/x", "z", "a b", "a+b", "a%2F");
    int i = 0;
    for (String k : keys) {
      Fixtures.put(store, object("b", k, "s" + i++, 1, "e"), WritePrecondition.NONE);
    }
    List<String> expected = keys.stream().sorted(Fixtures.UTF8_ORDER).toList();
    assertThat(expected.indexOf("\uFF61")).isLessThan(expected.indexOf("😀"));
    ListPage page = store.listObjects(new ListQuery("b", "", null, null, 100));
    assertThat(page.objects()).extracting(ListedObject::key).containsExactlyElementsOf(expected);
    ListPage after = store.listObjects(new ListQuery("b", "", null, "\uFF61", 100));
    assertThat(after.objects()).extracting(ListedObject::key).containsExactly("😀", "😀/x");
    ListPage grouped = store.listObjects(new ListQuery("b", "", "/", null, 100));
    assertThat(grouped.commonPrefixes()).containsExactly("a/", "😀/");
    ListPage prefixed = store.listObjects(new ListQuery("b", "😀", null, null, 100));
    assertThat(prefixed.objects()).extracting(ListedObject::key).containsExactly("😀", "😀/x");
  }

  @Test
  void listingPagesThroughCommonPrefixes() {
    for (String k : List.of("a/1", "a/2", "b", "c/1", "c/d/2", "d")) {
      Fixtures.put(store, object("b", k, "s-" + k, 1, "e"), WritePrecondition.NONE);
    }
    ListPage p1 = store.listObjects(new ListQuery("b", "", "/", null, 2));
    assertThat(p1.commonPrefixes()).containsExactly("a/");
    assertThat(p1.objects()).extracting(ListedObject::key).containsExactly("b");
    assertThat(p1.truncated()).isTrue();
    assertThat(p1.lastReturned()).isEqualTo("b");
    ListPage p2 = store.listObjects(new ListQuery("b", "", "/", "b", 1));
    assertThat(p2.commonPrefixes()).containsExactly("c/");
    assertThat(p2.lastReturned()).isEqualTo("c/");
    assertThat(p2.truncated()).isTrue();
    ListPage p3 = store.listObjects(new ListQuery("b", "", "/", "c/", 1));
    assertThat(p3.objects()).extracting(ListedObject::key).containsExactly("d");
    assertThat(p3.truncated()).isFalse();
    // marker inside a common prefix: the prefix is not repeated
    ListPage p4 = store.listObjects(new ListQuery("b", "", "/", "a/1", 10));
    assertThat(p4.commonPrefixes()).containsExactly("c/");
    ListPage none = store.listObjects(new ListQuery("b", "", "/", null, 0));
    assertThat(none.objects()).isEmpty();
    assertThat(none.truncated()).isFalse();
    assertThat(none.lastReturned()).isNull();
    ListPage multiCharDelimiter = store.listObjects(new ListQuery("b", "c", "/d/", null, 10));
    assertThat(multiCharDelimiter.commonPrefixes()).containsExactly("c/d/");
    assertThat(multiCharDelimiter.objects()).extracting(ListedObject::key).containsExactly("c/1");
  }

  // ---- presigned URLs and stats ----

  @Test
  void presignedUrlsAndStats() {
    PresignedUrl a =
        store.createPresignedUrl("ha", "b", "k", "GET", alice.id(), T0.plusSeconds(10), T0);
    PresignedUrl b =
        store.createPresignedUrl("hb", "b", "k2", "PUT", alice.id(), T0.plusSeconds(100), T0);
    assertThat(a.accessKey()).isEqualTo("AKALICE");
    assertThat(a.expiresAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(store.findPresignedUrlByHash("hb")).contains(b);
    assertThat(store.listPresignedUrls()).containsExactly(a, b);
    assertCode(
        () -> store.createPresignedUrl("hc", "b", "k", "GET", 999, T0, T0),
        ErrorCode.NO_SUCH_CREDENTIAL);
    assertThat(store.stats(T0).activePresignedUrls()).isEqualTo(2);
    assertThat(store.stats(T0.plusSeconds(10)).activePresignedUrls()).isEqualTo(1);
    store.revokePresignedUrl(b.id());
    assertThat(store.stats(T0).activePresignedUrls()).isEqualTo(1);
    assertCode(() -> store.revokePresignedUrl(12345), ErrorCode.NO_SUCH_PRESIGNED_URL);
    store.revokePresignedUrlsOf(alice.id());
    assertThat(store.stats(T0).activePresignedUrls()).isZero();
    assertThat(store.listPresignedUrls()).allMatch(PresignedUrl::revoked);
    assertThat(store.stats(T0)).isEqualTo(new Stats(1, 1, 0, 0, 0, 0));
  }

  // ---- persistence and lifecycle ----

  @Test
  void survivesReopen() {
    Fixtures.put(store, object("b", "k/é", "s1", 3, "e"), WritePrecondition.NONE);
    Fixtures.put(store, inline("b", "tiny", "s2", new byte[] {9}, "e"), WritePrecondition.NONE);
    store.createUpload(upload("u1", "b", "k"));
    store.putPart(part("u1", 1, "p1", 5));
    store.createPresignedUrl("h", "b", "k", "GET", alice.id(), T0.plusSeconds(60), T0);
    Stats before = store.stats(T0);
    store.close();
    store.close(); // idempotent
    assertCode(() -> store.findBucket("b"), ErrorCode.SERVICE_UNAVAILABLE);

    store = stores.open(false);
    assertThat(store.stats(T0)).isEqualTo(before);
    assertThat(store.findObject("b", "k/é").orElseThrow().size()).isEqualTo(3);
    assertThat(Fixtures.inlineBytes(store.findObject("b", "tiny").orElseThrow()))
        .containsExactly(9);
    assertThat(store.listParts("u1", 0, 10)).containsExactly(part("u1", 1, "p1", 5));
    assertThat(store.findCredentialByAccessKey("AKALICE")).contains(alice);
    assertThat(store.findPresignedUrlByHash("h")).isPresent();
    // identifiers keep growing after reopen
    Credential bob = store.createCredential("AKBOB", "s", "bob", T0);
    assertThat(bob.id()).isGreaterThan(alice.id());
  }

  @Test
  void forEachReferencedBlobStreamsEverything() {
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      Fixtures.put(store, object("b", "k" + i, "s" + i, 1, "e"), WritePrecondition.NONE);
      expected.add("s" + i);
    }
    store.createUpload(upload("u1", "b", "k"));
    store.putPart(part("u1", 1, "p1", 5));
    expected.add("p1");
    List<String> seen = new ArrayList<>();
    store.forEachReferencedBlob(seen::add);
    assertThat(seen).hasSize(expected.size());
    assertThat(new HashSet<>(seen)).isEqualTo(expected);

    // a failing sink stops the stream and the store keeps working
    assertThatThrownBy(
            () ->
                store.forEachReferencedBlob(
                    id -> {
                      throw new IllegalStateException("stop");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.findObject("b", "k1")).isPresent();
    assertThat(store.stats(T0.plus(Duration.ofDays(1))).objects()).isEqualTo(3000);
  }
}
