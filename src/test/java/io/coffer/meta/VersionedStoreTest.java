package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.MetadataStore.Deleted;
import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.DeleteMarker;
import io.coffer.model.ErrorCode;
import io.coffer.model.KeyVersion;
import io.coffer.model.LegalHold;
import io.coffer.model.ListedVersion;
import io.coffer.model.ObjectLock;
import io.coffer.model.ObjectMeta;
import io.coffer.model.RetentionMode;
import io.coffer.model.VersionPage;
import io.coffer.model.VersionQuery;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's versioning semantics: what each write and delete does to a key's versions. */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class VersionedStoreTest {
  @Parameter Stores.Kind kind;
  Stores stores;
  private static final String V1 = "00000000000000000000000000000001";
  private static final String V2 = "00000000000000000000000000000002";
  private static final String V3 = "00000000000000000000000000000003";

  @TempDir Path dir;
  MetadataStore store;
  Bucket bucket;

  @BeforeEach
  void open() {
    stores = Stores.create(kind, dir);
    store = stores.open(false);
    long owner = store.createCredential("AK", "SK", "u", T0).id();
    bucket = store.createBucket("b", owner, "r", T0, false);
  }

  @AfterEach
  void close() {
    stores.close();
  }

  private ObjectMeta put(String key, String blob, long size, String versionId) {
    return store
        .putObject(
            bucket.id(),
            Fixtures.object("b", key, blob, size, "e-" + blob).withVersion(versionId),
            WritePrecondition.NONE,
            null)
        .object();
  }

  private Deleted delete(String key, String versionId, String markerId) {
    return store.deleteObject(
        "b", key, versionId, WritePrecondition.NONE, markerId, T0, false, null);
  }

  private List<String> versionIds(String key) {
    List<String> ids = new ArrayList<>();
    for (ListedVersion v : listAll().versions()) {
      if (v.key().equals(key)) {
        ids.add(v.versionId() + (v.deleteMarker() ? "(marker)" : "") + (v.latest() ? "*" : ""));
      }
    }
    return ids;
  }

  private VersionPage listAll() {
    return store.listVersions(new VersionQuery("b", "", null, null, null, 1000));
  }

  private Bucket bucketNow() {
    return store.findBucket("b").orElseThrow();
  }

  @Test
  void unversionedWritesKeepOneNullVersion() {
    assertThat(put("k", "s1", 3, V1).versionId()).isEqualTo(KeyVersion.NULL_VERSION);
    assertThat(put("k", "s2", 5, V2).versionId()).isEqualTo(KeyVersion.NULL_VERSION);
    assertThat(versionIds("k")).containsExactly("null*");
    assertThat(bucketNow().totalSize()).isEqualTo(5);
  }

  @Test
  void enabledWritesKeepEveryVersionNewestFirst() {
    put("k", "s0", 1, V1); // before versioning: the null version
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    assertThat(put("k", "s1", 2, V2).versionId()).isEqualTo(V2);
    assertThat(put("k", "s2", 4, V3).versionId()).isEqualTo(V3);
    assertThat(versionIds("k")).containsExactly(V3 + "*", V2, "null");
    assertThat(bucketNow().objectCount()).isEqualTo(1);
    assertThat(bucketNow().totalSize()).isEqualTo(7);
    assertThat(store.findVersion("b", "k", V2).orElseThrow())
        .isInstanceOfSatisfying(ObjectMeta.class, m -> assertThat(m.size()).isEqualTo(2));
    assertThat(store.findVersion("b", "k", "null")).isPresent();
    assertThat(store.findVersion("b", "k", "0000000000000000000000000000000f")).isEmpty();
  }

  @Test
  void deleteAddsAMarkerAndDeletingTheMarkerBringsTheObjectBack() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    put("k", "s1", 2, V1);
    Deleted d = delete("k", null, V2);
    assertThat(d.deleteMarker()).isTrue();
    assertThat(d.versionId()).isEqualTo(V2);
    assertThat(Fixtures.released(store, d.removed().releasedBlobs())).isEmpty();
    assertThat(store.findObject("b", "k")).isEmpty();
    assertThat(store.findVersion("b", "k", null).orElseThrow()).isInstanceOf(DeleteMarker.class);
    assertThat(versionIds("k")).containsExactly(V2 + "(marker)*", V1);
    assertThat(bucketNow().objectCount()).isZero();
    assertThat(bucketNow().totalSize()).isEqualTo(2);
    assertThat(store.listObjects(new io.coffer.model.ListQuery("b", "", null, null, 10)).objects())
        .isEmpty();

    Deleted undo = delete("k", V2, "unused0000000000000000000000000");
    assertThat(undo.deleteMarker()).isTrue();
    assertThat(store.findObject("b", "k").orElseThrow().versionId()).isEqualTo(V1);
    assertThat(bucketNow().objectCount()).isEqualTo(1);
  }

  @Test
  void deletingTheCurrentVersionPromotesTheNextAndReleasesOnlyItsBlob() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    put("k", "s1", 2, V1);
    put("k", "s2", 3, V2);
    Deleted d = delete("k", V2, V3);
    assertThat(d.deleteMarker()).isFalse();
    assertThat(Fixtures.released(store, d.removed().releasedBlobs())).containsExactly("s2");
    assertThat(store.findObject("b", "k").orElseThrow().versionId()).isEqualTo(V1);
    assertThat(bucketNow().objectCount()).isEqualTo(1);
    assertThat(bucketNow().totalSize()).isEqualTo(2);
    assertThat(Fixtures.released(store, delete("k", V1, V3).removed().releasedBlobs()))
        .containsExactly("s1");
    assertThat(versionIds("k")).isEmpty();
    assertThat(bucketNow().objectCount()).isZero();
    assertThat(bucketNow().totalSize()).isZero();
    // an unknown version: nothing happens
    assertThat(delete("k", V1, V3).removed().existed()).isFalse();
  }

  @Test
  void suspendedWritesReplaceTheNullVersionAndKeepOthers() {
    put("k", "s0", 1, V1); // null version
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    put("k", "s1", 2, V2);
    store.setVersioning("b", bucket.id(), Versioning.SUSPENDED);
    var written =
        store.putObject(
            bucket.id(),
            Fixtures.object("b", "k", "s2", 4, "e").withVersion(V3),
            WritePrecondition.NONE,
            null);
    assertThat(written.object().versionId()).isEqualTo("null");
    assertThat(Fixtures.released(store, written.replaced().releasedBlobs())).containsExactly("s0");
    assertThat(versionIds("k")).containsExactly("null*", V2);
    assertThat(bucketNow().totalSize()).isEqualTo(6);

    Deleted d = delete("k", null, V1);
    assertThat(d.deleteMarker()).isTrue();
    assertThat(d.versionId()).isEqualTo("null");
    assertThat(Fixtures.released(store, d.removed().releasedBlobs())).containsExactly("s2");
    assertThat(versionIds("k")).containsExactly("null(marker)*", V2);
    assertThat(bucketNow().totalSize()).isEqualTo(2);
  }

  @Test
  void writesAfterAMarkerAreCurrentAndIfNoneMatchSeesTheMarkerAsAbsent() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    put("k", "s1", 1, V1);
    delete("k", null, V2);
    var written =
        store.putObject(
            bucket.id(),
            Fixtures.object("b", "k", "s3", 1, "e").withVersion(V3),
            new WritePrecondition(null, true),
            null);
    assertThat(written.object().versionId()).isEqualTo(V3);
    assertThat(versionIds("k")).containsExactly(V3 + "*", V2 + "(marker)", V1);
  }

  @Test
  void listingPagesThroughVersionsWithMarkers() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    put("a", "s1", 1, V1);
    put("a", "s2", 1, V2);
    delete("a", null, V3);
    put("b/x", "s4", 1, "00000000000000000000000000000004");
    put("c", "s5", 1, "00000000000000000000000000000005");
    List<String> seen = new ArrayList<>();
    String keyMarker = null;
    String versionMarker = null;
    for (int pages = 0; pages < 10; pages++) {
      VersionPage page =
          store.listVersions(new VersionQuery("b", "", "/", keyMarker, versionMarker, 2));
      page.versions().forEach(v -> seen.add(v.key() + "@" + v.versionId()));
      page.commonPrefixes().forEach(p -> seen.add(p));
      if (!page.truncated()) {
        break;
      }
      keyMarker = page.nextKeyMarker();
      versionMarker = page.nextVersionIdMarker();
    }
    assertThat(seen)
        .containsExactly(
            "a@" + V3, "a@" + V2, "a@" + V1, "b/", "c@00000000000000000000000000000005");
  }

  @Test
  void lockedVersionsCannotBeDeletedButGetAMarker() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    store.setObjectLock("b", bucket.id(), null);
    store.putObject(
        bucket.id(),
        Fixtures.object("b", "k", "s1", 1, "e")
            .withVersion(V1)
            .withLock(new ObjectLock(RetentionMode.GOVERNANCE, T0.plus(Duration.ofDays(1)), null)),
        WritePrecondition.NONE,
        null);
    assertThatThrownBy(() -> delete("k", V1, V2))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    assertThat(delete("k", null, V2).deleteMarker()).isTrue();
    // bypassing governance retention removes it
    assertThat(
            Fixtures.released(
                store,
                store
                    .deleteObject("b", "k", V1, WritePrecondition.NONE, V3, T0, true, null)
                    .removed()
                    .releasedBlobs()))
        .containsExactly("s1");
  }

  @Test
  void lockChangesApplyToTheNamedVersion() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    put("k", "s1", 1, V1);
    put("k", "s2", 1, V2);
    store.updateLock("b", "k", V1, lock -> lock.withLegalHold(io.coffer.model.LegalHold.ON));
    assertThat(((ObjectMeta) store.findVersion("b", "k", V1).orElseThrow()).lock().legalHoldOn())
        .isTrue();
    assertThat(store.findObject("b", "k").orElseThrow().lock().legalHoldOn()).isFalse();
    delete("k", null, V3);
    assertThatThrownBy(() -> store.updateLock("b", "k", V3, lock -> lock))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED));
  }

  @Test
  void aBucketWithOnlyVersionsIsNotEmpty() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    put("k", "s1", 1, V1);
    delete("k", null, V2);
    assertThatThrownBy(() -> store.deleteBucket("b", bucket.id()))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BUCKET_NOT_EMPTY));
  }

  @Test
  void objectLockNeedsVersioningAndForbidsSuspending() {
    assertThatThrownBy(() -> store.setObjectLock("b", bucket.id(), null))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUCKET_STATE));
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    assertThat(store.setObjectLock("b", bucket.id(), null).objectLock()).isTrue();
    assertThatThrownBy(() -> store.setVersioning("b", bucket.id(), Versioning.SUSPENDED))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUCKET_STATE));
    assertThat(store.findBucketRef("b").orElseThrow().objectLock()).isTrue();
  }

  @Test
  void everyPartOfALockIsStoredAsWritten() {
    store.setVersioning("b", bucket.id(), Versioning.ENABLED);
    store.setObjectLock("b", bucket.id(), null);
    List<ObjectLock> locks =
        List.of(
            new ObjectLock(RetentionMode.COMPLIANCE, T0.plusMillis(1234), LegalHold.OFF),
            new ObjectLock(null, null, LegalHold.ON),
            new ObjectLock(RetentionMode.GOVERNANCE, T0, null),
            ObjectLock.NONE);
    for (int i = 0; i < locks.size(); i++) {
      String id = String.format("%032x", i + 1);
      store.putObject(
          bucket.id(),
          Fixtures.object("b", "k", "s" + i, 1, "e").withVersion(id).withLock(locks.get(i)),
          WritePrecondition.NONE,
          null);
      assertThat(((ObjectMeta) store.findVersion("b", "k", id).orElseThrow()).lock())
          .isEqualTo(locks.get(i));
    }
    assertThat(listAll().versions())
        .extracting(ListedVersion::lock)
        .containsExactlyElementsOf(locks.reversed());
  }
}
