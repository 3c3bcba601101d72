package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.Bucket;
import io.coffer.model.BucketEncryption;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import io.coffer.model.ObjectMeta;
import io.coffer.model.Versioning;
import io.coffer.model.WritePrecondition;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Schema version 8: how each version and upload is encrypted, a bucket's default encryption and the
 * named KMS keys are kept and read back as written; a version 7 database migrates with none set.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Stores.Kind.class)
public class EncryptionStoreTest {
  @Parameter Stores.Kind kind;
  @TempDir Path dir;

  public static final Encryption KMS =
      new Encryption(Encryption.Mode.KMS, "app-key", new byte[] {1, 2, 3}, "e30=", true, null);
  static final Encryption CUSTOMER =
      new Encryption(Encryption.Mode.CUSTOMER, "", new byte[] {4, 5}, null, false, new byte[] {9});

  @Test
  void versionsKeepTheirEncryptionWhenTheyBecomeNoncurrent() {
    try (Stores stores = Stores.create(kind, dir)) {
      MetadataStore store = stores.open(true);
      Credential alice = store.createCredential("AK", "s", "alice", T0);
      Bucket b = store.createBucket("b", alice.id(), "r", T0, false);
      store.setVersioning("b", b.id(), Versioning.ENABLED);
      String v1 = "00000000000000000001";
      Fixtures.put(
          store,
          Fixtures.object("b", "k", "s1", 10, "e1").withVersion(v1).withEncryption(KMS),
          WritePrecondition.NONE);
      Fixtures.put(
          store,
          Fixtures.object("b", "k", "s2", 10, "e2")
              .withVersion("00000000000000000002")
              .withEncryption(CUSTOMER),
          WritePrecondition.NONE);
      assertSame(store.findObject("b", "k").orElseThrow().encryption(), CUSTOMER);
      assertThat(store.findVersion("b", "k", v1).orElseThrow())
          .isInstanceOfSatisfying(ObjectMeta.class, m -> assertSame(m.encryption(), KMS));
      Fixtures.put(store, Fixtures.object("b", "plain", "s3", 1, "e3"), WritePrecondition.NONE);
      assertThat(store.findObject("b", "plain").orElseThrow().encryption()).isNull();
    }
  }

  @Test
  void uploadsAndBucketDefaultsKeepTheirEncryption() {
    try (Stores stores = Stores.create(kind, dir)) {
      MetadataStore store = stores.open(true);
      Credential alice = store.createCredential("AK", "s", "alice", T0);
      Bucket b = store.createBucket("b", alice.id(), "r", T0, false);
      var upload = Fixtures.upload("u1", "b", "k");
      store.createUpload(
          new io.coffer.model.MultipartUpload(
              upload.uploadId(),
              upload.bucket(),
              upload.key(),
              upload.initiatorId(),
              upload.contentType(),
              upload.headers(),
              upload.userMetadata(),
              upload.checksumAlgorithm(),
              upload.checksumType(),
              upload.initiatedAt(),
              upload.lock(),
              upload.acl(),
              upload.tags(),
              KMS));
      assertSame(store.findUpload("u1").orElseThrow().encryption(), KMS);

      BucketEncryption rule = new BucketEncryption(Encryption.Mode.KMS, "app-key", true);
      assertThat(store.setBucketEncryption("b", b.id(), rule).features().encryption())
          .isEqualTo(rule);
      assertThat(store.findBucket("b").orElseThrow().features().encryption()).isEqualTo(rule);
      assertThat(store.setBucketEncryption("b", b.id(), null).features().encryption()).isNull();
    }
  }

  @Test
  void kmsKeysAreCreatedListedAndDisabled() {
    try (Stores stores = Stores.create(kind, dir)) {
      MetadataStore store = stores.open(true);
      Instant at = Instant.ofEpochMilli(T0.toEpochMilli());
      store.createKmsKey(new KmsKey("b-key", "master", new byte[] {7}, true, at));
      store.createKmsKey(new KmsKey("a-key", "master", new byte[] {8}, true, at));
      assertThatThrownBy(
              () -> store.createKmsKey(new KmsKey("a-key", "master", new byte[] {9}, true, at)))
          .isInstanceOfSatisfying(
              CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.KMS_KEY_EXISTS));
      assertThat(store.listKmsKeys()).extracting(KmsKey::name).containsExactly("a-key", "b-key");
      assertThat(store.findKmsKey("a-key").orElseThrow().sealedMaterial())
          .containsExactly((byte) 8);
      assertThat(store.setKmsKeyEnabled("a-key", false).orElseThrow().enabled()).isFalse();
      assertThat(store.findKmsKey("a-key").orElseThrow().enabled()).isFalse();
      assertThat(store.setKmsKeyEnabled("nope", false)).isEmpty();
    }
  }

  /** Records with arrays compare them by identity: compare what was stored field by field. */
  public static void assertSame(Encryption actual, Encryption expected) {
    Assertions.assertThat(actual).isNotNull();
    assertThat(actual.mode()).isEqualTo(expected.mode());
    assertThat(actual.keyId()).isEqualTo(expected.keyId());
    assertThat(actual.sealedKey()).isEqualTo(expected.sealedKey());
    assertThat(actual.kmsContext()).isEqualTo(expected.kmsContext());
    assertThat(actual.bucketKeyEnabled()).isEqualTo(expected.bucketKeyEnabled());
    assertThat(actual.customerKeyCheck()).isEqualTo(expected.customerKeyCheck());
  }
}
