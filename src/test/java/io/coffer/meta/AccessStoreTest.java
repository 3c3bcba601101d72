package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.Acl;
import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.Grant;
import io.coffer.model.Grantee;
import io.coffer.model.KeyVersion;
import io.coffer.model.ObjectMeta;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Permission;
import io.coffer.model.PublicAccessBlock;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Bucket access settings and object ACLs: what is written reads back, on every write path. */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
class AccessStoreTest {
  @Parameter Stores.Kind kind;
  Stores stores;
  private static final String V1 = "00000000000000000000000000000001";
  private static final String V2 = "00000000000000000000000000000002";

  @TempDir Path dir;
  MetadataStore store;
  long owner;
  long other;

  @BeforeEach
  void open() {
    stores = Stores.create(kind, dir);
    store = stores.open(false);
    owner = store.createCredential("AK", "SK", "u", T0).id();
    other = store.createCredential("AK2", "SK2", "v", T0).id();
  }

  @AfterEach
  void close() {
    stores.close();
  }

  private Acl publicRead(long ownerId) {
    return new Acl(ownerId, List.of(new Grant(Grantee.Group.ALL_USERS, Permission.READ)));
  }

  @Test
  void createBucketWritesItsInitialAccess() {
    Acl acl = publicRead(owner);
    Bucket created =
        store.createBucket(
            "b",
            owner,
            "r",
            T0,
            false,
            new BucketAccess(null, acl, ObjectOwnership.BUCKET_OWNER_PREFERRED, null));
    BucketAccess expected =
        new BucketAccess(null, acl, ObjectOwnership.BUCKET_OWNER_PREFERRED, null);
    assertThat(created.access()).isEqualTo(expected);
    assertThat(store.findBucket("b").orElseThrow().access()).isEqualTo(expected);
    assertThat(store.findBucketRef("b").orElseThrow().access()).isEqualTo(expected);
    assertThat(store.hasOwnershipControls("b")).isTrue();
  }

  @Test
  void settersChangeOneSettingEachAndTheCachedRefFollows() {
    Bucket b = store.createBucket("b", owner, "r", T0, false);
    store.findBucketRef("b"); // cached now
    store.setBucketPolicy("b", b.id(), "{\"Version\":\"2012-10-17\"}");
    store.setBucketAcl("b", b.id(), publicRead(owner));
    store.setPublicAccessBlock("b", b.id(), new PublicAccessBlock(true, false, true, false));
    Bucket changed = store.setObjectOwnership("b", b.id(), ObjectOwnership.BUCKET_OWNER_ENFORCED);
    BucketAccess expected =
        new BucketAccess(
            "{\"Version\":\"2012-10-17\"}",
            publicRead(owner),
            ObjectOwnership.BUCKET_OWNER_ENFORCED,
            new PublicAccessBlock(true, false, true, false));
    assertThat(changed.access()).isEqualTo(expected);
    assertThat(store.findBucketRef("b").orElseThrow().access()).isEqualTo(expected);

    store.setBucketPolicy("b", b.id(), null);
    store.setBucketAcl("b", b.id(), null);
    store.setPublicAccessBlock("b", b.id(), null);
    store.setObjectOwnership("b", b.id(), null);
    assertThat(store.findBucketRef("b").orElseThrow().access())
        .isEqualTo(BucketAccess.of(ObjectOwnership.OBJECT_WRITER));
    assertThat(store.hasOwnershipControls("b")).isFalse();
  }

  @Test
  void settersRefuseAnotherGenerationOfTheName() {
    Bucket b = store.createBucket("b", owner, "r", T0, false);
    assertThatThrownBy(() -> store.setBucketPolicy("b", "not-" + b.id(), "{}"))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SUCH_BUCKET));
  }

  @Test
  void objectAclsSurviveBecomingNoncurrentAndCanBeSetPerVersion() {
    Bucket b = store.createBucket("b", owner, "r", T0, false);
    store.setVersioning("b", b.id(), Versioning.ENABLED);
    Acl writerOwned = publicRead(other);
    store.putObject(
        b.id(),
        Fixtures.object("b", "k", "blob1", 1, "e1").withVersion(V1).withAcl(writerOwned),
        WritePrecondition.NONE,
        null);
    assertThat(store.findObject("b", "k").orElseThrow().acl()).isEqualTo(writerOwned);
    store.putObject(
        b.id(),
        Fixtures.object("b", "k", "blob2", 1, "e2").withVersion(V2),
        WritePrecondition.NONE,
        null);
    assertThat(store.findObject("b", "k").orElseThrow().acl()).isNull();
    assertThat(((ObjectMeta) store.findVersion("b", "k", V1).orElseThrow()).acl())
        .isEqualTo(writerOwned);

    Acl replaced = Acl.privateTo(other);
    assertThat(store.setObjectAcl("b", "k", V1, replaced).acl()).isEqualTo(replaced);
    assertThat(((ObjectMeta) store.findVersion("b", "k", V1).orElseThrow()).acl())
        .isEqualTo(replaced);
    store.setObjectAcl("b", "k", null, publicRead(owner));
    assertThat(store.findObject("b", "k").orElseThrow().acl()).isEqualTo(publicRead(owner));

    // the noncurrent version keeps its ACL when it becomes current again
    store.deleteObject("b", "k", V2, WritePrecondition.NONE, "unused", T0, false, null);
    assertThat(store.findObject("b", "k").orElseThrow().acl()).isEqualTo(replaced);
  }

  @Test
  void setObjectAclAnswersAsS3ForWhatIsNotThere() {
    Bucket b = store.createBucket("b", owner, "r", T0, false);
    assertThatThrownBy(() -> store.setObjectAcl("b", "absent", null, null))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SUCH_KEY));
    store.putObject(
        b.id(), Fixtures.object("b", "k", "blob1", 1, "e1"), WritePrecondition.NONE, null);
    assertThatThrownBy(() -> store.setObjectAcl("b", "k", V1, null))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_SUCH_VERSION));
    store.setVersioning("b", b.id(), Versioning.ENABLED);
    store.deleteObject("b", "k", null, WritePrecondition.NONE, V2, T0, false, null);
    assertThatThrownBy(() -> store.setObjectAcl("b", "k", V2, null))
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED));
    // the null version, now noncurrent, still takes one
    Acl acl = publicRead(owner);
    store.setObjectAcl("b", "k", KeyVersion.NULL_VERSION, acl);
    assertThat(
            ((ObjectMeta) store.findVersion("b", "k", KeyVersion.NULL_VERSION).orElseThrow()).acl())
        .isEqualTo(acl);
  }

  @Test
  void anUploadCarriesItsAclToTheCompletedObject() {
    Bucket b = store.createBucket("b", owner, "r", T0, false);
    Acl acl = publicRead(other);
    store.createUpload(Fixtures.upload("u1", "b", "k").withAcl(acl));
    assertThat(store.findUpload("u1").orElseThrow().acl()).isEqualTo(acl);
    store.putPart(Fixtures.part("u1", 1, "p1", 5));
    ObjectMeta object =
        Fixtures.multipartObject("b", "k", "s1", 5, "etag-1", 1)
            .withAcl(store.findUpload("u1").orElseThrow().acl());
    Fixtures.complete(
        store,
        "u1",
        object,
        List.of(Fixtures.part("u1", 1, "p1", 5).toSegment()),
        WritePrecondition.NONE);
    assertThat(store.findObject("b", "k").orElseThrow().acl()).isEqualTo(acl);
    assertThat(b.id()).isNotEmpty();
  }
}
