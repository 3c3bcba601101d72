package io.coffer.it.access;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * Ownership controls and public access block over the S3 API (the AWS SDK for Java v2): round trips
 * and AWS's answers where there is nothing configured.
 */
class BucketControlsIT {
  @RegisterExtension
  static final CofferTestServer coffer = CofferTestServer.withBuckets("controls", "blocks");

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  static ObjectOwnership ownership(String bucket) {
    return s3.getBucketOwnershipControls(b -> b.bucket(bucket))
        .ownershipControls()
        .rules()
        .getFirst()
        .objectOwnership();
  }

  @Test
  void ownershipControlsRoundTrip() {
    // a bucket created without x-amz-object-ownership takes the server's default, ObjectWriter
    assertThat(ownership("controls")).isEqualTo(ObjectOwnership.OBJECT_WRITER);
    s3.putBucketOwnershipControls(
        b ->
            b.bucket("controls")
                .ownershipControls(
                    c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
    assertThat(ownership("controls")).isEqualTo(ObjectOwnership.BUCKET_OWNER_PREFERRED);
    s3.deleteBucketOwnershipControls(b -> b.bucket("controls"));
    assertS3Error(
        404,
        "OwnershipControlsNotFoundError",
        () -> s3.getBucketOwnershipControls(b -> b.bucket("controls")));
    s3.createBucket(
        b -> b.bucket("preferred").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
    assertThat(ownership("preferred")).isEqualTo(ObjectOwnership.BUCKET_OWNER_PREFERRED);
    assertS3Error(
        400,
        "MalformedXML",
        () ->
            s3.putBucketOwnershipControls(
                b ->
                    b.bucket("controls")
                        .ownershipControls(c -> c.rules(r -> r.objectOwnership("Nobody")))));
  }

  @Test
  void publicAccessBlockRoundTrip() {
    assertS3Error(
        404,
        "NoSuchPublicAccessBlockConfiguration",
        () -> s3.getPublicAccessBlock(b -> b.bucket("blocks")));
    s3.putPublicAccessBlock(
        b ->
            b.bucket("blocks")
                .publicAccessBlockConfiguration(
                    c -> c.blockPublicAcls(true).restrictPublicBuckets(true)));
    assertThat(s3.getPublicAccessBlock(b -> b.bucket("blocks")).publicAccessBlockConfiguration())
        .isEqualTo(
            PublicAccessBlockConfiguration.builder()
                .blockPublicAcls(true)
                .ignorePublicAcls(false)
                .blockPublicPolicy(false)
                .restrictPublicBuckets(true)
                .build());
    s3.deletePublicAccessBlock(b -> b.bucket("blocks"));
    assertS3Error(
        404,
        "NoSuchPublicAccessBlockConfiguration",
        () -> s3.getPublicAccessBlock(b -> b.bucket("blocks")));
  }
}
