package io.coffer.it.auth;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import io.coffer.model.Credential;
import io.coffer.service.CredentialService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * Each bucket belongs to the credential that created it; nobody else sees or touches it (every
 * operation another credential is refused is in {@link AuthMatrixIT}).
 */
class OwnershipIT {
  static final String ALICE_BUCKET = "alice-bucket";

  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets(ALICE_BUCKET);

  static S3Client alice;
  static S3Client bob;
  static Credential bobCredential;

  @BeforeAll
  static void setUp() {
    alice = coffer.s3();
    bobCredential = credentials().create("bob", null, null);
    bob = coffer.client(bobCredential.accessKey(), bobCredential.secretKey());
    alice.putObject(
        b -> b.bucket(ALICE_BUCKET).key("secret.txt"), RequestBody.fromString("alice's"));
  }

  @AfterAll
  static void close() {
    bob.close();
  }

  static CredentialService credentials() {
    return coffer.server().credentials();
  }

  @Test
  void listBucketsShowsOnlyTheCallersOwnBuckets() {
    bob.createBucket(b -> b.bucket("bob-bucket"));
    assertThat(bob.listBuckets().buckets())
        .extracting(Bucket::name)
        .contains("bob-bucket")
        .doesNotContain(ALICE_BUCKET);
    assertThat(alice.listBuckets().buckets())
        .extracting(Bucket::name)
        .contains(ALICE_BUCKET)
        .doesNotContain("bob-bucket");
  }

  @Test
  void creatingANameSomeoneElseOwnsIsBucketAlreadyExists() {
    assertS3Error(409, "BucketAlreadyExists", () -> bob.createBucket(b -> b.bucket(ALICE_BUCKET)));
    assertS3Error(
        409, "BucketAlreadyOwnedByYou", () -> alice.createBucket(b -> b.bucket(ALICE_BUCKET)));
    assertThat(alice.listBuckets().buckets())
        .extracting(Bucket::name)
        .containsOnlyOnce(ALICE_BUCKET);
  }

  @Test
  void invalidBucketNamesAreInvalidBucketName() throws Exception {
    // Sent raw: the SDK refuses most of these before sending. BucketIT covers the common ones.
    for (String name :
        new String[] {
          "a".repeat(64), "under_score", "dot.-dash", "dash-.dot", "sthree-x", "x-s3alias"
        }) {
      var response = RawS3.send(coffer.s3Uri(), "PUT", "/" + name, new byte[0]);
      assertThat(response.statusCode()).as(name).isEqualTo(400);
      assertThat(RawS3.errorCode(response)).as(name).isEqualTo("InvalidBucketName");
    }
    assertThat(alice.listBuckets().buckets())
        .extracting(Bucket::name)
        .noneMatch(n -> n.contains("_") || n.length() > 63);
    String longest = "b".repeat(63);
    alice.createBucket(b -> b.bucket(longest));
    alice.headBucket(b -> b.bucket(longest));
  }

  @Test
  void aBucketWithObjectsIsBucketNotEmptyForItsOwner() {
    alice.createBucket(b -> b.bucket("alice-full"));
    alice.putObject(b -> b.bucket("alice-full").key("k"), RequestBody.fromString("x"));
    assertS3Error(409, "BucketNotEmpty", () -> alice.deleteBucket(b -> b.bucket("alice-full")));
    alice.headBucket(b -> b.bucket("alice-full"));
    alice.deleteObject(b -> b.bucket("alice-full").key("k"));
    alice.deleteBucket(b -> b.bucket("alice-full"));
    assertS3Error(404, "NoSuchBucket", () -> alice.headBucket(b -> b.bucket("alice-full")));
  }

  @Test
  void getBucketLocationAnswersTheOwner() {
    assertThat(alice.getBucketLocation(b -> b.bucket(ALICE_BUCKET)).locationConstraintAsString())
        .isEmpty();
  }

  @Test
  void anInactiveCredentialIsRefused() {
    Credential carol = credentials().create("carol", null, null);
    try (S3Client client = coffer.client(carol.accessKey(), carol.secretKey())) {
      client.createBucket(b -> b.bucket("carol-bucket"));
      credentials().update(carol.id(), null, false);
      // AWS answers a deactivated key as if it did not exist.
      assertS3Error(
          403, "InvalidAccessKeyId", () -> client.headBucket(b -> b.bucket("carol-bucket")));
      assertS3Error(403, "InvalidAccessKeyId", client::listBuckets);
      credentials().update(carol.id(), null, true);
      client.headBucket(b -> b.bucket("carol-bucket"));
    }
  }
}
