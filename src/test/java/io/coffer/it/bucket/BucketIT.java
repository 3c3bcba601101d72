package io.coffer.it.bucket;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.RawS3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

class BucketIT {
  @RegisterExtension static final CofferTestServer coffer = new CofferTestServer();
  static S3Client s3;

  @BeforeAll
  static void client() {
    s3 = coffer.s3();
  }

  @Test
  void createListHeadLocateAndDeleteABucket() {
    s3.createBucket(b -> b.bucket("alpha-bucket"));
    assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains("alpha-bucket");
    s3.headBucket(b -> b.bucket("alpha-bucket"));
    // us-east-1 is reported as an empty location constraint, as S3 does.
    assertThat(s3.getBucketLocation(b -> b.bucket("alpha-bucket")).locationConstraintAsString())
        .isEmpty();
    s3.deleteBucket(b -> b.bucket("alpha-bucket"));
    assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).doesNotContain("alpha-bucket");
    assertS3Error(404, "NoSuchBucket", () -> s3.headBucket(b -> b.bucket("alpha-bucket")));
  }

  @Test
  void creatingAnOwnBucketTwiceIsBucketAlreadyOwnedByYou() {
    s3.createBucket(b -> b.bucket("twice-bucket"));
    assertS3Error(
        409, "BucketAlreadyOwnedByYou", () -> s3.createBucket(b -> b.bucket("twice-bucket")));
  }

  @Test
  void invalidBucketNamesAreRejected() throws Exception {
    // Sent raw: the SDK refuses most of these names before sending them.
    for (String name :
        new String[] {
          "ab", "UPPER", "-start", "end-", "a..b", "192.168.1.1", "coffer", "xn--abc"
        }) {
      var response = RawS3.send(coffer.s3Uri(), "PUT", "/" + name, new byte[0]);
      assertThat(response.statusCode()).as(name).isEqualTo(400);
      assertThat(response.body()).as(name).contains("<Code>InvalidBucketName</Code>");
    }
  }

  @Test
  void aLocationConstraintForAnotherRegionIsRejected() {
    assertS3Error(
        400,
        "InvalidLocationConstraint",
        () ->
            s3.createBucket(
                b ->
                    b.bucket("elsewhere-bucket")
                        .createBucketConfiguration(
                            c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))));
  }

  @Test
  void aBucketWithObjectsCannotBeDeleted() {
    s3.createBucket(b -> b.bucket("full-bucket"));
    s3.putObject(b -> b.bucket("full-bucket").key("k"), RequestBody.fromString("x"));
    assertS3Error(409, "BucketNotEmpty", () -> s3.deleteBucket(b -> b.bucket("full-bucket")));
    s3.deleteObject(b -> b.bucket("full-bucket").key("k"));
    s3.deleteBucket(b -> b.bucket("full-bucket"));
  }

  @Test
  void deletingAMissingBucketIsNoSuchBucket() {
    assertS3Error(404, "NoSuchBucket", () -> s3.deleteBucket(b -> b.bucket("never-made")));
  }

  @Test
  void versioningAnswersAnEmptyConfiguration() {
    s3.createBucket(b -> b.bucket("versioning-bucket"));
    assertThat(s3.getBucketVersioning(b -> b.bucket("versioning-bucket")).status()).isNull();
  }

  @Test
  void unimplementedBucketOperationsAnswerNotImplemented() {
    s3.createBucket(b -> b.bucket("website-bucket"));
    assertS3Error(
        501, "NotImplemented", () -> s3.getBucketWebsite(b -> b.bucket("website-bucket")));
    assertS3Error(
        501, "NotImplemented", () -> s3.deleteBucketWebsite(b -> b.bucket("website-bucket")));
  }
}
