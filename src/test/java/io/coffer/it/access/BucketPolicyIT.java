package io.coffer.it.access;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.support.CofferTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket policies over the S3 API (the AWS SDK for Java v2). Tests marked as needing the policy
 * engine pass once io.coffer.policy.PolicyDocument parses documents.
 */
class BucketPolicyIT {
  static final String BUCKET = "policies";
  static final String PUBLIC_READ =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
          + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
          + BUCKET
          + "/*\"}]}";

  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);
  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
  }

  @Test
  void noPolicyIsNoSuchBucketPolicyAndDeletingNoneIsFine() {
    assertS3Error(404, "NoSuchBucketPolicy", () -> s3.getBucketPolicy(b -> b.bucket(BUCKET)));
    assertS3Error(404, "NoSuchBucketPolicy", () -> s3.getBucketPolicyStatus(b -> b.bucket(BUCKET)));
    s3.deleteBucketPolicy(b -> b.bucket(BUCKET));
  }

  @Test
  void aPolicyOverTheLimitIsRefused() {
    // 20 KB counted without whitespace: a pretty-printed document is not penalised
    String big = "{\"Id\":\"" + "x".repeat(21_000) + "\"}";
    assertS3Error(
        400, "PolicyTooLarge", () -> s3.putBucketPolicy(b -> b.bucket(BUCKET).policy(big)));
  }

  @Test
  void putGetStatusDelete() {
    s3.putBucketPolicy(b -> b.bucket(BUCKET).policy(PUBLIC_READ));
    assertThat(s3.getBucketPolicy(b -> b.bucket(BUCKET)).policy()).isEqualTo(PUBLIC_READ);
    assertThat(s3.getBucketPolicyStatus(b -> b.bucket(BUCKET)).policyStatus().isPublic()).isTrue();
    s3.deleteBucketPolicy(b -> b.bucket(BUCKET));
    assertS3Error(404, "NoSuchBucketPolicy", () -> s3.getBucketPolicy(b -> b.bucket(BUCKET)));
  }

  @Test
  void malformedPoliciesAreRefused() {
    assertS3Error(
        400, "MalformedPolicy", () -> s3.putBucketPolicy(b -> b.bucket(BUCKET).policy("nope")));
    assertS3Error(
        400,
        "MalformedPolicy",
        () ->
            s3.putBucketPolicy(
                b -> b.bucket(BUCKET).policy(PUBLIC_READ.replace("s3:GetObject", "s3:Fly"))));
    S3Exception otherBucket =
        assertS3Error(
            400,
            "MalformedPolicy",
            () ->
                s3.putBucketPolicy(
                    b -> b.bucket(BUCKET).policy(PUBLIC_READ.replace(BUCKET + "/", "elsewhere/"))));
    assertThat(otherBucket.awsErrorDetails().errorMessage())
        .isEqualTo("Policy has invalid resource");
  }

  @Test
  void blockPublicPolicyRefusesAPublicPolicy() {
    s3.createBucket(b -> b.bucket("blocked-policy"));
    s3.putPublicAccessBlock(
        b ->
            b.bucket("blocked-policy")
                .publicAccessBlockConfiguration(c -> c.blockPublicPolicy(true)));
    assertS3Error(
        403,
        "AccessDenied",
        () ->
            s3.putBucketPolicy(
                b ->
                    b.bucket("blocked-policy")
                        .policy(PUBLIC_READ.replace(BUCKET + "/", "blocked-policy/"))));
    assertS3Error(
        404, "NoSuchBucketPolicy", () -> s3.getBucketPolicy(b -> b.bucket("blocked-policy")));
  }
}
