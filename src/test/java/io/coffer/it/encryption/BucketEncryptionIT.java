package io.coffer.it.encryption;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/** Put/Get/DeleteBucketEncryption, and the default rule applying to writes without headers. */
class BucketEncryptionIT {
  @RegisterExtension
  static final CofferTestServer coffer =
      CofferTestServer.withBuckets("default-s3", "default-kms", "config");

  static S3Client s3;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    assertThat(new Api(coffer).send("POST", "/kms/keys", "{\"name\":\"archive\"}").status())
        .isBetween(200, 201);
  }

  static ServerSideEncryptionConfiguration rule(
      ServerSideEncryption algorithm, String keyId, Boolean bucketKey) {
    return ServerSideEncryptionConfiguration.builder()
        .rules(
            ServerSideEncryptionRule.builder()
                .applyServerSideEncryptionByDefault(
                    d -> d.sseAlgorithm(algorithm).kmsMasterKeyID(keyId))
                .bucketKeyEnabled(bucketKey)
                .build())
        .build();
  }

  static void putRule(String bucket, ServerSideEncryptionConfiguration configuration) {
    s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(configuration));
  }

  @Test
  void aBucketHasNoDefaultUntilOneIsPutAndAfterItIsDeleted() {
    assertS3Error(
        404,
        "ServerSideEncryptionConfigurationNotFoundError",
        () -> s3.getBucketEncryption(b -> b.bucket("config")));
    putRule("config", rule(ServerSideEncryption.AWS_KMS, "archive", true));
    ServerSideEncryptionRule stored =
        s3.getBucketEncryption(b -> b.bucket("config"))
            .serverSideEncryptionConfiguration()
            .rules()
            .get(0);
    assertThat(stored.applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(stored.applyServerSideEncryptionByDefault().kmsMasterKeyID())
        .isEqualTo(
            "arn:aws:kms:" + coffer.server().config().region() + ":000000000000:key/archive");
    assertThat(stored.bucketKeyEnabled()).isTrue();
    s3.deleteBucketEncryption(b -> b.bucket("config"));
    assertS3Error(
        404,
        "ServerSideEncryptionConfigurationNotFoundError",
        () -> s3.getBucketEncryption(b -> b.bucket("config")));
  }

  @Test
  void invalidRulesAreRefusedAsAwsRefusesThem() {
    assertS3Error(
        400,
        "InvalidArgument",
        () -> putRule("config", rule(ServerSideEncryption.AES256, "archive", null)));
    assertS3Error(
        400,
        "KMS.NotFoundException",
        () -> putRule("config", rule(ServerSideEncryption.AWS_KMS, "no-such-key", null)));
    assertS3Error(
        501,
        "NotImplemented",
        () -> putRule("config", rule(ServerSideEncryption.AWS_KMS_DSSE, null, null)));
    assertS3Error(
        400,
        "MalformedXML",
        () ->
            s3.putBucketEncryption(
                b ->
                    b.bucket("config")
                        .serverSideEncryptionConfiguration(
                            ServerSideEncryptionConfiguration.builder().build())));
    assertS3Error(
        404,
        "ServerSideEncryptionConfigurationNotFoundError",
        () -> s3.getBucketEncryption(b -> b.bucket("config")));
  }

  @Test
  void theDefaultAppliesToWritesWithoutHeadersAndHeadersOverrideIt() throws Exception {
    putRule("default-s3", rule(ServerSideEncryption.AES256, null, null));
    byte[] body = TestData.random(150_000, 21);
    var put = s3.putObject(b -> b.bucket("default-s3").key("object"), RequestBody.fromBytes(body));
    assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(s3.getObjectAsBytes(b -> b.bucket("default-s3").key("object")).asByteArray())
        .isEqualTo(body);
    EncryptedFiles.assertNowhereOnDisk(
        coffer.dataDir(), "default-s3", java.util.Arrays.copyOfRange(body, 100, 132));
    var upload = s3.createMultipartUpload(b -> b.bucket("default-s3").key("upload"));
    assertThat(upload.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    s3.abortMultipartUpload(b -> b.bucket("default-s3").key("upload").uploadId(upload.uploadId()));

    putRule("default-kms", rule(ServerSideEncryption.AWS_KMS, "archive", null));
    var kms = s3.putObject(b -> b.bucket("default-kms").key("object"), RequestBody.fromBytes(body));
    assertThat(kms.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(kms.ssekmsKeyId()).endsWith(":key/archive");
    var copy =
        s3.copyObject(
            b ->
                b.sourceBucket("default-s3")
                    .sourceKey("object")
                    .destinationBucket("default-kms")
                    .destinationKey("copy"));
    assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    var overridden =
        s3.putObject(
            b ->
                b.bucket("default-kms").key("s3").serverSideEncryption(ServerSideEncryption.AES256),
            RequestBody.fromBytes(body));
    assertThat(overridden.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
  }
}
