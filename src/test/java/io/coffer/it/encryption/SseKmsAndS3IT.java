package io.coffer.it.encryption;

import static io.coffer.it.support.S3Assertions.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.it.admin.Api;
import io.coffer.it.support.CofferTestServer;
import io.coffer.it.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * SSE-S3 and SSE-KMS with the AWS SDK for Java: keys the server keeps, named KMS keys by name and
 * by ARN, the default KMS key, a disabled key, and copies between the modes.
 */
class SseKmsAndS3IT {
  static final String BUCKET = "sse-kms";

  @RegisterExtension static final CofferTestServer coffer = CofferTestServer.withBuckets(BUCKET);

  static S3Client s3;
  static Api api;

  @BeforeAll
  static void setUp() {
    s3 = coffer.s3();
    api = new Api(coffer);
    for (String name : new String[] {"photos", "to-disable"}) {
      assertThat(api.send("POST", "/kms/keys", "{\"name\":\"" + name + "\"}").status())
          .isBetween(200, 201);
    }
  }

  static String arn(String name) {
    return "arn:aws:kms:" + coffer.server().config().region() + ":000000000000:key/" + name;
  }

  @Test
  void sseS3KeepsTheMd5AsETagAndTheDiskHoldsNoPlaintext() throws Exception {
    byte[] body = TestData.random(200_000, 11);
    PutObjectResponse put =
        s3.putObject(
            b -> b.bucket(BUCKET).key("s3").serverSideEncryption(ServerSideEncryption.AES256),
            RequestBody.fromBytes(body));
    assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(put.eTag()).isEqualTo("\"" + TestData.md5Hex(body) + "\"");
    ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("s3"));
    assertThat(got.asByteArray()).isEqualTo(body);
    assertThat(got.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("s3"));
    assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    assertThat(head.contentLength()).isEqualTo(body.length);
    byte[] range =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("s3").range("bytes=65535-131072"))
            .asByteArray();
    assertThat(range).isEqualTo(Arrays.copyOfRange(body, 65_535, 131_073));
    EncryptedFiles.assertNowhereOnDisk(
        coffer.dataDir(), BUCKET, Arrays.copyOfRange(body, 70_000, 70_032));
  }

  @Test
  void sseKmsWithANamedKeyByNameAndByArn() {
    byte[] body = TestData.random(10_000, 12);
    String context =
        Base64.getEncoder().encodeToString("{\"team\":\"red\"}".getBytes(StandardCharsets.UTF_8));
    PutObjectResponse byName =
        s3.putObject(
            b ->
                b.bucket(BUCKET)
                    .key("kms-name")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId("photos")
                    .ssekmsEncryptionContext(context)
                    .bucketKeyEnabled(true),
            RequestBody.fromBytes(body));
    assertThat(byName.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(byName.ssekmsKeyId()).isEqualTo(arn("photos"));
    assertThat(byName.bucketKeyEnabled()).isTrue();
    // As AWS documents: the ETag of an SSE-KMS object is not the MD5 of its plaintext.
    assertThat(byName.eTag()).isNotEqualTo("\"" + TestData.md5Hex(body) + "\"");
    PutObjectResponse byArn =
        s3.putObject(
            b ->
                b.bucket(BUCKET)
                    .key("kms-arn")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId("arn:aws:kms:eu-west-3:123456789012:key/photos"),
            RequestBody.fromBytes(body));
    assertThat(byArn.ssekmsKeyId()).isEqualTo(arn("photos"));
    for (String key : new String[] {"kms-name", "kms-arn"}) {
      ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
      assertThat(got.asByteArray()).isEqualTo(body);
      assertThat(got.response().ssekmsKeyId()).isEqualTo(arn("photos"));
      assertThat(got.response().eTag())
          .isEqualTo(key.equals("kms-name") ? byName.eTag() : byArn.eTag());
    }
  }

  @Test
  void sseKmsWithoutAKeyIdUsesTheDefaultKey() {
    PutObjectResponse put =
        s3.putObject(
            b ->
                b.bucket(BUCKET)
                    .key("kms-default")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS),
            RequestBody.fromString("default key"));
    assertThat(put.ssekmsKeyId()).startsWith("arn:aws:kms:");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("kms-default")).asUtf8String())
        .isEqualTo("default key");
  }

  @Test
  void unknownAndDisabledKeysAreRefused() {
    assertS3Error(
        400,
        "KMS.NotFoundException",
        () ->
            s3.putObject(
                b ->
                    b.bucket(BUCKET)
                        .key("kms-unknown")
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId("no-such-key"),
                RequestBody.fromString("x")));
    s3.putObject(
        b ->
            b.bucket(BUCKET)
                .key("kms-disabled")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("to-disable"),
        RequestBody.fromString("sealed by a key about to be disabled"));
    assertThat(api.send("PUT", "/kms/keys/to-disable", "{\"enabled\":false}").status())
        .isEqualTo(200);
    assertS3Error(
        400,
        "KMS.DisabledException",
        () ->
            s3.putObject(
                b ->
                    b.bucket(BUCKET)
                        .key("kms-disabled-2")
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId("to-disable"),
                RequestBody.fromString("x")));
    assertS3Error(
        400,
        "KMS.DisabledException",
        () -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("kms-disabled")));
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("kms-disabled-2")).keyCount())
        .isZero();
  }

  @Test
  void multipartUploadsKeepTheirEncryption() {
    var upload =
        s3.createMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key("kms-parts")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId("photos"));
    assertThat(upload.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(upload.ssekmsKeyId()).isEqualTo(arn("photos"));
    byte[] part1 = TestData.random(5 * TestData.MIB, 13);
    byte[] part2 = TestData.random(1234, 14);
    var first =
        s3.uploadPart(
            b -> b.bucket(BUCKET).key("kms-parts").uploadId(upload.uploadId()).partNumber(1),
            RequestBody.fromBytes(part1));
    assertThat(first.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    var second =
        s3.uploadPart(
            b -> b.bucket(BUCKET).key("kms-parts").uploadId(upload.uploadId()).partNumber(2),
            RequestBody.fromBytes(part2));
    var completed =
        s3.completeMultipartUpload(
            b ->
                b.bucket(BUCKET)
                    .key("kms-parts")
                    .uploadId(upload.uploadId())
                    .multipartUpload(
                        m ->
                            m.parts(
                                CompletedPart.builder().partNumber(1).eTag(first.eTag()).build(),
                                CompletedPart.builder()
                                    .partNumber(2)
                                    .eTag(second.eTag())
                                    .build())));
    assertThat(completed.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(completed.ssekmsKeyId()).isEqualTo(arn("photos"));
    ResponseBytes<GetObjectResponse> got =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("kms-parts"));
    assertThat(got.asByteArray()).isEqualTo(TestData.concat(part1, part2));
    assertThat(got.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    byte[] across =
        s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("kms-parts").range("bytes=5242000-5243000"))
            .asByteArray();
    assertThat(across)
        .isEqualTo(Arrays.copyOfRange(TestData.concat(part1, part2), 5_242_000, 5_243_001));
  }

  @Test
  void copiesBetweenModesReencrypt() {
    byte[] body = TestData.random(90_000, 15);
    s3.putObject(
        b -> b.bucket(BUCKET).key("copy-s3").serverSideEncryption(ServerSideEncryption.AES256),
        RequestBody.fromBytes(body));
    var toKms =
        s3.copyObject(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("copy-s3")
                    .destinationBucket(BUCKET)
                    .destinationKey("copy-kms")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId("photos"));
    assertThat(toKms.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(toKms.ssekmsKeyId()).isEqualTo(arn("photos"));
    HeadObjectResponse kmsHead = s3.headObject(b -> b.bucket(BUCKET).key("copy-kms"));
    assertThat(kmsHead.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    // A copy without headers is not encrypted as its source was (no bucket default here).
    var toPlain =
        s3.copyObject(
            b ->
                b.sourceBucket(BUCKET)
                    .sourceKey("copy-kms")
                    .destinationBucket(BUCKET)
                    .destinationKey("copy-plain"));
    assertThat(toPlain.serverSideEncryption()).isNull();
    assertThat(toPlain.copyObjectResult().eTag()).isEqualTo("\"" + TestData.md5Hex(body) + "\"");
    for (String key : new String[] {"copy-kms", "copy-plain"}) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()).isEqualTo(body);
    }
    // Encrypting an object in place: a copy onto itself that asks for encryption.
    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("copy-plain")
                .destinationBucket(BUCKET)
                .destinationKey("copy-plain")
                .serverSideEncryption(ServerSideEncryption.AES256));
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("copy-plain")).serverSideEncryption())
        .isEqualTo(ServerSideEncryption.AES256);
  }
}
