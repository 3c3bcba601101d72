package io.coffer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.meta.sqlite.SqliteMetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Encryption;
import io.coffer.model.ErrorCode;
import io.coffer.model.KmsKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key store: data keys for each mode, wrong and disabled keys, master keys and rotation. */
class BuiltInKeyServiceTest {
  @TempDir Path dir;
  private SqliteMetadataStore store;

  @BeforeEach
  void open() throws Exception {
    Files.createDirectories(dir.resolve(".coffer"));
    store = SqliteMetadataStore.open(dir.resolve(".coffer/metadata.db"), false);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  void eachModeOpensItsOwnDataKeyAndKeepsNoKeyInTheClear() {
    BuiltInKeyService keys = new BuiltInKeyService(store, dir, null);
    keys.createKey("named");
    CustomerKey customer = customer();
    for (SseRequest request :
        new SseRequest[] {
          new SseRequest.S3(),
          new SseRequest.Kms("named", "eyJhIjoiYiJ9", true),
          new SseRequest.Kms(null, null, false),
          new SseRequest.Customer(customer)
        }) {
      DataKey made = keys.newDataKey(request);
      assertThat(made.key()).hasSize(32);
      assertThat(contains(made.encryption().sealedKey(), made.key())).isFalse();
      DataKey opened = keys.open(made.encryption(), customer);
      assertThat(opened.key()).as(request.toString()).isEqualTo(made.key());
    }
    assertThat(keys.keys()).extracting(KmsKey::name).contains(BuiltInKeyService.DEFAULT_KMS_KEY);
  }

  @Test
  void sseCWithoutTheKeyIs400AndWithAnotherKey403() {
    BuiltInKeyService keys = new BuiltInKeyService(store, dir, null);
    CustomerKey customer = customer();
    Encryption encryption = keys.newDataKey(new SseRequest.Customer(customer)).encryption();
    assertThat(encryption.keyId()).isEmpty();
    assertThat(encryption.customerKeyCheck()).hasSize(49);
    assertThat(contains(encryption.customerKeyCheck(), customer.key())).isFalse();
    assertCode(() -> keys.open(encryption, null), ErrorCode.INVALID_REQUEST);
    assertCode(() -> keys.open(encryption, customer()), ErrorCode.ACCESS_DENIED);
    // the same key twice: two objects' checks differ (salted)
    Encryption other = keys.newDataKey(new SseRequest.Customer(customer)).encryption();
    assertThat(other.customerKeyCheck()).isNotEqualTo(encryption.customerKeyCheck());
  }

  @Test
  void kmsKeysThatAreMissingOrDisabledNeitherEncryptNorDecrypt() {
    BuiltInKeyService keys = new BuiltInKeyService(store, dir, null);
    assertCode(
        () -> keys.newDataKey(new SseRequest.Kms("absent", null, false)), ErrorCode.KMS_NOT_FOUND);
    keys.createKey("k");
    assertCode(() -> keys.createKey("k"), ErrorCode.KMS_KEY_EXISTS);
    Encryption encryption = keys.newDataKey(new SseRequest.Kms("k", null, false)).encryption();
    assertThat(keys.setEnabled("k", false).enabled()).isFalse();
    assertCode(() -> keys.open(encryption, null), ErrorCode.KMS_DISABLED);
    assertCode(() -> keys.newDataKey(new SseRequest.Kms("k", null, false)), ErrorCode.KMS_DISABLED);
    assertCode(() -> keys.setEnabled("absent", false), ErrorCode.KMS_NOT_FOUND);
    keys.setEnabled("k", true);
    assertThat(keys.open(encryption, null).key()).hasSize(32);
    assertCode(() -> keys.createKey("bad name"), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void aSealedKeyMovedToAnotherContextOrKeyDoesNotOpen() {
    BuiltInKeyService keys = new BuiltInKeyService(store, dir, null);
    keys.createKey("a");
    keys.createKey("b");
    Encryption sealed = keys.newDataKey(new SseRequest.Kms("a", "Y3R4", false)).encryption();
    Encryption otherContext =
        new Encryption(
            sealed.mode(), "a", sealed.sealedKey(), "b3RoZXI=", sealed.bucketKeyEnabled(), null);
    Encryption otherKey =
        new Encryption(sealed.mode(), "b", sealed.sealedKey(), "Y3R4", false, null);
    assertCode(() -> keys.open(otherContext, null), ErrorCode.INTERNAL_ERROR);
    assertCode(() -> keys.open(otherKey, null), ErrorCode.INTERNAL_ERROR);
    byte[] altered = sealed.sealedKey().clone();
    altered[40] ^= 1;
    assertCode(
        () -> keys.open(new Encryption(sealed.mode(), "a", altered, "Y3R4", false, null), null),
        ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void theMasterKeyFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
    BuiltInKeyService first = new BuiltInKeyService(store, dir, null);
    Path file = dir.resolve(".coffer/master.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String content = Files.readString(file);
    Encryption encryption = first.newDataKey(new SseRequest.S3()).encryption();
    assertThat(encryption.keyId()).isEqualTo("master-1");
    BuiltInKeyService second = new BuiltInKeyService(store, dir, null);
    assertThat(Files.readString(file)).isEqualTo(content);
    assertThat(second.open(encryption, null).key()).hasSize(32);
  }

  @Test
  void theEnvironmentsKeyIsUsedAndABadOneIsRefusedWithoutShowingIt() {
    String secret = Base64.getEncoder().encodeToString(Random32.key());
    BuiltInKeyService keys = new BuiltInKeyService(store, dir, "prod:" + secret);
    assertThat(keys.newDataKey(new SseRequest.S3()).encryption().keyId()).isEqualTo("prod");
    assertThat(dir.resolve(".coffer/master.key")).doesNotExist();
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    for (String bad :
        new String[] {secret, "prod:" + shortKey, "prod:not*base64", "b d:" + secret}) {
      assertThatThrownBy(() -> new BuiltInKeyService(store, dir, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret, shortKey));
    }
  }

  @Test
  void rotationSealsNewKeysWithTheNewMasterKeyAndResealsKmsKeys() {
    String oldEntry = MasterKeys.newEntry("old");
    BuiltInKeyService before = new BuiltInKeyService(store, dir, oldEntry);
    before.createKey("kept");
    Encryption s3 = before.newDataKey(new SseRequest.S3()).encryption();
    DataKey kms = before.newDataKey(new SseRequest.Kms("kept", null, false));

    BuiltInKeyService after =
        new BuiltInKeyService(store, dir, MasterKeys.newEntry("new") + "," + oldEntry);
    assertThat(store.findKmsKey("kept").orElseThrow().masterKeyId()).isEqualTo("new");
    assertThat(after.newDataKey(new SseRequest.S3()).encryption().keyId()).isEqualTo("new");
    assertThat(after.open(kms.encryption(), null).key()).isEqualTo(kms.key());
    assertThat(after.open(s3, null).key()).hasSize(32); // through the retired key

    // Without the master key that sealed it, nothing opens (and nothing is guessed).
    BuiltInKeyService wrong = new BuiltInKeyService(store, dir, MasterKeys.newEntry("other"));
    assertCode(() -> wrong.open(s3, null), ErrorCode.INTERNAL_ERROR);
    assertCode(() -> wrong.open(kms.encryption(), null), ErrorCode.INTERNAL_ERROR);
  }

  private static CustomerKey customer() {
    return new CustomerKey(Random32.key(), "md5");
  }

  private static void assertCode(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(CofferException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
